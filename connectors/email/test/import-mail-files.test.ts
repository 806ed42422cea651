import { createHash } from 'node:crypto';
import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CheckpointStore, ProgressEvent } from '@custodian/connector-kit';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { importMailFiles } from '../src';
import { type EmbeddedArchive, openEmbeddedArchive } from './embedded-archive';

const FIXTURES = join(import.meta.dirname, '../../../test/fixtures/mail');
const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const rawOf = (base64: string) => Buffer.from(base64, 'base64');

let archive: EmbeddedArchive;
const dirs: string[] = [];

beforeAll(async () => {
  archive = await openEmbeddedArchive();
});
afterAll(async () => {
  await archive?.close();
});
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A private copy of the fixtures: source ids come from real paths, so each test gets its own sources. */
function copyFixtures(): string {
  const dir = mkdtempSync(join(tmpdir(), 'custodian-mail-'));
  dirs.push(dir);
  cpSync(FIXTURES, dir, { recursive: true, filter: (src) => !src.endsWith('.ts') });
  return dir;
}

describe('importMailFiles', () => {
  it('imports a folder of .eml and mbox files once each, and reports bad files as failed items with reasons', async () => {
    const dir = copyFixtures();
    const queue = await archive.newQueue();
    const stats = await importMailFiles([dir], { tenant: 'acme', queue, checkpoints: archive.catalog });

    expect(stats).toMatchObject({ seen: 21, enqueued: 19, duplicates: 0, failed: 2, warnings: [] });
    const reasons = Object.fromEntries(stats.failures.map((f) => [f.externalId.replace(`${dir}/`, ''), f.reason]));
    expect(reasons['bad/empty.eml']).toBe('empty file');
    expect(reasons['bad/binary-blob.eml']).toMatch(/not an email/);

    const items = await archive.queuedItems(queue);
    expect(items).toHaveLength(19);
    expect(items.filter((i) => i.source.connector === 'mbox')).toHaveLength(12);
    const gb = items.find((i) => i.payload.messageId === '<tencent_5D0C8E2B71@qq.com>')!;
    expect(rawOf(gb.payload.raw).equals(readFileSync(join(dir, 'invoice-gb18030.eml')))).toBe(true);
    expect(gb.source).toMatchObject({
      connector: 'eml',
      externalId: sha256(readFileSync(join(dir, 'invoice-gb18030.eml'))),
    });
    const english = items.find((i) => i.payload.messageId === '<CAH8xK3pQ7m2Zr5@mail.gmail.com>')!;
    expect(english.payload.folder).toBe('sample');
    expect(rawOf(english.payload.raw).toString()).toContain('\nFrom what I can see on your site');
    expect(items.filter((i) => i.payload.messageId === undefined)).toHaveLength(1);
    for (const i of items) expect(i.source.externalId).toBe(sha256(rawOf(i.payload.raw)));
  });

  it('enqueues nothing new on a second import: the mbox resumes at its end and every .eml is a duplicate', async () => {
    const dir = copyFixtures();
    const queue = await archive.newQueue();
    await importMailFiles([dir], { tenant: 'acme', queue, checkpoints: archive.catalog });
    const again = await importMailFiles([dir], { tenant: 'acme', queue, checkpoints: archive.catalog });
    expect(again).toMatchObject({ seen: 9, enqueued: 0, duplicates: 7, failed: 2 });
    expect(await archive.queuedItems(queue)).toHaveLength(19);
  });

  it('makes every message a duplicate when re-imported without checkpoints', async () => {
    const dir = copyFixtures();
    const queue = await archive.newQueue();
    await importMailFiles([dir], { tenant: 'acme', queue });
    const again = await importMailFiles([dir], { tenant: 'acme', queue });
    expect(again).toMatchObject({ seen: 21, enqueued: 0, duplicates: 19, failed: 2 });
  });

  it('reads only the messages appended to an mbox since the last import', async () => {
    const dir = copyFixtures();
    const mbox = join(dir, 'sample.mbox');
    const queue = await archive.newQueue();
    await importMailFiles([mbox], { tenant: 'acme', queue, checkpoints: archive.catalog });
    appendFileSync(
      mbox,
      'From zhaomin2020@qq.com Tue Mar 11 08:00:00 2025\nFrom: zhaomin2020@qq.com\nSubject: =?UTF-8?B?5YKs5L+D?=\nMessage-ID: <late@qq.com>\n\n>From the start: still waiting.\n',
    );
    const next = await importMailFiles([mbox], { tenant: 'acme', queue, checkpoints: archive.catalog });
    expect(next).toMatchObject({ seen: 1, enqueued: 1, duplicates: 0 });
    const late = (await archive.queuedItems(queue)).find((i) => i.payload.messageId === '<late@qq.com>')!;
    expect(rawOf(late.payload.raw).toString()).toMatch(/\n\nFrom the start: still waiting\.\n$/);
  });

  it('reads a rewritten mbox again from the start, with a warning, and finds only duplicates', async () => {
    const dir = copyFixtures();
    const mbox = join(dir, 'sample.mbox');
    const queue = await archive.newQueue();
    await importMailFiles([mbox], { tenant: 'acme', queue, checkpoints: archive.catalog });
    // A mail client compacting the file: the first message is gone, the rest moved up.
    const bytes = readFileSync(mbox);
    writeFileSync(mbox, bytes.subarray(bytes.indexOf('\nFrom li.wei@support.example.com') + 1));
    const next = await importMailFiles([mbox], { tenant: 'acme', queue, checkpoints: archive.catalog });
    expect(next).toMatchObject({ seen: 11, enqueued: 0, duplicates: 11 });
    expect(next.warnings).toEqual(['sample.mbox changed since the last import; reading it again from the start']);
  });

  it('refuses to run over an unreadable checkpoint instead of silently starting over', async () => {
    const dir = copyFixtures();
    const mbox = join(dir, 'sample.mbox');
    const queue = await archive.newQueue();
    await importMailFiles([mbox], { tenant: 'acme', queue, checkpoints: archive.catalog });
    const broken: CheckpointStore = {
      getCheckpoint: async () => ({ offset: 'end' }),
      setCheckpoint: archive.catalog.setCheckpoint.bind(archive.catalog),
    };
    await expect(importMailFiles([mbox], { tenant: 'acme', queue, checkpoints: broken })).rejects.toMatchObject({
      code: 'E_CHECKPOINT_INVALID',
    });
  });

  it('reports a missing path as a failed item and imports the rest', async () => {
    const dir = copyFixtures();
    const queue = await archive.newQueue();
    const missing = join(dir, 'nope.eml');
    const stats = await importMailFiles([missing, join(dir, 'english-refund.eml')], { tenant: 'acme', queue });
    expect(stats).toMatchObject({ seen: 2, enqueued: 1, failed: 1 });
    expect(stats.failures[0]).toMatchObject({
      externalId: missing,
      code: 'E_FILE_UNREADABLE',
      reason: 'no such file or folder',
    });
  });

  it('treats a file without extension as an mbox when it starts with a From line', async () => {
    const dir = copyFixtures();
    const plain = join(dir, 'Inbox');
    writeFileSync(plain, readFileSync(join(dir, 'sample.mbox')));
    const stats = await importMailFiles([plain], { tenant: 'acme', queue: await archive.newQueue() });
    expect(stats).toMatchObject({ seen: 12, enqueued: 12 });
  });

  it('reports byte progress up to the total size of the files', async () => {
    const dir = copyFixtures();
    const events: ProgressEvent[] = [];
    await importMailFiles([dir], {
      tenant: 'acme',
      queue: await archive.newQueue(),
      onProgress: (e) => events.push(e),
    });
    const last = events.at(-1)!;
    expect(last.unit).toBe('bytes');
    expect(last.total).toBeGreaterThan(10_000);
    expect(last.done).toBe(last.total);
    expect(events.every((e, i) => i === 0 || (e.done ?? 0) >= (events[i - 1]!.done ?? 0))).toBe(true);
  });

  it('stops reading when aborted, keeping what the queue acknowledged', async () => {
    const dir = copyFixtures();
    const stop = new AbortController();
    const stats = await importMailFiles([dir], {
      tenant: 'acme',
      queue: await archive.newQueue(),
      signal: stop.signal,
      onProgress: (e) => {
        if (e.stats.enqueued >= 1) stop.abort();
      },
    });
    expect(stats.seen).toBeGreaterThan(0);
    expect(stats.seen).toBeLessThan(21);
    expect(stats.enqueued + stats.duplicates + stats.failed).toBe(stats.seen);
  });

  it('refuses an invalid tenant before reading anything', async () => {
    const dir = copyFixtures();
    const stats = importMailFiles([dir], { tenant: 'Not A Tenant', queue: await archive.newQueue() });
    await expect(stats).rejects.toMatchObject({ code: 'E_CONFIG_INVALID' });
  });
});
