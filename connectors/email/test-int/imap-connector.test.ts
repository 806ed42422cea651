import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ConnectorLog, ConnectorStats, ProgressEvent } from '@custodian/connector-kit';
import type { ArchiveQueue, EmailItem } from '@custodian/core';
import { ImapSource, type ImapSource as ImapSourceConfig } from '@custodian/schemas';
import { ImapFlow } from 'imapflow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createImapConnector, ImapFolderCheckpoint, imapSourceId, splitMbox } from '../src';
import { type EmbeddedArchive, openEmbeddedArchive } from '../test/embedded-archive';

const FIXTURES = join(import.meta.dirname, '../../../test/fixtures/mail');

function env(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run integration tests through infra/local/with-servers.sh`);
  return value;
}

let host: string;
let port: number;
let user: string;
let password: string;
let admin: ImapFlow;
let archive: EmbeddedArchive;
/** One prefix per test file run, so reruns and other files never share a folder. */
const prefix = `Test-${randomBytes(4).toString('hex')}`;
let folderNo = 0;
const logs: Array<{ level: string; fields: Record<string, unknown>; message: string }> = [];

const log: ConnectorLog = {
  debug: (fields, message) => logs.push({ level: 'debug', fields, message }),
  info: (fields, message) => logs.push({ level: 'info', fields, message }),
  warn: (fields, message) => logs.push({ level: 'warn', fields, message }),
  error: (fields, message) => logs.push({ level: 'error', fields, message }),
};

/** The sample mailbox's messages with CRLF line ends, as IMAP stores and returns them. */
let messages: Buffer[];

beforeAll(async () => {
  host = env('CUSTODIAN_TEST_IMAP_HOST');
  port = Number(env('CUSTODIAN_TEST_IMAP_PORT'));
  const [first] = env('CUSTODIAN_TEST_IMAP_USERS').split(',');
  [user, password] = first!.split(':') as [string, string];
  admin = new ImapFlow({ host, port, secure: false, auth: { user, pass: password }, logger: false });
  await admin.connect();
  archive = await openEmbeddedArchive();
  messages = [];
  const crlf = (b: Buffer) => Buffer.from(b.toString('latin1').replace(/\r?\n/g, '\r\n'), 'latin1');
  async function* file() {
    yield readFileSync(join(FIXTURES, 'sample.mbox'));
  }
  for await (const m of splitMbox(file())) messages.push(crlf(m.raw));
  messages.push(
    readFileSync(join(FIXTURES, 'invoice-gb18030.eml')),
    readFileSync(join(FIXTURES, 'refund-receipt-pdf.eml')),
  );
});

afterAll(async () => {
  if (admin?.usable) {
    for (const box of await admin.list()) {
      if (box.path.startsWith(prefix)) await admin.mailboxDelete(box.path);
    }
    await admin.logout();
  }
  await archive?.close();
});

async function newFolder(...contents: Buffer[]): Promise<string> {
  const folder = `${prefix}-${++folderNo}`;
  await admin.mailboxCreate(folder);
  for (const raw of contents) await admin.append(folder, raw);
  return folder;
}

function sourceFor(folder: string, overrides: Partial<ImapSourceConfig> = {}): ImapSourceConfig {
  return ImapSource.parse({
    id: 'support-test',
    host,
    port,
    secure: false,
    user,
    password,
    folders: [folder],
    mode: 'once',
    pollSeconds: 1,
    batchSize: 4,
    ...overrides,
  });
}

interface Harness {
  queue: ArchiveQueue;
  run(signal?: AbortSignal): Promise<ConnectorStats>;
  progress: ProgressEvent[];
}

async function harness(source: ImapSourceConfig, queue?: ArchiveQueue): Promise<Harness> {
  const q = queue ?? (await archive.newQueue());
  const progress: ProgressEvent[] = [];
  const connector = createImapConnector(source, {
    tenant: 'acme',
    queue: q,
    checkpoints: archive.catalog,
    log,
    onProgress: (e) => progress.push(e),
    backoff: { baseMs: 50, maxMs: 200 },
  });
  return { queue: q, run: (signal) => connector.run(signal), progress };
}

const checkpointOf = async (folder: string) =>
  ImapFolderCheckpoint.parse(await archive.catalog.getCheckpoint(imapSourceId({ id: 'support-test' }, folder), 'uid'));

async function uidValidityOf(folder: string): Promise<string> {
  const status = await admin.status(folder, { uidValidity: true });
  if (!status || status.uidValidity === undefined) throw new Error(`no STATUS for ${folder}`);
  return status.uidValidity.toString();
}

async function until(what: string, check: () => boolean, ms = 15_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

const rawOf = (item: EmailItem) => Buffer.from(item.payload.raw, 'base64');

describe('IMAP connector against Dovecot', () => {
  it('enqueues every message of a folder once, with uidvalidity:uid ids, the raw bytes and the Message-ID', async () => {
    const folder = await newFolder(...messages);
    const h = await harness(sourceFor(folder));
    const stats = await h.run();
    expect(stats).toMatchObject({ seen: 14, enqueued: 14, duplicates: 0, failed: 0, warnings: [] });

    const uv = await uidValidityOf(folder);
    const items = (await archive.queuedItems(h.queue)).sort(
      (a, b) => Number(a.source.externalId.split(':')[1]) - Number(b.source.externalId.split(':')[1]),
    );
    expect(items.map((i) => i.source.externalId)).toEqual(messages.map((_, n) => `${uv}:${n + 1}`));
    items.forEach((item, n) => {
      expect(item.source).toMatchObject({ connector: 'imap', sourceId: `imap:support-test/${folder}` });
      expect(item.payload.folder).toBe(folder);
      expect(rawOf(item).equals(messages[n]!)).toBe(true);
    });
    expect(items[0]!.payload.messageId).toBe('<tencent_8A1F3C2D9E@qq.com>');
    expect(items[12]!.payload.messageId).toBe('<tencent_5D0C8E2B71@qq.com>');
    expect(await checkpointOf(folder)).toEqual({ uidValidity: uv, lastUid: 14, retry: [], skipped: [] });
    expect(h.progress.at(-1)).toMatchObject({ unit: 'items', done: 14, total: 14 });
  });

  it('enqueues nothing on a second run, and only duplicates once the checkpoint is deleted', async () => {
    const folder = await newFolder(...messages.slice(0, 5));
    const h = await harness(sourceFor(folder));
    await h.run();
    expect(await h.run()).toMatchObject({ seen: 0, enqueued: 0, duplicates: 0 });
    await archive.deleteCheckpoints(imapSourceId({ id: 'support-test' }, folder));
    expect(await h.run()).toMatchObject({ seen: 5, enqueued: 0, duplicates: 5 });
    expect(await archive.queuedItems(h.queue)).toHaveLength(5);
  });

  it('picks up a message appended later in poll mode', async () => {
    const folder = await newFolder(...messages.slice(0, 2));
    const h = await harness(sourceFor(folder, { mode: 'poll', pollSeconds: 1 }));
    const stop = new AbortController();
    const running = h.run(stop.signal);
    await until('the first round', () => h.progress.some((e) => e.stats.enqueued === 2));
    await admin.append(folder, messages[2]!);
    await until('the new message', () => h.progress.some((e) => e.stats.enqueued === 3));
    stop.abort();
    expect(await running).toMatchObject({ seen: 3, enqueued: 3, failed: 0 });
  });

  it('picks up a message appended later in idle mode without waiting for the poll interval', async () => {
    const folder = await newFolder(messages[0]!);
    const h = await harness(sourceFor(folder, { mode: 'idle', pollSeconds: 300 }));
    const stop = new AbortController();
    const running = h.run(stop.signal);
    await until('the first round', () => h.progress.some((e) => e.stats.enqueued === 1));
    await new Promise((r) => setTimeout(r, 300)); // let IDLE start
    const appended = Date.now();
    await admin.append(folder, messages[1]!);
    await until('the new message', () => h.progress.some((e) => e.stats.enqueued === 2), 10_000);
    const latencyMs = Date.now() - appended;
    stop.abort();
    expect(await running).toMatchObject({ seen: 2, enqueued: 2 });
    expect(latencyMs).toBeLessThan(5_000);
    console.log(`IDLE pickup latency: ${latencyMs} ms`);
  });

  it('starts the folder over without error when UIDVALIDITY changes (folder deleted and recreated)', async () => {
    const folder = await newFolder(...messages.slice(0, 3));
    const h = await harness(sourceFor(folder));
    await h.run();
    const before = await uidValidityOf(folder);
    await admin.mailboxDelete(folder);
    await admin.mailboxCreate(folder);
    await admin.append(folder, messages[0]!);
    await admin.append(folder, messages[5]!);
    const after = await uidValidityOf(folder);
    expect(after).not.toBe(before);

    const stats = await h.run();
    expect(stats).toMatchObject({ seen: 2, enqueued: 2, failed: 0 });
    expect(stats.warnings).toEqual([
      `folder "${folder}" on support-test: UIDVALIDITY changed from ${before} to ${after}; reading it again from UID 1`,
    ]);
    expect(await checkpointOf(folder)).toMatchObject({ uidValidity: after, lastUid: 2 });
  });

  it('reads an empty folder without error and a missing folder with a warning', async () => {
    const empty = await newFolder();
    expect(await (await harness(sourceFor(empty))).run()).toEqual({
      seen: 0,
      enqueued: 0,
      duplicates: 0,
      failed: 0,
      failures: [],
      warnings: [],
    });
    const missing = `${prefix}-missing`;
    const stats = await (await harness(sourceFor(missing))).run();
    expect(stats.warnings).toEqual([`folder "${missing}" does not exist on support-test; skipped this round`]);
  });

  it('refuses a wrong password at once, and gives up on an unreachable server in once mode', async () => {
    const folder = await newFolder();
    await expect((await harness(sourceFor(folder, { password: 'wrong' }))).run()).rejects.toMatchObject({
      code: 'E_IMAP_AUTH',
      retryable: false,
    });
    const closed = createImapConnector(sourceFor(folder, { port: 1 }), {
      tenant: 'acme',
      queue: await archive.newQueue(),
      checkpoints: archive.catalog,
      backoff: { baseMs: 10, maxMs: 20 },
      maxReconnects: 2,
    });
    await expect(closed.run()).rejects.toMatchObject({ code: 'E_IMAP_UNAVAILABLE' });
  });

  it('reconnects after the server drops the connection and goes on reading', async () => {
    const config = env('CUSTODIAN_TEST_DOVECOT_CONFIG');
    const folder = await newFolder(messages[0]!);
    const h = await harness(sourceFor(folder, { mode: 'poll', pollSeconds: 1 }));
    const stop = new AbortController();
    const running = h.run(stop.signal);
    await until('the first round', () => h.progress.some((e) => e.stats.enqueued === 1));
    const dropsBefore = logs.filter((l) => l.message.includes('reconnecting')).length;
    execFileSync('doveadm', ['-c', config, 'kick', user]);
    await admin.append(folder, messages[1]!).catch(async () => {
      // the kick also ended our admin session
      admin = new ImapFlow({ host, port, secure: false, auth: { user, pass: password }, logger: false });
      await admin.connect();
      await admin.append(folder, messages[1]!);
    });
    await until('the message after the reconnect', () => h.progress.some((e) => e.stats.enqueued === 2));
    stop.abort();
    expect(await running).toMatchObject({ enqueued: 2, failed: 0 });
    expect(logs.filter((l) => l.message.includes('reconnecting')).length).toBeGreaterThan(dropsBefore);
  });

  it('gives up on a message the server cannot send after 3 rounds, lists it as skipped, and reads the rest', async () => {
    const config = env('CUSTODIAN_TEST_DOVECOT_CONFIG');
    if (!admin.usable) {
      admin = new ImapFlow({ host, port, secure: false, auth: { user, pass: password }, logger: false });
      await admin.connect();
    }
    const folder = await newFolder(...messages.slice(0, 6));
    const file = maildirFile(config, folder, 3);
    chmodSync(file, 0o000); // Dovecot cannot read it: it drops the session when asked for it
    try {
      const h = await harness(sourceFor(folder));
      const stats = await h.run();
      expect(stats).toMatchObject({ enqueued: 5, failed: 3 });
      expect(stats.failures.map((f) => f.externalId)).toEqual(Array(3).fill(`${await uidValidityOf(folder)}:3`));
      expect(stats.warnings).toEqual([
        `folder "${folder}" on support-test: gave up on UIDs 3 (listed in the checkpoint)`,
      ]);
      const cp = await checkpointOf(folder);
      expect(cp).toMatchObject({ lastUid: 6, retry: [] });
      expect(cp.skipped).toEqual([
        {
          uid: 3,
          reason: expect.stringMatching(/^failed 3 rounds: the server closed the connection/),
          at: expect.any(String),
        },
      ]);
      expect(await h.run()).toMatchObject({ seen: 0, failed: 0 });
    } finally {
      chmodSync(file, 0o600);
    }
  });

  it('never logs message content or addresses', () => {
    expect(logs.length).toBeGreaterThan(0);
    const text = JSON.stringify(logs);
    for (const secret of ['@qq.com', '@163.com', '@gmail.com', '13812345678', '退款', 'Subject']) {
      expect(text).not.toContain(secret);
    }
  });
});

/** The maildir file holding `uid` in `folder` (layout of infra/local/servers.sh: home=<dir>/mail/%d/%n, maildir:~/Maildir). */
function maildirFile(config: string, folder: string, uid: number): string {
  const conf = readFileSync(config, 'utf8');
  const home = /home=(\S+)/.exec(conf)![1]!.replace('%d', user.split('@')[1]!).replace('%n', user.split('@')[0]!);
  const box = join(home, 'Maildir', `.${folder}`);
  const line = readFileSync(join(box, 'dovecot-uidlist'), 'utf8')
    .split('\n')
    .slice(1) // the first line is the header (version, uidvalidity, next uid)
    .find((l) => l.startsWith(`${uid} `))!;
  const base = line.slice(line.indexOf(':') + 1).split(':')[0]!;
  for (const sub of ['cur', 'new']) {
    const hit = readdirSync(join(box, sub)).find((f) => f.startsWith(base));
    if (hit) return join(box, sub, hit);
  }
  throw new Error(`no maildir file for uid ${uid} in ${folder}`);
}
