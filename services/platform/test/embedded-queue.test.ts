import { type ArchiveQueue, type JobContext, jobIdFor } from '@custodian/core';
import { type ChannelItem, CustodianError } from '@custodian/schemas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmbeddedQueue, type EmbeddedQueueOptions } from '../src/queue/embedded-queue';
import { openPglite } from '../src/sql/pglite-client';
import type { SqlClient } from '../src/sql/sql-client';

let sql: SqlClient;
const open: ArchiveQueue[] = [];

beforeAll(async () => {
  sql = await openPglite(undefined);
});
afterAll(async () => {
  await Promise.all(open.map((q) => q.close()));
  await sql?.close();
});

let queueCount = 0;
async function newQueue(opts: EmbeddedQueueOptions = {}): Promise<{ queue: ArchiveQueue; name: string }> {
  const name = `q${++queueCount}`;
  const queue = await createEmbeddedQueue(sql, { pollMs: 20, name, ...opts });
  open.push(queue);
  return { queue, name };
}

const item = (n: number, over: Partial<ChannelItem> = {}): ChannelItem => ({
  tenant: 'acme',
  channel: 'email',
  source: { connector: 'imap', sourceId: 'imap:support@example.com/INBOX', externalId: `42:${n}` },
  version: 1,
  receivedAt: '2024-03-01T00:00:00.000Z',
  payload: { kind: 'email', raw: Buffer.from(`Subject: item ${n}\r\n\r\nhello`).toString('base64') },
  ...over,
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('createEmbeddedQueue', () => {
  it('queues an item under its job id once: a replay is reported as a duplicate, also after it ran', async () => {
    const { queue } = await newQueue();
    const first = await queue.enqueue(item(1));
    expect(first).toEqual({ jobId: jobIdFor(item(1)), duplicate: false });
    expect(await queue.enqueue(item(1))).toEqual({ jobId: first.jobId, duplicate: true });
    queue.consume(async () => {}, { concurrency: 1, attempts: 1, backoffMs: 0 });
    await queue.drained();
    expect(await queue.enqueue(item(1))).toEqual({ jobId: first.jobId, duplicate: true });
    expect(await queue.counts()).toEqual({ waiting: 0, active: 0, completed: 1, dead: 0 });
  });

  it('refuses an invalid item with E_ITEM_INVALID and queues nothing', async () => {
    const { queue } = await newQueue();
    const bad = { ...item(2), tenant: 'Not A Tenant', payload: { kind: 'email', raw: '***' } } as ChannelItem;
    const err = await queue.enqueue(bad).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CustodianError);
    expect(err).toMatchObject({ code: 'E_ITEM_INVALID', retryable: false });
    expect((err as CustodianError).message).toContain('tenant');
    expect(await queue.counts()).toEqual({ waiting: 0, active: 0, completed: 0, dead: 0 });
  });

  it('runs every job once, never more at a time than the concurrency, and clears finished payloads', async () => {
    const { queue, name } = await newQueue();
    const seen: string[] = [];
    let running = 0;
    let peak = 0;
    for (let n = 0; n < 12; n++) await queue.enqueue(item(100 + n));
    queue.consume(
      async (it) => {
        running++;
        peak = Math.max(peak, running);
        await sleep(15);
        seen.push(it.source.externalId);
        running--;
      },
      { concurrency: 3, attempts: 1, backoffMs: 0 },
    );
    await queue.drained();
    expect(seen.sort()).toEqual(Array.from({ length: 12 }, (_, n) => `42:${100 + n}`).sort());
    expect(peak).toBeGreaterThan(1);
    expect(peak).toBeLessThanOrEqual(3);
    const { rows } = await sql.query('SELECT 1 FROM queue_jobs WHERE queue = $1 AND payload IS NOT NULL', [name]);
    expect(rows).toEqual([]);
  });

  it('picks up an item enqueued while it was idle', async () => {
    const { queue } = await newQueue({ pollMs: 5_000 });
    const done: string[] = [];
    queue.consume(async (it) => void done.push(it.source.externalId), { concurrency: 1, attempts: 1, backoffMs: 0 });
    await sleep(50);
    await queue.enqueue(item(7));
    const t0 = Date.now();
    while (done.length === 0 && Date.now() - t0 < 3_000) await sleep(10);
    expect(done).toEqual(['42:7']);
  });

  it('retries a failing job with exponential backoff and succeeds on a later try', async () => {
    const { queue } = await newQueue();
    const tries: Array<JobContext & { t: number }> = [];
    await queue.enqueue(item(3));
    queue.consume(
      async (_it, ctx) => {
        tries.push({ ...ctx, t: Date.now() });
        if (ctx.attempt < 3) throw new Error('temporary outage');
      },
      { concurrency: 1, attempts: 5, backoffMs: 60 },
    );
    await queue.drained();
    expect(tries.map((t) => t.attempt)).toEqual([1, 2, 3]);
    expect(tries[1]!.t - tries[0]!.t).toBeGreaterThanOrEqual(55);
    expect(tries[2]!.t - tries[1]!.t).toBeGreaterThanOrEqual(115);
    expect(await queue.counts()).toMatchObject({ completed: 1, dead: 0 });
  });

  it('dead-letters a non-retryable error at once, with its code, reason and payload', async () => {
    const { queue } = await newQueue();
    const { jobId } = await queue.enqueue(item(4));
    let calls = 0;
    queue.consume(
      async () => {
        calls++;
        throw new CustodianError('E_MIME_UNPARSEABLE', 'The message could not be parsed', { retryable: false });
      },
      { concurrency: 1, attempts: 5, backoffMs: 10 },
    );
    await queue.drained();
    expect(calls).toBe(1);
    const [dead] = await queue.deadLetters();
    expect(dead).toMatchObject({
      jobId,
      code: 'E_MIME_UNPARSEABLE',
      reason: 'The message could not be parsed',
      attempts: 1,
    });
    expect(dead?.payload).toEqual(item(4));
    expect(Number.isNaN(Date.parse(dead!.failedAt))).toBe(false);
  });

  it('dead-letters a job that keeps failing once its attempts are used up', async () => {
    const { queue } = await newQueue();
    await queue.enqueue(item(5));
    let calls = 0;
    queue.consume(
      async () => {
        calls++;
        throw new Error('always broken');
      },
      { concurrency: 2, attempts: 3, backoffMs: 5 },
    );
    await queue.drained();
    expect(calls).toBe(3);
    expect(await queue.deadLetters()).toMatchObject([{ code: 'E_JOB_FAILED', reason: 'always broken', attempts: 3 }]);
    expect(await queue.counts()).toEqual({ waiting: 0, active: 0, completed: 0, dead: 1 });
  });

  it('dead-letters a stored payload that no longer parses, without calling the handler', async () => {
    const { queue, name } = await newQueue();
    await sql.query(
      `INSERT INTO queue_jobs (queue, job_id, tenant, state, payload) VALUES ($1, 'jbroken', 'acme', 'waiting', $2::text::jsonb)`,
      [name, JSON.stringify({ tenant: 'acme', payload: { kind: 'fax' } })],
    );
    let calls = 0;
    queue.consume(
      async () => {
        calls++;
      },
      { concurrency: 1, attempts: 3, backoffMs: 0 },
    );
    await queue.drained();
    expect(calls).toBe(0);
    expect(await queue.deadLetters(10)).toMatchObject([{ jobId: 'jbroken', code: 'E_ITEM_INVALID' }]);
  });

  it('reclaims a job left active by a crashed process once its lease has lapsed', async () => {
    const { queue, name } = await newQueue();
    const { jobId } = await queue.enqueue(item(6));
    await sql.query(
      `UPDATE queue_jobs SET state = 'active', attempts = 1, locked_until = now() - interval '1 second'
       WHERE queue = $1 AND job_id = $2`,
      [name, jobId],
    );
    const attempts: number[] = [];
    queue.consume(async (_it, ctx) => void attempts.push(ctx.attempt), { concurrency: 1, attempts: 3, backoffMs: 0 });
    await queue.drained();
    expect(attempts).toEqual([2]);
    expect(await queue.counts()).toMatchObject({ completed: 1 });
  });

  it('does not take over a job whose lease is still being renewed', async () => {
    const { queue: a, name } = await newQueue({ leaseMs: 300 });
    const b = await createEmbeddedQueue(sql, { pollMs: 20, name, leaseMs: 300 });
    open.push(b);
    await a.enqueue(item(8));
    const runs: string[] = [];
    const slow = (who: string) => async () => {
      runs.push(who);
      await sleep(1_000);
    };
    a.consume(slow('a'), { concurrency: 1, attempts: 3, backoffMs: 0 });
    await sleep(60);
    b.consume(slow('b'), { concurrency: 1, attempts: 3, backoffMs: 0 });
    await a.drained();
    expect(runs).toEqual(['a']);
  });

  it('dead-letters a job whose consumer died on every try', async () => {
    const { queue, name } = await newQueue();
    const { jobId } = await queue.enqueue(item(9));
    await sql.query(
      `UPDATE queue_jobs SET state = 'active', attempts = 2, locked_until = now() - interval '1 second'
       WHERE queue = $1 AND job_id = $2`,
      [name, jobId],
    );
    let calls = 0;
    queue.consume(
      async () => {
        calls++;
      },
      { concurrency: 1, attempts: 2, backoffMs: 0 },
    );
    await queue.drained();
    expect(calls).toBe(0);
    expect(await queue.deadLetters()).toMatchObject([{ jobId, code: 'E_JOB_ABANDONED' }]);
  });

  it('waits for running handlers on close and takes no new job afterwards', async () => {
    const { queue } = await newQueue();
    await queue.enqueue(item(10));
    await queue.enqueue(item(11));
    let finished = 0;
    queue.consume(
      async () => {
        await sleep(150);
        finished++;
      },
      { concurrency: 1, attempts: 1, backoffMs: 0 },
    );
    await sleep(50);
    await queue.close();
    expect(finished).toBe(1);
    expect(await queue.counts()).toMatchObject({ completed: 1, waiting: 1, active: 0 });
    await expect(queue.enqueue(item(12))).rejects.toMatchObject({ code: 'E_QUEUE_CLOSED' });
  });

  it('refuses consume options that cannot work', async () => {
    const { queue } = await newQueue();
    expect(() => queue.consume(async () => {}, { concurrency: 0, attempts: 1, backoffMs: 0 })).toThrow(
      expect.objectContaining({ code: 'E_QUEUE_OPTIONS' }),
    );
  });
});
