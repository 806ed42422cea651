import { type CatalogRecord, verifyChain } from '@custodian/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIGRATIONS, migrate } from '../src/catalog/migrations';
import { createSqlCatalog } from '../src/catalog/sql-catalog';
import { openPostgres } from '../src/sql/postgres-client';
import type { SqlClient } from '../src/sql/sql-client';
import { createTestDatabase, type TestDatabase } from '../test-support/test-database';

let db: TestDatabase;
let url: string;
const clients: SqlClient[] = [];

async function connect(poolSize = 4): Promise<SqlClient> {
  const c = await openPostgres(url, { poolSize });
  clients.push(c);
  return c;
}

beforeAll(async () => {
  db = await createTestDatabase('custodian_catalog');
  url = db.url;
});

afterAll(async () => {
  await Promise.all(clients.map((c) => c.close()));
  await db?.drop();
});

const record = (id: string, over: Partial<CatalogRecord> = {}): CatalogRecord => ({
  tenant: 'acme',
  id,
  version: 1,
  channel: 'email',
  occurredAt: '2024-03-01T02:03:04.005Z',
  receivedAt: '2024-03-01T02:05:00.000Z',
  conversationKey: 'thread-1',
  dedupeKey: `email:${id}`,
  subjectId: 'subject-1',
  ownerAgent: null,
  ownerTeam: 'team-a',
  sensitivity: 'L2',
  retentionClass: 'standard',
  retainUntil: '2027-03-01T02:03:04.005Z',
  worm: false,
  objectKey: `records/standard/2024/03/${id}`,
  blobKeys: [`raw/${id}`],
  wrappedDataKey: `wk-${id}`,
  rawSha256: 'a'.repeat(64),
  sealedSha256: 'b'.repeat(64),
  ...over,
});

describe('catalog on PostgreSQL', () => {
  it('migrates once when several processes start at the same time', async () => {
    const starters = await Promise.all([connect(1), connect(1), connect(1)]);
    const applied = await Promise.all(starters.map((c) => migrate(c)));
    expect(applied.flat().sort()).toEqual(MIGRATIONS.map((m) => m.version));
    const { rows } = await starters[0]!.query<{ version: number }>(
      'SELECT version FROM schema_migrations ORDER BY version',
    );
    expect(rows.map((r) => r.version)).toEqual(MIGRATIONS.map((m) => m.version));
  });

  it('commits records and sources and reads them back exactly', async () => {
    const catalog = createSqlCatalog(await connect());
    await catalog.migrate();
    const r = record('pg-1');
    expect(await catalog.commit(r, { connector: 'imap', sourceId: 'box-1', externalId: '1:1' })).toBe('created');
    expect(await catalog.commit(r, { connector: 'imap', sourceId: 'box-2', externalId: '1:9' })).toBe('source-added');
    expect(await catalog.commit(r, { connector: 'imap', sourceId: 'box-2', externalId: '1:9' })).toBe('unchanged');
    expect(await catalog.getLatest('acme', 'pg-1')).toEqual(r);
    expect(await catalog.findByDedupeKey('acme', 'email:pg-1')).toEqual(r);
    expect(await catalog.countRecords('acme')).toBe(1);
    expect((await catalog.sources('acme', 'pg-1')).map((s) => s.sourceId)).toEqual(['box-1', 'box-2']);
  });

  it('creates one subject key when workers on different connections race for a new subject', async () => {
    const catalogs = await Promise.all([1, 2, 3].map(async () => createSqlCatalog(await connect(2))));
    const got = await Promise.all(
      catalogs.flatMap((c, i) => [0, 1].map((j) => c.subjectKey('acme', 'racy-subject', async () => `wk-${i}-${j}`))),
    );
    expect(new Set(got).size).toBe(1);
  });

  it('keeps one unbroken audit chain under concurrent appends from several connections', async () => {
    const catalogs = await Promise.all([1, 2, 3, 4].map(async () => createSqlCatalog(await connect(4))));
    const perCatalog = 15;
    await Promise.all(
      catalogs.flatMap((c, i) =>
        Array.from({ length: perCatalog }, (_, j) =>
          c.appendAudit({
            tenant: 'acme',
            actor: `user-${i}`,
            action: 'record.search',
            target: `q-${i}-${j}`,
            details: { hits: [`r${j}`], n: j, zh: '查询' },
          }),
        ),
      ),
    );
    await catalogs[0]!.appendAudit({ tenant: 'beta', actor: 'x', action: 'auth.login' });
    const chain = await catalogs[1]!.listAudit({ tenant: 'acme', limit: 1000 });
    expect(chain).toHaveLength(catalogs.length * perCatalog);
    expect(chain.map((e) => e.seq)).toEqual(Array.from({ length: chain.length }, (_, i) => i + 1));
    expect(verifyChain(chain)).toBeUndefined();
    expect(new Set(chain.map((e) => e.prevHash)).size).toBe(chain.length);
    expect((await catalogs[2]!.listAudit({ tenant: 'beta' }))[0]?.seq).toBe(1);
  });

  it('manages users and checkpoints', async () => {
    const catalog = createSqlCatalog(await connect());
    const u = await catalog.createUser({
      tenant: 'acme',
      email: 'Wang@corp.example',
      name: '王',
      role: 'supervisor',
      tokenHash: 'pg-t1',
    });
    expect(await catalog.findUserByTokenHash('pg-t1')).toEqual(u);
    expect(await catalog.setUserActive('acme', 'wang@CORP.example', false)).toBe(true);
    expect((await catalog.findUserByTokenHash('pg-t1'))?.active).toBe(false);
    await expect(
      catalog.createUser({ tenant: 'acme', email: 'wang@corp.example', name: 'X', role: 'agent', tokenHash: 'pg-t2' }),
    ).rejects.toMatchObject({ code: 'E_USER_EXISTS' });
    await catalog.setCheckpoint('imap:box-1', 'INBOX', { uidValidity: '3', lastUid: 9 });
    expect(await catalog.getCheckpoint('imap:box-1', 'INBOX')).toEqual({ uidValidity: '3', lastUid: 9 });
  });

  it('describes the connection without its password', async () => {
    const c = await connect(1);
    const { username, password } = new URL(url);
    expect(c.describe()).not.toContain(`:${password}@`);
    expect(c.describe()).toContain(`//${username}@`);
    expect(c.describe()).toContain(new URL(url).pathname);
  });
});

