import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createMemoryCheckpointStore } from '@custodian/connector-kit';
import type { ArchiveQueue, EmailItem } from '@custodian/core';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBullmqQueue } from '../../../services/platform/src/queue/bullmq-queue';
import { importMailFiles } from '../src';

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

let queue: ArchiveQueue;
let dir: string;
const received: EmailItem[] = [];

beforeAll(async () => {
  const redisUrl = process.env.CUSTODIAN_TEST_REDIS_URL;
  if (!redisUrl)
    throw new Error('CUSTODIAN_TEST_REDIS_URL is not set: run integration tests through infra/local/with-servers.sh');
  queue = await createBullmqQueue({ redisUrl, prefix: `t-${randomBytes(4).toString('hex')}` });
  queue.consume(
    async (item) => {
      if (item.payload.kind !== 'email') throw new Error('expected an email item');
      received.push({ ...item, payload: item.payload });
    },
    { concurrency: 1, attempts: 1, backoffMs: 0 },
  );
  dir = mkdtempSync(join(tmpdir(), 'custodian-big-'));
});

afterAll(async () => {
  await queue?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** A message with a 50 MB attachment, made here rather than committed. */
function bigMessage(): Buffer {
  const attachment = Buffer.alloc(50 * 1024 * 1024);
  for (let i = 0; i < attachment.length; i += 4) attachment.writeUInt32LE((i * 2654435761) >>> 0, i);
  const body = (attachment.toString('base64').match(/.{1,76}/g) ?? []).join('\n');
  return Buffer.from(
    [
      'From: =?UTF-8?B?5a2Z5Li9?= <sunli_hz@163.com>',
      'To: kefu@support.example.com',
      'Subject: =?UTF-8?B?6YCA5qy+77ya6ZmE5Lu2?=',
      'Message-ID: <big.attachment@163.com>',
      'MIME-Version: 1.0',
      'Content-Type: multipart/mixed; boundary="b"',
      '',
      '--b',
      'Content-Type: text/plain; charset=UTF-8',
      '',
      'see the attachment',
      '--b',
      'Content-Type: application/octet-stream; name="scan.bin"',
      'Content-Transfer-Encoding: base64',
      '',
      body,
      '--b--',
      '',
    ].join('\n'),
  );
}

describe('importMailFiles with a 50 MB attachment', () => {
  it('carries the message from an mbox through the real queue byte for byte, resuming after it', async () => {
    const message = bigMessage();
    const mbox = join(dir, 'big.mbox');
    writeFileSync(
      mbox,
      Buffer.concat([
        Buffer.from('From a@qq.com Sat Mar  8 10:00:00 2025\nFrom: a@qq.com\nSubject: small\n\nsmall one\n\n'),
        Buffer.from('From sunli_hz@163.com Sun Mar  9 13:14:15 2025\n'),
        message,
        Buffer.from('\n'),
      ]),
    );
    const checkpoints = createMemoryCheckpointStore();
    const started = performance.now();
    const stats = await importMailFiles([mbox], { tenant: 'acme', queue, checkpoints });
    const importMs = Math.round(performance.now() - started);
    expect(stats).toMatchObject({ seen: 2, enqueued: 2, failed: 0 });
    await queue.drained();
    const big = received.find((i) => i.payload.messageId === '<big.attachment@163.com>')!;
    expect(sha256(Buffer.from(big.payload.raw, 'base64'))).toBe(sha256(message));
    expect(await importMailFiles([mbox], { tenant: 'acme', queue, checkpoints })).toMatchObject({ seen: 0 });
    console.log(
      `mbox with a 50 MB message: imported in ${importMs} ms, rss ${Math.round(process.memoryUsage().rss / 1e6)} MB`,
    );
  });
});
