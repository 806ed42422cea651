import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { splitMbox } from '@custodian/connector-email';
import { ImapFlow } from 'imapflow';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../services/platform/test-support/test-database';
import { requireEnv } from '../support/require-env';
import { type Daemon, REPO, runCli, startCli, waitFor } from '../support/run-cli';

/**
 * The server profile end to end, as an operator runs it: `custodian api`, `custodian worker` and
 * `custodian connector email` as separate processes against PostgreSQL, Redis, MinIO, Elasticsearch and
 * a Dovecot mailbox; then searches over HTTP.
 */
const env = requireEnv(
  'CUSTODIAN_TEST_PG_URL',
  'CUSTODIAN_TEST_REDIS_URL',
  'CUSTODIAN_TEST_S3_ENDPOINT',
  'CUSTODIAN_TEST_S3_ACCESS_KEY',
  'CUSTODIAN_TEST_S3_SECRET_KEY',
  'CUSTODIAN_TEST_ES_URL',
  'CUSTODIAN_TEST_IMAP_HOST',
  'CUSTODIAN_TEST_IMAP_PORT',
  'CUSTODIAN_TEST_IMAP_USERS',
);
const FIXTURES = join(REPO, 'test/fixtures/mail');
const RAW = ['13812345678', '110101199003071233', 'zhang.wei88@qq.com'];
const run = randomBytes(4).toString('hex');
const folder = `E2E-${run}`;

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

