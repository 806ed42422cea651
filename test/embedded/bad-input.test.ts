import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { createRecordService, issueUser } from '@custodian/api';
import { importMailFiles } from '@custodian/connector-email';
import { newDataKey, sealItem } from '@custodian/core';
import { compose, createLogger, type Platform, parseConfig } from '@custodian/platform';
import type { Principal } from '@custodian/schemas';
import { startWorker } from '@custodian/worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO } from '../support/run-cli';

const MAIL = join(REPO, 'test/fixtures/mail');
const RAW = ['13812345678', '110101199003071233', 'zhang.wei88@qq.com', 'wangfang_sh@163.com'];

/** Everything the pipeline logs, at debug level, to check that no identifier ever reaches a log line. */
class LogSink extends Writable {
  text = '';
  override _write(chunk: Buffer, _e: BufferEncoding, done: () => void) {
    this.text += chunk.toString('utf8');
    done();
  }
}

describe('bad input through the embedded pipeline', () => {
  let dir: string;
  let platform: Platform;
  let officer: Principal;
  let service: ReturnType<typeof createRecordService>;
  let importStats: Awaited<ReturnType<typeof importMailFiles>>;
  const logs = new LogSink();

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'custodian-bad-'));
    const config = parseConfig({
      dataDir: dir,
      worker: { attempts: 2, backoffMs: 10 },
      policy: { agentDomains: ['support.example.com'] },
    });
    platform = await compose(config, createLogger('debug', 'test', logs));
    service = createRecordService({ ...platform, policy: config.policy });
    importStats = await importMailFiles(
      [join(MAIL, 'bad'), join(MAIL, 'invoice-gb18030.eml'), join(MAIL, 'sample.mbox')],
      {
        tenant: config.tenant,
        queue: platform.queue,
      },
    );
    // A payload that was tampered with in the queue: it cannot be opened, so it must be dead-lettered with the reason.
    // (Sealed under a key that is not the tenant's: it authenticates under none the worker has.)
    const forged = sealItem(newDataKey(), {
      tenant: config.tenant,
      channel: 'email',
      source: { connector: 'test', sourceId: 'tampered', externalId: '1' },
      version: 1,
      receivedAt: new Date().toISOString(),
      payload: { kind: 'email', raw: Buffer.from('Subject: hi\r\n\r\nhello').toString('base64') },
    });
    await platform.queue.enqueue(forged);
    startWorker(platform);
    await platform.queue.drained();
    const { token } = await issueUser(platform.catalog, {
      tenant: config.tenant,
      email: 'o@example.com',
      name: 'o',
      role: 'compliance',
    });
    officer = await service.authenticate(token);
  }, 120_000);

  afterAll(async () => {
    await platform?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('reports the empty and the binary file as unreadable, with reasons, instead of crashing', () => {
    expect(importStats.failed).toBeGreaterThanOrEqual(1);
    for (const f of importStats.failures) expect(f.reason.length).toBeGreaterThan(0);
  });

  it('archives broken MIME, an unknown charset and a message without Message-ID or Date, recording each problem', async () => {
    const problems: string[] = [];
    // Found by the phone numbers in them: the digits survive a broken structure and an unknown charset.
    for (const q of ['15921347765', '13501029988', '13812345678']) {
      for (const hit of (await service.search(officer, { q, limit: 50 })).hits) {
        const { record } = await service.view(officer, hit.id);
        problems.push(...record.problems.map((p) => p.code));
      }
    }
    expect(problems).toEqual(expect.arrayContaining(['W_NO_MESSAGE_ID', 'W_NO_DATE']));
    expect(problems.some((c) => c.startsWith('W_CHARSET'))).toBe(true);
  });

  it('decodes a GB18030 message into searchable Chinese', async () => {
    const res = await service.search(officer, { q: '发票' });
    expect(res.total).toBeGreaterThan(0);
    const { record } = await service.view(officer, res.hits[0]!.id);
    expect(record.subject + record.turns[0]!.text).toMatch(/发票/);
  });

  it('dead-letters a tampered queue payload with the reason, and nothing else', async () => {
    const dead = await platform.queue.deadLetters();
    expect(dead.map((d) => d.code)).toEqual(['E_SEALED_INTEGRITY']);
    expect(dead[0]!.reason).toMatch(/failed authentication/);
  });

  it('never writes an identifier or message text to a log line', () => {
    expect(logs.text).toContain('record archived');
    for (const raw of RAW) expect(logs.text).not.toContain(raw);
    expect(logs.text).not.toContain('退款');
  });
});
