import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { runDemo } from '@custodian/cli';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli';

/** Identifiers that appear in the sample mailbox (see test/fixtures/mail/generate.ts). */
const RAW_IDENTIFIERS = [
  '13812345678',
  '110101199003071233',
  '13916882045',
  'zhang.wei88@qq.com',
  'wangfang_sh@163.com',
];
/** The customers' display names in the same mailbox: the index holds them masked and as tokens only. */
const NAMES = ['张伟', '王芳'];

class Collect extends Writable {
  text = '';
  override _write(chunk: Buffer, _enc: BufferEncoding, done: () => void) {
    this.text += chunk.toString('utf8');
    done();
  }
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

describe('custodian demo (embedded profile)', () => {
  let dir: string;
  const out = new Collect();

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'custodian-demo-test-'));
    await runDemo({ dataDir: dir, out });
  }, 180_000);

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('finds the 2-character word 退款 for the agent and for the compliance officer', () => {
    const counts = [...out.text.matchAll(/search "退款": (\d+) hit/g)].map((m) => Number(m[1]));
    expect(counts).toHaveLength(2);
    expect(counts[0]).toBeGreaterThan(0);
    // The agent sees only their own customers, so never more than the whole tenant.
    expect(counts[1]).toBeGreaterThan(counts[0]!);
  });

  it('finds records by a phone number and by an ID number through keyed tokens', () => {
    expect(out.text).toMatch(/search "13812345678": [1-9]\d* hit/);
    expect(out.text).toMatch(/search "110101199003071233": [1-9]\d* hit/);
  });

  it("finds a customer's records by name, though the index holds the name only masked and as a token", () => {
    expect(out.text).toMatch(/search "王芳": [1-9]\d* hit/);
  });

  it('prints hits with PII masked, never an original identifier', () => {
    const shown = out.text
      .split('\n')
      .filter((l) => !l.includes('search "'))
      .join('\n');
    for (const raw of RAW_IDENTIFIERS) expect(shown).not.toContain(raw);
    expect(shown).toMatch(/1\d\d\*{4}\d{4}/);
  });

  it('reports an intact audit chain and where the encrypted objects are', () => {
    expect(out.text).toMatch(/audit log: \d+ entries, hash chain verified intact/);
    expect(out.text).toContain(join(dir, 'blobs'));
  });

  it('stores no identifier in plaintext anywhere on disk: objects, database, keyring', async () => {
    const needles = [...RAW_IDENTIFIERS, ...NAMES].map((s) => Buffer.from(s, 'utf8'));
    for (const file of await filesUnder(dir)) {
      const bytes = await readFile(file);
      for (const n of needles) expect(bytes.includes(n), `${n} in ${file}`).toBe(false);
    }
  });

  it('archives nothing twice when the same mailbox is imported again', async () => {
    const config = join(dir, 'config.json');
    await import('node:fs/promises').then((fs) =>
      fs.writeFile(config, JSON.stringify({ dataDir: dir, policy: { agentDomains: ['support.example.com'] } })),
    );
    const before = (await readdir(join(dir, 'blobs'), { recursive: true })).length;
    const res = await runCli([
      'import',
      '-c',
      config,
      'test/fixtures/mail/sample.mbox',
      'test/fixtures/mail/english-refund.eml',
    ]);
    expect(res.code, res.stderr).toBe(0);
    expect(res.stdout).toMatch(/queued 0, already queued 13/);
    expect((await readdir(join(dir, 'blobs'), { recursive: true })).length).toBe(before);
  });
});
