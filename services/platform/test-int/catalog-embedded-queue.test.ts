import type { ArchiveQueue } from '@custodian/core';
import type { ChannelItem } from '@custodian/schemas';
import { CustodianError } from '@custodian/schemas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmbeddedQueue } from '../src/queue/embedded-queue';
import { openPostgres } from '../src/sql/postgres-client';
import type { SqlClient } from '../src/sql/sql-client';
import { createTestDatabase, type TestDatabase } from '../test-support/test-database';

let db: TestDatabase;
let url: string;
const clients: SqlClient[] = [];
const queues: ArchiveQueue[] = [];

async function queueOn(name: string, poolSize = 4): Promise<ArchiveQueue> {
  const sql = await openPostgres(url, { poolSize });
  clients.push(sql);
  const q = await createEmbeddedQueue(sql, { name, pollMs: 20 });
  queues.push(q);
  return q;
}

beforeAll(async () => {
  db = await createTestDatabase('custodian_catalog');
  url = db.url;
});

afterAll(async () => {
  await Promise.all(queues.map((q) => q.close()));
  await Promise.all(clients.map((c) => c.close()));
  await db?.drop();
});

const item = (n: number): ChannelItem => ({
  tenant: 'acme',
  channel: 'email',
  source: { connector: 'imap', sourceId: 'imap:support@example.com/INBOX', externalId: `9:${n}` },
  version: 1,
  receivedAt: '2024-03-01T00:00:00.000Z',
  payload: { kind: 'email', raw: Buffer.from(`Subject: ${n}\r\n\r\nbody`).toString('base64') },
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('embedded queue on PostgreSQL', () => {
  it('never runs a job twice with several consumers in separate processes', async () => {
    const consumers = await Promise.all([1, 2, 3].map(() => queueOn('shared')));
    const producer = consumers[0]!;
    const jobs = 60;
    const results = await Promise.all(Array.from({ length: jobs }, (_, n) => producer.enqueue(item(n))));
    expect(results.every((r) => !r.duplicate)).toBe(true);
    const runs = new Map<string, number>();
    const byConsumer = [0, 0, 0];
    for (const [i, q] of consumers.entries()) {
      q.consume(
        async (_it, ctx) => {
          runs.set(ctx.jobId, (runs.get(ctx.jobId) ?? 0) + 1);
          byConsumer[i]!++;
          await sleep(5);
        },
        { concurrency: 3, attempts: 3, backoffMs: 10 },
      );
    }
    await producer.drained();
    expect(runs.size).toBe(jobs);
    expect([...runs.values()].every((n) => n === 1)).toBe(true);
    expect(byConsumer.filter((n) => n > 0).length).toBeGreaterThan(1);
    expect(await producer.counts()).toEqual({ waiting: 0, active: 0, completed: jobs, dead: 0 });
  });

  it('treats a replay from another process as a duplicate', async () => {
    const a = await queueOn('replay', 1);
    const b = await queueOn('replay', 1);
    const [x, y] = await Promise.all([a.enqueue(item(1)), b.enqueue(item(1))]);
    expect([x.duplicate, y.duplicate].sort()).toEqual([false, true]);
    expect(x.jobId).toBe(y.jobId);
  });

  it('retries and dead-letters as on the embedded database', async () => {
    const q = await queueOn('failing');
    await q.enqueue(item(1));
    await q.enqueue(item(2));
    const tries = new Map<string, number>();
    q.consume(
      async (it, ctx) => {
        tries.set(it.source.externalId, ctx.attempt);
        if (it.source.externalId === '9:1') throw new Error('flaky');
        throw new CustodianError('E_ITEM_REFUSED', 'refused for good', { retryable: false });
      },
      { concurrency: 2, attempts: 3, backoffMs: 10 },
    );
    await q.drained();
    expect(tries.get('9:1')).toBe(3);
    expect(tries.get('9:2')).toBe(1);
    const dead = await q.deadLetters();
    expect(dead.map((d) => d.code).sort()).toEqual(['E_ITEM_REFUSED', 'E_JOB_FAILED']);
  });
});
