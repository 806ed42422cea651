import type { ArchiveQueue } from '@custodian/core';
import { type ChannelItem, CustodianError } from '@custodian/schemas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmbeddedQueue } from '../../../services/platform/src/queue/embedded-queue';
import { openPglite } from '../../../services/platform/src/sql/pglite-client';
import type { SqlClient } from '../../../services/platform/src/sql/sql-client';
import { EnqueueWindow, type ProgressEvent, StatsRecorder } from '../src';

let sql: SqlClient;
let queueNo = 0;

beforeAll(async () => {
  sql = await openPglite(undefined);
});
afterAll(async () => {
  await sql?.close();
});

/** A fresh real embedded queue per test, so counts and duplicates don't leak between tests. */
const freshQueue = () => createEmbeddedQueue(sql, { name: `window-${++queueNo}` });

const item = (n: number): ChannelItem => ({
  tenant: 'acme',
  channel: 'email',
  source: { connector: 'eml', sourceId: 'eml:test', externalId: `m${n}` },
  version: 1,
  receivedAt: '2025-03-03T01:00:00.000Z',
  payload: { kind: 'email', raw: Buffer.from(`Subject: ${n}\r\n\r\nbody ${n}\r\n`).toString('base64') },
});

/** Holds enqueues of chosen items until released, and counts how many are in flight at once. */
function gated(queue: ArchiveQueue, held: Set<string>) {
  let inFlight = 0;
  let maxInFlight = 0;
  const releases: Array<() => void> = [];
  const wrapped: ArchiveQueue = {
    ...queue,
    async enqueue(i) {
      inFlight += 1;
      maxInFlight = Math.max(maxInFlight, inFlight);
      try {
        if (held.has(i.source.externalId)) await new Promise<void>((r) => releases.push(r));
        else await new Promise((r) => setTimeout(r, 2));
        return await queue.enqueue(i);
      } finally {
        inFlight -= 1;
      }
    },
  };
  return {
    queue: wrapped,
    max: () => maxInFlight,
    release: () => {
      for (const r of releases.splice(0)) r();
    },
  };
}

describe('EnqueueWindow', () => {
  it('never has more than maxInFlight enqueues unacknowledged, and enqueues every item', async () => {
    const real = await freshQueue();
    const g = gated(real, new Set());
    const stats = new StatsRecorder();
    const window = new EnqueueWindow<number>({ queue: g.queue, stats, maxInFlight: 4 });
    for (let n = 0; n < 40; n++) await window.push(item(n), n);
    expect(await window.drain()).toBe(39);
    expect(g.max()).toBe(4);
    expect(stats.snapshot()).toMatchObject({ enqueued: 40, duplicates: 0, failed: 0 });
    expect((await real.counts()).waiting).toBe(40);
  });

  it('moves the settled mark only over a contiguous acknowledged prefix', async () => {
    const g = gated(await freshQueue(), new Set(['m2']));
    const window = new EnqueueWindow<number>({ queue: g.queue, stats: new StatsRecorder(), maxInFlight: 10 });
    for (let n = 0; n < 5; n++) await window.push(item(n), n);
    await new Promise((r) => setTimeout(r, 50));
    expect(window.settled()).toBe(1);
    g.release();
    expect(await window.drain()).toBe(4);
  });

  it('counts items the queue already had as duplicates', async () => {
    const queue = await freshQueue();
    const first = new StatsRecorder();
    const w1 = new EnqueueWindow<number>({ queue, stats: first });
    for (let n = 0; n < 3; n++) await w1.push(item(n), n);
    await w1.drain();
    const second = new StatsRecorder();
    const w2 = new EnqueueWindow<number>({ queue, stats: second });
    for (let n = 0; n < 4; n++) await w2.push(item(n), n);
    await w2.drain();
    expect(second.snapshot()).toMatchObject({ enqueued: 1, duplicates: 3 });
  });

  it('records an item the queue refuses for good as failed, and goes on past it', async () => {
    const queue = await freshQueue();
    const stats = new StatsRecorder();
    const rejected: number[] = [];
    const window = new EnqueueWindow<number>({ queue, stats, onRejected: (mark) => rejected.push(mark) });
    const broken = { ...item(1), payload: { kind: 'email', raw: '*** not base64 ***' } } as ChannelItem;
    await window.push(item(0), 0);
    await window.push(broken, 1);
    await window.push(item(2), 2);
    expect(await window.drain()).toBe(2);
    expect(rejected).toEqual([1]);
    const s = stats.snapshot();
    expect(s).toMatchObject({ enqueued: 2, failed: 1 });
    expect(s.failures[0]).toMatchObject({ externalId: 'm1', code: 'E_ITEM_INVALID' });
  });

  it('stops at a retryable queue error: drain rejects and the settled mark stays before the failed item', async () => {
    const real = await freshQueue();
    const flaky: ArchiveQueue = {
      ...real,
      enqueue: async (i) => {
        if (i.source.externalId === 'm2')
          throw new CustodianError('E_QUEUE_UNAVAILABLE', 'queue away', { retryable: true });
        return real.enqueue(i);
      },
    };
    const window = new EnqueueWindow<number>({ queue: flaky, stats: new StatsRecorder(), maxInFlight: 1 });
    await window.push(item(0), 0);
    await window.push(item(1), 1);
    await window.push(item(2), 2).catch(() => {});
    await expect(window.drain()).rejects.toMatchObject({ code: 'E_QUEUE_UNAVAILABLE' });
    await expect(window.push(item(3), 3)).rejects.toMatchObject({ code: 'E_QUEUE_UNAVAILABLE' });
    expect(window.settled()).toBe(1);
  });

  it('reports progress after every change', async () => {
    const events: ProgressEvent[] = [];
    const stats = new StatsRecorder((e) => events.push(e));
    const window = new EnqueueWindow<number>({ queue: await freshQueue(), stats });
    stats.seen();
    await window.push(item(0), 0);
    await window.drain();
    expect(events.map((e) => [e.stats.seen, e.stats.enqueued])).toEqual([
      [1, 0],
      [1, 1],
    ]);
  });
});
