import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, startCli, waitFor } from '../support/run-cli';

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

describe('the custodian command (embedded profile)', () => {
  let dir: string;
  let config: string;
  let port: number;
  let token: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'custodian-cli-'));
    port = await freePort();
    config = join(dir, 'custodian.json');
    await writeFile(
      config,
      JSON.stringify({
        dataDir: join(dir, 'data'),
        api: { port },
        log: { level: 'warn' },
        policy: { agentDomains: ['support.example.com'] },
      }),
    );
    const imported = await runCli(['import', '-c', config, 'test/fixtures/mail/sample.mbox']);
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stdout).toMatch(/queued 12/);
    const added = await runCli([
      'user',
      'add',
      '-c',
      config,
      '--email',
      'officer@example.com',
      '--name',
      '王芳',
      '--role',
      'compliance',
    ]);
    expect(added.code, added.stderr).toBe(0);
    token = added.stdout.trim();
  }, 180_000);

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('searches from the command line as the token’s user, with PII masked', async () => {
    const res = await runCli(['search', '-c', config, '-t', token, '13812345678']);
    expect(res.code, res.stderr).toBe(0);
    expect(res.stdout).toMatch(/search "13812345678": [1-9]\d* hit/);
    expect(res.stdout.split('\n').slice(2).join('\n')).not.toContain('13812345678');
  });

  it('refuses a wrong token with a clear error', async () => {
    const res = await runCli(['search', '-c', config, '-t', 'cus_wrong', '退款']);
    expect(res.code).toBe(1);
    expect(res.stderr).toContain('E_UNAUTHENTICATED');
  });

  it('serves the API from `custodian up`, and keeps a second process off the same embedded database', async () => {
    const up = startCli(['up', '-c', config]);
    try {
      await waitFor(
        'the API',
        async () => ((await fetch(`http://127.0.0.1:${port}/health`)).ok ? true : undefined),
        90_000,
      );
      const res = await fetch(`http://127.0.0.1:${port}/search?q=${encodeURIComponent('退款')}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(res.status).toBe(200);
      expect(((await res.json()) as { total: number }).total).toBeGreaterThan(0);
      const spec = (await (await fetch(`http://127.0.0.1:${port}/openapi.json`)).json()) as {
        paths: Record<string, unknown>;
      };
      expect(Object.keys(spec.paths)).toEqual(expect.arrayContaining(['/search', '/records/{id}']));

      const second = await runCli(['search', '-c', config, '-t', token, '退款']);
      expect(second.code).toBe(1);
      expect(second.stderr).toContain('E_EMBEDDED_LOCKED');
    } finally {
      expect(await up.stop()).toBe(0);
    }
  }, 120_000);

  it('stops start-up on an invalid config with the path and the reason', async () => {
    const bad = join(dir, 'bad.json');
    await writeFile(
      bad,
      JSON.stringify({
        profile: 'server',
        queue: { kind: 'bullmq', redisUrl: 'not a url' },
        worker: { concurrency: 0 },
      }),
    );
    const res = await runCli(['worker', '-c', bad]);
    expect(res.code).toBe(1);
    expect(res.stderr).toContain('E_CONFIG_INVALID');
    expect(res.stderr).toContain('queue.redisUrl');
    expect(res.stderr).toContain('worker.concurrency');
  });

  it('tells an operator that separate processes need the server profile', async () => {
    const res = await runCli(['worker', '-c', config]);
    expect(res.code).toBe(1);
    expect(res.stderr).toContain('E_PROFILE');
  });
});
