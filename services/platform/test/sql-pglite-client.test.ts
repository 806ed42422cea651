import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CustodianError } from '@custodian/schemas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPglite } from '../src/sql/pglite-client';
import type { SqlClient } from '../src/sql/sql-client';

let sql: SqlClient;

beforeAll(async () => {
  sql = await openPglite(undefined);
  await sql.query('CREATE TABLE items (id integer PRIMARY KEY, tags text[], doc jsonb, at timestamptz)');
});
afterAll(async () => {
  await sql?.close();
});

const deferred = () => {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => {
    resolve = r;
  });
  return { promise, resolve };
};

describe('openPglite', () => {
  it('round-trips parameters, text arrays, jsonb and timestamps', async () => {
    await sql.query('INSERT INTO items VALUES ($1, $2, $3::text::jsonb, $4)', [
      1,
      ['a', 'b,"c'],
      JSON.stringify({ zh: '退款', n: [1, 2.5] }),
      '2024-05-06T07:08:09.123Z',
    ]);
    const { rows, rowCount } = await sql.query<{ tags: string[]; doc: unknown; at: Date }>(
      'SELECT tags, doc, at FROM items WHERE id = $1',
      [1],
    );
    expect(rowCount).toBe(1);
    expect(rows[0]?.tags).toEqual(['a', 'b,"c']);
    expect(rows[0]?.doc).toEqual({ zh: '退款', n: [1, 2.5] });
    expect(new Date(rows[0]!.at).toISOString()).toBe('2024-05-06T07:08:09.123Z');
  });

  it('reports how many rows an update touched', async () => {
    await sql.query('INSERT INTO items (id) VALUES (10), (11), (12)');
    const r = await sql.query('UPDATE items SET tags = $1 WHERE id >= 10 AND id <= 12', [['x']]);
    expect(r.rowCount).toBe(3);
  });

  it('commits a transaction and rolls one back when its function throws', async () => {
    await sql.transaction(async (tx) => {
      await tx.query('INSERT INTO items (id) VALUES (20)');
    });
    await expect(
      sql.transaction(async (tx) => {
        await tx.query('INSERT INTO items (id) VALUES (21)');
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    const { rows } = await sql.query<{ id: number }>('SELECT id FROM items WHERE id IN (20, 21) ORDER BY id');
    expect(rows.map((r) => r.id)).toEqual([20]);
  });

  it('rolls back only the inner part of a nested transaction', async () => {
    await sql.transaction(async (tx) => {
      await tx.query('INSERT INTO items (id) VALUES (30)');
      await expect(
        tx.transaction(async (inner) => {
          await inner.query('INSERT INTO items (id) VALUES (31)');
          throw new Error('inner fails');
        }),
      ).rejects.toThrow('inner fails');
      await tx.query('INSERT INTO items (id) VALUES (32)');
    });
    const { rows } = await sql.query<{ id: number }>('SELECT id FROM items WHERE id BETWEEN 30 AND 39 ORDER BY id');
    expect(rows.map((r) => r.id)).toEqual([30, 32]);
  });

  it('makes a query issued during another transaction wait for it instead of joining it', async () => {
    const inside = deferred();
    const release = deferred();
    const order: string[] = [];
    const tx = sql
      .transaction(async (t) => {
        await t.query('INSERT INTO items (id) VALUES (40)');
        inside.resolve();
        await release.promise;
        order.push('tx-rollback');
        throw new Error('roll back');
      })
      .catch(() => undefined);
    await inside.promise;
    // Issued while the transaction is open: if it interleaved, it would see row 40 and be rolled back with it.
    const outside = sql
      .query('INSERT INTO items (id) SELECT 41 WHERE NOT EXISTS (SELECT 1 FROM items WHERE id = 40)')
      .then(() => {
        order.push('outside-done');
      });
    await new Promise((r) => setTimeout(r, 50));
    expect(order).toEqual([]);
    release.resolve();
    await Promise.all([tx, outside]);
    expect(order).toEqual(['tx-rollback', 'outside-done']);
    const { rows } = await sql.query<{ id: number }>('SELECT id FROM items WHERE id IN (40, 41) ORDER BY id');
    expect(rows.map((r) => r.id)).toEqual([41]);
  });

  it('refuses a query on the root client from inside a transaction instead of deadlocking', async () => {
    const err = await sql.transaction(async () => sql.query('SELECT 1')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CustodianError);
    expect((err as CustodianError).code).toBe('E_SQL_TX_REENTRANT');
  });

  it('refuses a transaction client used after its transaction ended', async () => {
    let leaked: SqlClient | undefined;
    await sql.transaction(async (tx) => {
      leaked = tx;
    });
    await expect(leaked!.query('SELECT 1')).rejects.toMatchObject({ code: 'E_SQL_TX_CLOSED' });
  });

  it('turns a database error into E_SQL with the SQLSTATE and constraint, not retryable', async () => {
    const err = await sql.query('INSERT INTO items (id) VALUES (1)').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CustodianError);
    expect(err).toMatchObject({
      code: 'E_SQL',
      retryable: false,
      details: { sqlstate: '23505', constraint: 'items_pkey' },
    });
  });

  it('describes an in-memory database without a path', () => {
    expect(sql.describe()).toBe('pglite:memory');
  });
});

describe('openPglite with a directory', () => {
  it('keeps committed data across a close and a reopen', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'custodian-pglite-'));
    try {
      const first = await openPglite(join(dir, 'db'));
      await first.query('CREATE TABLE kept (v text)');
      await first.query('INSERT INTO kept VALUES ($1)', ['still here']);
      await first.close();
      const second = await openPglite(join(dir, 'db'));
      const { rows } = await second.query<{ v: string }>('SELECT v FROM kept');
      await second.close();
      expect(rows).toEqual([{ v: 'still here' }]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
