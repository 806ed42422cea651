import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRecordService, issueUser } from '@custodian/api';
import { dataKeyContext, decrypt, sha256Hex, unwrapKey } from '@custodian/core';
import { compose, type Platform, parseConfig } from '@custodian/platform';
import { startWorker } from '@custodian/worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../services/platform/test-support/test-database';
import { requireEnv } from '../support/require-env';

const env = requireEnv(
  'CUSTODIAN_TEST_PG_URL',
  'CUSTODIAN_TEST_REDIS_URL',
  'CUSTODIAN_TEST_S3_ENDPOINT',
  'CUSTODIAN_TEST_S3_ACCESS_KEY',
  'CUSTODIAN_TEST_S3_SECRET_KEY',
);

/** A message with a 50 MB attachment, made here rather than committed. */
function bigMessage(attachment: Buffer): Buffer {
  const body = (attachment.toString('base64').match(/.{1,76}/g) ?? []).join('\r\n');
  return Buffer.from(
    [
      'From: =?UTF-8?B?5a2Z5Li9?= <sunli_hz@163.com>',
      'To: li.wei@support.example.com',
      'Subject: =?UTF-8?B?6YCA5qy+77ya6ZmE5Lu2?=',
      'Date: Mon, 10 Mar 2025 09:00:00 +0800',
      `Message-ID: <big.${randomBytes(4).toString('hex')}@163.com>`,
      'MIME-Version: 1.0',
      'Content-Type: multipart/mixed; boundary="b"',
      '',
      '--b',
      'Content-Type: text/plain; charset=UTF-8',
      '',
      '扫描件见附件，手机 18867123409。',
      '--b',
      'Content-Type: application/octet-stream; name="scan.bin"',
      'Content-Transfer-Encoding: base64',
      'Content-Disposition: attachment; filename="scan.bin"',
      '',
      body,
      '--b--',
      '',
    ].join('\r\n'),
  );
}

describe('a 50 MB attachment through the server-profile pipeline', () => {
  let dir: string;
  let db: TestDatabase;
  let platform: Platform;
  const attachment = randomBytes(50 * 1024 * 1024);

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'custodian-large-'));
    const run = randomBytes(4).toString('hex');
    db = await createTestDatabase('custodian_large');
    platform = await compose(
      parseConfig({
        profile: 'server',
        tenant: 'large',
        keyring: { path: join(dir, 'keyring.json') },
        catalog: { kind: 'postgres', url: db.url },
        queue: { kind: 'bullmq', redisUrl: env.CUSTODIAN_TEST_REDIS_URL, prefix: `large-${run}` },
        blobs: {
          kind: 's3',
          endpoint: env.CUSTODIAN_TEST_S3_ENDPOINT,
          bucket: `large-${run}`,
          accessKeyId: env.CUSTODIAN_TEST_S3_ACCESS_KEY,
          secretAccessKey: env.CUSTODIAN_TEST_S3_SECRET_KEY,
        },
        worker: { concurrency: 1 },
        log: { level: 'warn' },
        policy: { agentDomains: ['support.example.com'] },
      }),
    );
    await platform.queue.enqueue({
      tenant: 'large',
      channel: 'email',
      source: { connector: 'test', sourceId: 'large', externalId: '1' },
      version: 1,
      receivedAt: new Date().toISOString(),
      payload: { kind: 'email', raw: bigMessage(attachment).toString('base64') },
    });
    startWorker(platform);
    await platform.queue.drained();
  }, 300_000);

  afterAll(async () => {
    await platform?.close();
    await db?.drop();
    await rm(dir, { recursive: true, force: true });
  });

  it('archives it with the attachment sealed as its own object that decrypts to the same bytes', async () => {
    expect((await platform.queue.counts()).dead).toBe(0);
    const { token } = await issueUser(platform.catalog, {
      tenant: 'large',
      email: 'o@example.com',
      name: 'o',
      role: 'compliance',
    });
    const service = createRecordService({ ...platform, policy: platform.config.policy });
    const officer = await service.authenticate(token);
    const hit = (await service.search(officer, { q: '18867123409' })).hits[0];
    expect(hit).toBeDefined();
    const { record } = await service.view(officer, hit!.id);
    const meta = record.attachments[0]!;
    expect(meta).toMatchObject({ name: 'scan.bin', size: attachment.length, sha256: sha256Hex(attachment) });

    const entry = (await platform.catalog.getLatest('large', hit!.id))!;
    const subjectKey = await platform.keys.unwrap(
      'large',
      (await platform.catalog.getSubjectKey('large', entry.subjectId))!,
    );
    const dataKey = unwrapKey(subjectKey, entry.wrappedDataKey, dataKeyContext('large', entry.id, entry.version));
    const sealed = await platform.blobs.get(meta.blobKey!);
    expect(decrypt(dataKey, sealed, meta.blobKey!).equals(attachment)).toBe(true);
  });
});