describe('server profile: IMAP → Redis → MinIO/PostgreSQL/Elasticsearch → API', () => {
  let dir: string;
  let configPath: string;
  let apiUrl: string;
  let db: pg.Client;
  let testDb: TestDatabase;
  let messageCount = 0;
  const daemons: Daemon[] = [];
  const tokens: Record<string, string> = {};
  const s3 = new S3Client({
    endpoint: env.CUSTODIAN_TEST_S3_ENDPOINT,
    region: 'us-east-1',
    forcePathStyle: true,
    credentials: { accessKeyId: env.CUSTODIAN_TEST_S3_ACCESS_KEY, secretAccessKey: env.CUSTODIAN_TEST_S3_SECRET_KEY },
  });
  const bucket = `e2e-${run}`;

  const get = async (path: string, who: string) => {
    const res = await fetch(`${apiUrl}${path}`, { headers: { authorization: `Bearer ${tokens[who]}` } });
    // biome-ignore lint/suspicious/noExplicitAny: response bodies are checked by the assertions
    return { status: res.status, body: (await res.json()) as Record<string, any> };
  };
  const records = async () => Number((await db.query('SELECT count(*)::int AS n FROM records')).rows[0].n);

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'custodian-e2e-'));
    testDb = await createTestDatabase('custodian_e2e');
    const dbUrl = new URL(testDb.url);

    // Put the sample mailbox into a fresh IMAP folder.
    const [imapUser, imapPassword] = env.CUSTODIAN_TEST_IMAP_USERS.split(',')[0]!.split(':') as [string, string];
    const imap = new ImapFlow({
      host: env.CUSTODIAN_TEST_IMAP_HOST,
      port: Number(env.CUSTODIAN_TEST_IMAP_PORT),
      secure: false,
      auth: { user: imapUser, pass: imapPassword },
      logger: false,
    });
    await imap.connect();
    await imap.mailboxCreate(folder);
    async function* mbox() {
      yield readFileSync(join(FIXTURES, 'sample.mbox'));
    }
    const crlf = (b: Buffer) => Buffer.from(b.toString('latin1').replace(/\r?\n/g, '\r\n'), 'latin1');
    for await (const m of splitMbox(mbox())) {
      await imap.append(folder, crlf(m.raw));
      messageCount++;
    }
    for (const f of ['refund-receipt-pdf.eml', 'invoice-gb18030.eml', 'english-refund.eml']) {
      await imap.append(folder, readFileSync(join(FIXTURES, f)));
      messageCount++;
    }
    await imap.logout();

    const apiPort = await freePort();
    apiUrl = `http://127.0.0.1:${apiPort}`;
    configPath = join(dir, 'custodian.json');
    await writeFile(
      configPath,
      JSON.stringify({
        profile: 'server',
        tenant: 'e2e',
        keyring: { path: join(dir, 'keyring.json') },
        catalog: { kind: 'postgres', url: dbUrl.toString() },
        queue: { kind: 'bullmq', redisUrl: env.CUSTODIAN_TEST_REDIS_URL, prefix: `e2e-${run}` },
        blobs: {
          kind: 's3',
          endpoint: env.CUSTODIAN_TEST_S3_ENDPOINT,
          bucket,
          accessKeyId: 'env:E2E_S3_KEY',
          secretAccessKey: 'env:E2E_S3_SECRET',
        },
        index: { kind: 'elasticsearch', url: env.CUSTODIAN_TEST_ES_URL, indexPrefix: `e2e-${run}` },
        api: { port: apiPort },
        worker: { concurrency: 2, attempts: 3, backoffMs: 200 },
        log: { level: 'info' },
        policy: { agentDomains: ['support.example.com'] },
        connectors: {
          imap: [
            {
              id: 'support',
              host: env.CUSTODIAN_TEST_IMAP_HOST,
              port: Number(env.CUSTODIAN_TEST_IMAP_PORT),
              secure: false,
              user: imapUser,
              password: 'env:E2E_IMAP_PASSWORD',
              folders: [folder],
              mode: 'poll',
              pollSeconds: 1,
            },
          ],
        },
      }),
    );
    process.env.E2E_S3_KEY = env.CUSTODIAN_TEST_S3_ACCESS_KEY;
    process.env.E2E_S3_SECRET = env.CUSTODIAN_TEST_S3_SECRET_KEY;
    process.env.E2E_IMAP_PASSWORD = imapPassword;

    for (const [who, role, email] of [
      ['agent', 'agent', 'li.wei@support.example.com'],
      ['other', 'agent', 'nobody@support.example.com'],
      ['compliance', 'compliance', 'officer@example.com'],
    ] as const) {
      const res = await runCli(['user', 'add', '-c', configPath, '--email', email, '--name', who, '--role', role]);
      expect(res.code, res.stderr).toBe(0);
      tokens[who] = res.stdout.trim();
    }

    db = new pg.Client({ connectionString: dbUrl.toString() });
    await db.connect();
    daemons.push(startCli(['api', '-c', configPath]), startCli(['worker', '-c', configPath]));
    const connector = await runCli(['connector', 'email', '-c', configPath, '--once']);
    expect(connector.code, connector.stderr).toBe(0);
    await waitFor(
      'the worker to archive every message',
      async () => ((await records()) >= messageCount ? true : undefined),
      120_000,
    );
    await waitFor('the API', async () => ((await fetch(`${apiUrl}/health`)).ok ? true : undefined));
    await waitFor('the index to show every record', async () => {
      const res = await fetch(`${env.CUSTODIAN_TEST_ES_URL}/e2e-${run}-records/_count`);
      const { count } = (await res.json()) as { count?: number };
      return count === messageCount ? true : undefined;
    });
  }, 300_000);

  afterAll(async () => {
    for (const d of daemons) await d.stop();
    await db?.end();
    await testDb?.drop();
    await rm(dir, { recursive: true, force: true });
    s3.destroy();
  });

  it('archives every message of the mailbox once', async () => {
    expect(await records()).toBe(messageCount);
  });

  it('finds 退款 for the agent, only among their own customers, with PII masked', async () => {
    const mine = await get(`/search?q=${encodeURIComponent('退款')}`, 'agent');
    const all = await get(`/search?q=${encodeURIComponent('退款')}`, 'compliance');
    expect(mine.status).toBe(200);
    expect(mine.body.total).toBeGreaterThan(0);
    expect(all.body.total).toBeGreaterThan(mine.body.total);
    const text = JSON.stringify([mine.body, all.body]);
    for (const raw of RAW) expect(text).not.toContain(raw);
    const other = await get(`/search?q=${encodeURIComponent('退款')}`, 'other');
    expect(other.body.total).toBe(0);
  });

  it('finds a record by a phone number without the index holding it', async () => {
    const res = await get('/search?q=13812345678', 'compliance');
    expect(res.body.total).toBeGreaterThan(0);
    const es = await fetch(`${env.CUSTODIAN_TEST_ES_URL}/e2e-${run}-records/_search?size=1000`).then((r) => r.text());
    expect(es).toContain('"hits"');
    for (const raw of RAW) expect(es).not.toContain(raw);
  });

  it('shows a record masked, unmasks it only with a purpose, and keeps other agents out', async () => {
    const hit = (await get('/search?q=13812345678', 'compliance')).body.hits[0];
    const masked = await get(`/records/${hit.id}`, 'compliance');
    expect(masked.status).toBe(200);
    expect(masked.body.masked).toBe(true);
    expect(JSON.stringify(masked.body)).not.toContain('13812345678');
    expect((await get(`/records/${hit.id}?unmask=true`, 'compliance')).body.code).toBe('E_PURPOSE_REQUIRED');
    const plain = await get(
      `/records/${hit.id}?unmask=true&purpose=${encodeURIComponent('客户投诉调查')}`,
      'compliance',
    );
    expect(JSON.stringify(plain.body)).toContain('13812345678');
    expect((await get(`/records/${hit.id}`, 'other')).status).toBe(403);
    expect((await get(`/records/${hit.id}?unmask=true&purpose=x`, 'agent')).status).toBe(403);
  });

  it('rejects a missing token and a deactivated user at once', async () => {
    expect((await fetch(`${apiUrl}/search?q=x`)).status).toBe(401);
    const res = await runCli(['user', 'deactivate', '-c', configPath, '--email', 'nobody@support.example.com']);
    expect(res.code, res.stderr).toBe(0);
    expect((await get('/search?q=x', 'other')).status).toBe(401);
  });

  it('stores only ciphertext in object storage, WORM-locked for regulated records', async () => {
    const list = await s3.send(new ListObjectsV2Command({ Bucket: bucket }));
    const keys = (list.Contents ?? []).map((o) => o.Key!);
    expect(keys.length).toBeGreaterThanOrEqual(messageCount * 2);
    for (const key of keys) {
      const obj = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
      const bytes = Buffer.from(await obj.Body!.transformToByteArray());
      expect(bytes.subarray(0, 4).toString()).toBe('CSE1');
      for (const raw of RAW) expect(bytes.includes(Buffer.from(raw))).toBe(false);
      if (key.startsWith('records/regulated/')) expect(obj.ObjectLockMode).toBe('COMPLIANCE');
    }
  });

  it('archives nothing twice when the mailbox is read again from scratch', async () => {
    await db.query('DELETE FROM checkpoints');
    const again = await runCli(['connector', 'email', '-c', configPath, '--once']);
    expect(again.code, again.stderr).toBe(0);
    await new Promise((r) => setTimeout(r, 3000));
    expect(await records()).toBe(messageCount);
  });

  it('has written every search and view to an intact audit chain', async () => {
    const res = await get('/audit/verify', 'compliance');
    expect(res.body.break).toBeNull();
    expect(res.body.entries).toBeGreaterThan(5);
    const actions = (await db.query('SELECT DISTINCT action FROM audit')).rows.map((r) => r.action);
    expect(actions).toEqual(expect.arrayContaining(['record.search', 'record.view', 'record.unmask', 'auth.denied']));
  });
});
