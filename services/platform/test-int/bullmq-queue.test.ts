import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import type { ArchiveQueue } from '@custodian/core';
import { jobIdFor } from '@custodian/core';
import { ChannelItem, CustodianError } from '@custodian/schemas';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { afterEach, describe, expect, it } from 'vitest';
import { createBullmqQueue } from '../src/queue/bullmq-queue';

const url = process.env.CUSTODIAN_TEST_REDIS_URL;
if (!url)
  throw new Error('CUSTODIAN_TEST_REDIS_URL is not set: run the integration tests through infra/local/with-servers.sh');
const redisUrl: string = url;

const item = (externalId: string = randomUUID()): ChannelItem =>
  ChannelItem.parse({
    tenant: 'acme',
    channel: 'email',
    source: { connector: 'imap', sourceId: 'imap:support@example.com/INBOX', externalId },
    receivedAt: '2024-03-01T08:00:00.000Z',
    payload: { kind: 'email', raw: Buffer.from('Subject: hi\r\n\r\nhello').toString('base64') },
  });

const fast = { concurrency: 2, attempts: 3, backoffMs: 10 };

describe('BullMQ archive queue', () => {
  const open: ArchiveQueue[] = [];
  const openQueue = async (prefix = `ct-${randomUUID().slice(0, 8)}`) => {
    const q = await createBullmqQueue({ redisUrl, prefix });
    open.push(q);
    return { q, prefix };
  };
  /** A plain BullMQ handle on the same Redis keys, to look at what the adapter stored. */
  const peek = async (prefix: string, name: string, fn: (q: Queue) => Promise<void>) => {
    const conn = new Redis(redisUrl);
    const q = new Queue(name, { connection: conn, prefix });
    try {
      await fn(q);
    } finally {
      await q.close();
      await conn.quit();
    }
  };

  afterEach(async () => {
    await Promise.all(open.splice(0).map((q) => q.close()));
  });

  it('queues an item under its jobIdFor id and reports a replay as a duplicate', async () => {
    const { q } = await openQueue();
    const it1 = item();
    const first = await q.enqueue(it1);
    const again = await q.enqueue(it1);

    expect(first).toEqual({ jobId: jobIdFor(it1), duplicate: false });
    expect(again).toEqual({ jobId: first.jobId, duplicate: true });
    expect(await q.counts()).toEqual({ waiting: 1, active: 0, completed: 0, dead: 0 });
  });

  it('still knows a completed job, and keeps only its id', async () => {
    const { q, prefix } = await openQueue();
    const it1 = item();
    const seen: string[] = [];
    const { jobId } = await q.enqueue(it1);
    q.consume(async (x, ctx) => {
      seen.push(`${x.source.externalId}#${ctx.attempt}`);
    }, fast);
    await q.drained();

    expect(seen).toEqual([`${it1.source.externalId}#1`]);
    expect(await q.enqueue(it1)).toEqual({ jobId, duplicate: true });
    expect(await q.counts()).toEqual({ waiting: 0, active: 0, completed: 1, dead: 0 });
    await peek(prefix, 'archive', async (raw) => {
      const job = await raw.getJob(jobId);
      expect(await job?.getState()).toBe('completed');
      expect(job?.data).toEqual({});
    });
  });

  it('processes every queued item before drained() resolves', async () => {
    const { q } = await openQueue();
    for (let i = 0; i < 6; i++) await q.enqueue(item());
    let done = 0;
    q.consume(async () => {
      await new Promise((r) => setTimeout(r, 20));
      done += 1;
    }, fast);
    await q.drained();
    expect(done).toBe(6);
  });

  it('retries a retryable failure with backoff, then succeeds', async () => {
    const { q } = await openQueue();
    const attempts: number[] = [];
    await q.enqueue(item());
    q.consume(async (_x, ctx) => {
      attempts.push(ctx.attempt);
      if (ctx.attempt < 2) throw new CustodianError('E_BLOB_IO', 'storage hiccup', { retryable: true });
    }, fast);
    await q.drained();

    expect(attempts).toEqual([1, 2]);
    expect(await q.counts()).toMatchObject({ completed: 1, dead: 0 });
    expect(await q.deadLetters()).toEqual([]);
  });

  it('dead-letters a non-retryable failure at once, with its code, reason and payload', async () => {
    const { q, prefix } = await openQueue();
    const it1 = item();
    const { jobId } = await q.enqueue(it1);
    let calls = 0;
    q.consume(async () => {
      calls += 1;
      throw new CustodianError('E_MIME_BROKEN', 'message structure cannot be read', { retryable: false });
    }, fast);
    await q.drained();

    expect(calls).toBe(1);
    const [dl, ...rest] = await q.deadLetters();
    expect(rest).toEqual([]);
    expect(dl).toMatchObject({ jobId, code: 'E_MIME_BROKEN', reason: 'message structure cannot be read', attempts: 1 });
    expect(dl?.payload).toMatchObject({ tenant: 'acme', source: it1.source, payload: it1.payload });
    expect(Number.isNaN(Date.parse(dl?.failedAt ?? ''))).toBe(false);
    expect(await q.counts()).toEqual({ waiting: 0, active: 0, completed: 0, dead: 1 });
    // The failed job keeps its id (a replay stays a duplicate) but not the payload, which lives in the dead letter.
    expect(await q.enqueue(it1)).toEqual({ jobId, duplicate: true });
    await peek(prefix, 'archive', async (raw) => {
      expect((await raw.getJob(jobId))?.data).toEqual({});
    });
  });

  it('dead-letters an item whose attempts are exhausted', async () => {
    const { q } = await openQueue();
    await q.enqueue(item());
    const attempts: number[] = [];
    q.consume(async (_x, ctx) => {
      attempts.push(ctx.attempt);
      throw new Error('downstream keeps timing out');
    }, fast);
    await q.drained();

    expect(attempts).toEqual([1, 2, 3]);
    expect(await q.deadLetters()).toEqual([
      expect.objectContaining({ code: 'E_HANDLER_FAILED', reason: 'downstream keeps timing out', attempts: 3 }),
    ]);
  });

  it('lists dead letters oldest first, up to the limit', async () => {
    const { q } = await openQueue();
    const ids: string[] = [];
    for (const ext of ['a', 'b', 'c']) ids.push((await q.enqueue(item(ext))).jobId);
    q.consume(
      async () => {
        throw new CustodianError('E_POISON', 'poison', { retryable: false });
      },
      { ...fast, concurrency: 1 },
    );
    await q.drained();

    expect((await q.deadLetters()).map((d) => d.jobId)).toEqual(ids);
    expect((await q.deadLetters(2)).map((d) => d.jobId)).toEqual(ids.slice(0, 2));
    expect(await q.deadLetters(0)).toEqual([]);
  });

  it('refuses an invalid item at enqueue and queues nothing', async () => {
    const { q } = await openQueue();
    const bad = { ...item(), tenant: 'Not A Tenant', payload: { kind: 'email', raw: '***not base64***' } };
    const err = await q.enqueue(bad as unknown as ChannelItem).catch((e: unknown) => e);

    expect(err).toBeInstanceOf(CustodianError);
    expect(err).toMatchObject({ code: 'E_ITEM_INVALID', retryable: false });
    expect((err as CustodianError).message).toMatch(/tenant/);
    expect(await q.counts()).toEqual({ waiting: 0, active: 0, completed: 0, dead: 0 });
  });

  it('dead-letters a queued payload that is not a valid item, without calling the handler', async () => {
    const { q, prefix } = await openQueue();
    await peek(prefix, 'archive', async (raw) => {
      await raw.add('item', { tenant: 'acme', payload: 'garbage' }, { jobId: 'jforeign1', attempts: 100 });
    });
    let calls = 0;
    q.consume(async () => {
      calls += 1;
    }, fast);
    await q.drained();

    expect(calls).toBe(0);
    const [dl] = await q.deadLetters();
    expect(dl).toMatchObject({ jobId: 'jforeign1', code: 'E_ITEM_INVALID', attempts: 1 });
    expect(dl?.reason).toMatch(/not a valid ChannelItem/);
    expect(dl?.payload).toEqual({ tenant: 'acme', payload: 'garbage' });
  });

  it('reports an unreachable Redis as a retryable error', async () => {
    const seen: Error[] = [];
    const opening = createBullmqQueue({
      redisUrl: 'redis://127.0.0.1:1',
      prefix: 'ct-x',
      onError: (e) => seen.push(e),
    });
    await expect(opening).rejects.toMatchObject({ code: 'E_QUEUE_UNAVAILABLE', retryable: true });
    expect(seen.length).toBeGreaterThan(0);
  });

  it('lets the process exit after close()', async () => {
    const script = `
      import { createBullmqQueue } from './src/queue/bullmq-queue.ts';
      const q = await createBullmqQueue({ redisUrl: process.env.R, prefix: 'ct-exit-' + process.pid });
      await q.enqueue({ tenant: 'acme', channel: 'email', receivedAt: '2024-03-01T08:00:00.000Z',
        source: { connector: 'imap', sourceId: 's', externalId: '1' }, payload: { kind: 'email', raw: 'aGk=' } });
      q.consume(async () => {}, { concurrency: 1, attempts: 1, backoffMs: 10 });
      await q.drained();
      await q.close();
      console.log('closed');`;
    const cwd = fileURLToPath(new URL('..', import.meta.url));
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      cwd,
      env: { ...process.env, R: redisUrl },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
    });
    const started = Date.now();
    const code = await new Promise<number | null>((resolve, reject) => {
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        reject(new Error('the process did not exit within 15 s of close()'));
      }, 15_000);
      child.on('exit', (c) => {
        clearTimeout(timer);
        resolve(c);
      });
    });
    expect(out.trim()).toBe('closed');
    expect(code).toBe(0);
    expect(Date.now() - started).toBeLessThan(15_000);
  });
});
