import { randomBytes } from 'node:crypto';
import { chmod, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CustodianError } from '@custodian/schemas';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openLocalKeyRing } from '../src/keys/local-keyring';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'custodian-keyring-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const key = () => new Uint8Array(randomBytes(32));

describe('openLocalKeyRing', () => {
  it('creates a private keyring file in a private directory on first run', async () => {
    const path = join(dir, 'state', 'keyring.json');
    const ring = await openLocalKeyRing(path);
    await ring.tokenKey('acme');
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    expect((await stat(join(dir, 'state'))).mode & 0o777).toBe(0o700);
    expect(ring.describe()).toContain('keyring.json');
    expect(await readdir(join(dir, 'state'))).toEqual(['keyring.json']);
  });

  it('wraps a key so that it unwraps to the same bytes, naming the KEK it used', async () => {
    const ring = await openLocalKeyRing(join(dir, 'keyring.json'));
    const k = key();
    const wrapped = await ring.wrap('acme', k);
    expect(wrapped).toMatch(/^kek-[0-9a-f]{16}\.[A-Za-z0-9_-]+$/);
    expect(Buffer.from(await ring.unwrap('acme', wrapped)).equals(Buffer.from(k))).toBe(true);
  });

  it("keeps tenants apart: one tenant's wrapped key does not open under another", async () => {
    const ring = await openLocalKeyRing(join(dir, 'keyring.json'));
    const wrapped = await ring.wrap('acme', key());
    await ring.wrap('beta', key());
    await expect(ring.unwrap('beta', wrapped)).rejects.toMatchObject({ code: 'E_KEK_NOT_FOUND' });
    expect(Buffer.from(await ring.tokenKey('acme')).equals(Buffer.from(await ring.tokenKey('beta')))).toBe(false);
  });

  it('hands out the same token key object each time, so what is derived from it can be kept by it', async () => {
    const ring = await openLocalKeyRing(join(dir, 'keyring.json'));
    const first = await ring.tokenKey('acme');
    await ring.wrap('beta', key());
    expect(await ring.tokenKey('acme')).toBe(first);
    // A copy all the same: a caller that scribbles on it changes nothing kept.
    const bytes = Buffer.from(first);
    first.fill(0);
    const again = await ring.tokenKey('acme');
    expect(again).not.toBe(first);
    expect(Buffer.from(again).equals(bytes)).toBe(true);
  });

  it('detects a wrapped key that was altered', async () => {
    const ring = await openLocalKeyRing(join(dir, 'keyring.json'));
    const wrapped = await ring.wrap('acme', key());
    const flipped = `${wrapped.slice(0, -2)}${wrapped.endsWith('A') ? 'B' : 'A'}${wrapped.slice(-1)}`;
    await expect(ring.unwrap('acme', flipped)).rejects.toMatchObject({ code: 'E_SEALED_INTEGRITY' });
    await expect(ring.unwrap('acme', 'no-kek-id')).rejects.toMatchObject({ code: 'E_WRAPPED_KEY_FORMAT' });
  });

  it('gives the same keys back after a reopen', async () => {
    const path = join(dir, 'keyring.json');
    const first = await openLocalKeyRing(path);
    const k = key();
    const wrapped = await first.wrap('acme', k);
    const token = await first.tokenKey('acme');
    const second = await openLocalKeyRing(path);
    expect(Buffer.from(await second.unwrap('acme', wrapped)).equals(Buffer.from(k))).toBe(true);
    expect(Buffer.from(await second.tokenKey('acme')).equals(Buffer.from(token))).toBe(true);
  });

  it('still unwraps with an older KEK after the current one changed', async () => {
    const path = join(dir, 'keyring.json');
    const ring = await openLocalKeyRing(path);
    const k = key();
    const old = await ring.wrap('acme', k);
    const doc = JSON.parse(await readFile(path, 'utf8'));
    const t = doc.tenants.acme;
    t.keks.push({ id: 'kek-rotated', key: randomBytes(32).toString('base64'), createdAt: new Date().toISOString() });
    t.current = 'kek-rotated';
    await writeFile(path, JSON.stringify(doc), { mode: 0o600 });
    const rotated = await openLocalKeyRing(path);
    expect((await rotated.wrap('acme', key())).startsWith('kek-rotated.')).toBe(true);
    expect(Buffer.from(await rotated.unwrap('acme', old)).equals(Buffer.from(k))).toBe(true);
  });

  it('refuses a keyring readable by group or others and says how to fix it', async () => {
    const path = join(dir, 'keyring.json');
    await openLocalKeyRing(path);
    await chmod(path, 0o644);
    const err = await openLocalKeyRing(path).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CustodianError);
    expect(err).toMatchObject({ code: 'E_KEYRING_PERMISSIONS', retryable: false });
    expect((err as Error).message).toContain('chmod 600');
  });

  it('refuses a corrupt keyring instead of replacing it', async () => {
    const path = join(dir, 'keyring.json');
    await writeFile(path, '{"version":1,"tenants":{"acme":{"keks":[],"current":"x"}}}', { mode: 0o600 });
    await expect(openLocalKeyRing(path)).rejects.toMatchObject({ code: 'E_KEYRING_CORRUPT' });
    expect(await readFile(path, 'utf8')).toContain('"current":"x"');
  });

  it('gives every process the same tenant keys when several start at once on a fresh directory', async () => {
    const path = join(dir, 'fresh', 'keyring.json');
    const rings = await Promise.all(Array.from({ length: 6 }, () => openLocalKeyRing(path)));
    const k = key();
    const wrapped = await Promise.all(rings.map((r) => r.wrap('acme', k)));
    const tokens = await Promise.all(rings.map((r) => r.tokenKey('acme')));
    expect(new Set(wrapped.map((w) => w.split('.')[0])).size).toBe(1);
    expect(new Set(tokens.map((t) => Buffer.from(t).toString('hex'))).size).toBe(1);
    for (const r of rings) {
      for (const w of wrapped) expect(Buffer.from(await r.unwrap('acme', w)).equals(Buffer.from(k))).toBe(true);
    }
    // No temp or lock file is left behind.
    expect(await readdir(join(dir, 'fresh'))).toEqual(['keyring.json']);
  });

  it('sees a tenant another process added after it opened the file', async () => {
    const path = join(dir, 'keyring.json');
    const api = await openLocalKeyRing(path);
    const worker = await openLocalKeyRing(path);
    const k = key();
    const wrapped = await worker.wrap('late-tenant', k);
    expect(Buffer.from(await api.unwrap('late-tenant', wrapped)).equals(Buffer.from(k))).toBe(true);
  });
});
