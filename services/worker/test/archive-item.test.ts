import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { EmailItem, SearchIndex } from '@custodian/core';
import { compose, type Platform, parseConfig } from '@custodian/platform';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { archiveItem } from '../src/archive-item';

const MAIL = fileURLToPath(new URL('../../../test/fixtures/mail/', import.meta.url));
const raw = readFileSync(join(MAIL, 'english-refund.eml')).toString('base64');

const item = (sourceId: string, externalId: string): EmailItem => ({
  tenant: 'default',
  channel: 'email',
  source: { connector: 'imap', sourceId, externalId },
  version: 1,
  receivedAt: '2026-03-06T08:00:00.000Z',
  payload: { kind: 'email', raw },
});

describe('archiveItem', () => {
  let dir: string;
  let platform: Platform;
  let failNextIndexWrite = false;
  let handle: ReturnType<typeof archiveItem>;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'custodian-worker-'));
    platform = await compose(
      parseConfig({ dataDir: dir, log: { level: 'silent' }, policy: { agentDomains: ['support.example.com'] } }),
    );
    // The real index, failing once on demand: a crash between the catalog commit and the index write.
    const index: SearchIndex = {
      ...platform.index,
      upsert: async (docs) => {
        if (failNextIndexWrite) {
          failNextIndexWrite = false;
          throw new Error('index unavailable');
        }
        return platform.index.upsert(docs);
      },
    };
    handle = archiveItem({ ...platform, index, policy: platform.config.policy });
  }, 60_000);

  afterAll(async () => {
    await platform?.close();
    await rm(dir, { recursive: true, force: true });
  });

  const ctx = { jobId: 'j', attempt: 1 };
  const found = async (q: string) =>
    (await platform.index.search({ text: q, tokens: [], limit: 10, offset: 0 }, { tenant: 'default' })).total;

  it('archives a message once and leaves a replay unchanged', async () => {
    expect(await handle(item('imap:a/INBOX', '1:1'), ctx)).toBe('created');
    expect(await handle(item('imap:a/INBOX', '1:1'), ctx)).toBe('unchanged');
    expect(await platform.catalog.countRecords('default')).toBe(1);
  });

  it('makes the same message from a second mailbox a second source of the same record', async () => {
    expect(await handle(item('imap:b/INBOX', '9:4'), ctx)).toBe('source-added');
    expect(await platform.catalog.countRecords('default')).toBe(1);
    const sources = await platform.catalog.sources('default', (await firstId())!);
    expect(sources.map((s) => s.sourceId).sort()).toEqual(['imap:a/INBOX', 'imap:b/INBOX']);
  });

  it('repairs the index on the retry after a failure between catalog and index', async () => {
    const other = readFileSync(join(MAIL, 'delivery-question.eml')).toString('base64');
    const it2: EmailItem = { ...item('imap:a/INBOX', '1:2'), payload: { kind: 'email', raw: other } };
    failNextIndexWrite = true;
    await expect(handle(it2, ctx)).rejects.toThrow('index unavailable');
    expect(await platform.catalog.countRecords('default')).toBe(2);
    const before = await found('发货');
    expect(await handle(it2, { ...ctx, attempt: 2 })).toBe('unchanged');
    expect(await found('发货')).toBe(before + 1);
  });

  async function firstId(): Promise<string | undefined> {
    const res = await platform.index.search({ text: 'refund', tokens: [], limit: 1, offset: 0 }, { tenant: 'default' });
    return res.hits[0]?.doc.id;
  }
});
