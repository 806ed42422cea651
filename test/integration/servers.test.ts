import { randomBytes } from 'node:crypto';
import { connect, type Socket } from 'node:net';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { requireEnv } from '../support/require-env';

/** A raw TCP conversation: send lines, wait until the received text matches. */
async function openLineSocket(host: string, port: number) {
  const socket: Socket = connect({ host, port });
  let received = '';
  socket.setEncoding('utf8');
  socket.on('data', (chunk: string) => {
    received += chunk;
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('error', reject);
  });
  const waitFor = (pattern: RegExp, timeoutMs = 5_000) =>
    new Promise<string>((resolve, reject) => {
      const started = Date.now();
      const poll = () => {
        if (pattern.test(received)) return resolve(received);
        if (Date.now() - started > timeoutMs) return reject(new Error(`no ${pattern} from ${host}:${port}`));
        setTimeout(poll, 20);
      };
      poll();
    });
  return {
    send: (line: string) => socket.write(`${line}\r\n`),
    waitFor,
    close: () => socket.destroy(),
  };
}

describe('the servers infra/local/servers.sh starts', () => {
  it('Redis answers PING with PONG', async () => {
    const { CUSTODIAN_TEST_REDIS_URL } = requireEnv('CUSTODIAN_TEST_REDIS_URL');
    const url = new URL(CUSTODIAN_TEST_REDIS_URL);
    const conn = await openLineSocket(url.hostname, Number(url.port));
    try {
      conn.send('PING');
      expect(await conn.waitFor(/\r\n/)).toBe('+PONG\r\n');
    } finally {
      conn.close();
    }
  });

  it('PostgreSQL accepts the custodian user as a superuser that may create databases', async () => {
    const { CUSTODIAN_TEST_PG_URL } = requireEnv('CUSTODIAN_TEST_PG_URL');
    const client = new pg.Client({ connectionString: CUSTODIAN_TEST_PG_URL });
    await client.connect();
    const scratch = `servers_test_${randomBytes(4).toString('hex')}`;
    try {
      const { rows } = await client.query<{ user: string; superuser: boolean; version: string }>(
        'select current_user as user, rolsuper as superuser, current_setting($1) as version from pg_roles where rolname = current_user',
        ['server_version_num'],
      );
      expect(rows[0]).toMatchObject({ user: 'custodian', superuser: true });
      expect(Number(rows[0]?.version)).toBeGreaterThanOrEqual(150000);
      await client.query(`create database ${scratch}`);
      const found = await client.query('select 1 from pg_database where datname = $1', [scratch]);
      expect(found.rowCount).toBe(1);
    } finally {
      await client.query(`drop database if exists ${scratch}`);
      await client.end();
    }
  });

  it('MinIO reports itself live', async () => {
    const { CUSTODIAN_TEST_S3_ENDPOINT } = requireEnv(
      'CUSTODIAN_TEST_S3_ENDPOINT',
      'CUSTODIAN_TEST_S3_ACCESS_KEY',
      'CUSTODIAN_TEST_S3_SECRET_KEY',
    );
    const res = await fetch(new URL('/minio/health/live', CUSTODIAN_TEST_S3_ENDPOINT));
    expect(res.status).toBe(200);
  });

  it('Elasticsearch is healthy and its cjk analyzer splits Chinese into bigrams', async () => {
    const { CUSTODIAN_TEST_ES_URL } = requireEnv('CUSTODIAN_TEST_ES_URL');
    const health = await fetch(new URL('/_cluster/health?wait_for_status=yellow&timeout=30s', CUSTODIAN_TEST_ES_URL));
    const body = (await health.json()) as { status: string };
    expect(['green', 'yellow']).toContain(body.status);

    const res = await fetch(new URL('/_analyze', CUSTODIAN_TEST_ES_URL), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ analyzer: 'cjk', text: '申请退款' }),
    });
    expect(res.status).toBe(200);
    const { tokens } = (await res.json()) as { tokens: { token: string }[] };
    expect(tokens.map((t) => t.token)).toEqual(['申请', '请退', '退款']);
  });

  it('Dovecot greets over plaintext IMAP and accepts LOGIN for every listed user', async () => {
    const env = requireEnv('CUSTODIAN_TEST_IMAP_HOST', 'CUSTODIAN_TEST_IMAP_PORT', 'CUSTODIAN_TEST_IMAP_USERS');
    const users = env.CUSTODIAN_TEST_IMAP_USERS.split(',').map((pair) => {
      const at = pair.lastIndexOf(':');
      return { user: pair.slice(0, at), password: pair.slice(at + 1) };
    });
    expect(users.map((u) => u.user)).toContain('support@example.com');
    for (const { user, password } of users) {
      const conn = await openLineSocket(env.CUSTODIAN_TEST_IMAP_HOST, Number(env.CUSTODIAN_TEST_IMAP_PORT));
      try {
        expect(await conn.waitFor(/\r\n/)).toMatch(/^\* OK/);
        conn.send(`a1 LOGIN ${user} ${password}`);
        expect(await conn.waitFor(/^a1 /m)).toMatch(/^a1 OK/m);
        conn.send('a2 LOGOUT');
        await conn.waitFor(/^a2 /m);
      } finally {
        conn.close();
      }
    }
  });
});