describe('openPostgres', () => {
  it('rolls back a failed transaction, and only the inner part of a nested one', async () => {
    const c = await connect(2);
    await c.query('CREATE TABLE tx_probe (id integer PRIMARY KEY)');
    await expect(
      c.transaction(async (tx) => {
        await tx.query('INSERT INTO tx_probe VALUES (1)');
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    await c.transaction(async (tx) => {
      await tx.query('INSERT INTO tx_probe VALUES (2)');
      await expect(
        tx.transaction(async (inner) => {
          await inner.query('INSERT INTO tx_probe VALUES (3)');
          await inner.query('INSERT INTO tx_probe VALUES (3)');
        }),
      ).rejects.toMatchObject({ code: 'E_SQL', details: { sqlstate: '23505' } });
      await tx.query('INSERT INTO tx_probe VALUES (4)');
    });
    const { rows } = await c.query<{ id: number }>('SELECT id FROM tx_probe ORDER BY id');
    expect(rows.map((r) => r.id)).toEqual([2, 4]);
  });

  it('refuses a transaction client used after its transaction ended', async () => {
    const c = await connect(1);
    let leaked: SqlClient | undefined;
    await c.transaction(async (tx) => {
      leaked = tx;
    });
    await expect(leaked!.query('SELECT 1')).rejects.toMatchObject({ code: 'E_SQL_TX_CLOSED' });
    expect((await c.query<{ one: number }>('SELECT 1 AS one')).rows).toEqual([{ one: 1 }]);
  });

  it('fails with E_SQL_CONNECT, naming the server but not the password, when nothing listens', async () => {
    const err = await openPostgres('postgres://someone:s3cret@127.0.0.1:1/nowhere').catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'E_SQL_CONNECT', retryable: true });
    expect((err as Error).message).toContain('127.0.0.1:1/nowhere');
    expect((err as Error).message).not.toContain('s3cret');
  });
});
