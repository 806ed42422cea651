import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createFsBlobStore } from '../src/blobs/fs-blob-store';
import { blobStoreContract } from '../test-support/blob-store-contract';

const newDir = () => mkdtemp(join(tmpdir(), 'custodian-fs-blob-'));

blobStoreContract(
  'filesystem',
  async () => {
    const dir = await newDir();
    return { store: createFsBlobStore(dir), cleanup: () => rm(dir, { recursive: true, force: true }) };
  },
  { overwriteRetained: 'refused' },
);

describe('filesystem blob store', () => {
  const dirs: string[] = [];
  const open = async () => {
    const dir = await newDir();
    dirs.push(dir);
    return { dir, store: createFsBlobStore(join(dir, 'blobs')) };
  };
  afterEach(async () => {
    await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
  });

  it('keeps objects as owner-only files in owner-only directories', async () => {
    const { dir, store } = await open();
    await store.put('records/standard/2024/03/abc', Buffer.from('sealed'));

    const mode = async (p: string) => (await stat(join(dir, 'blobs', p))).mode & 0o777;
    expect(await mode('records/standard/2024/03/abc')).toBe(0o600);
    expect(await mode('records/standard/2024/03')).toBe(0o700);
    expect(await mode('records')).toBe(0o700);
  });

  it('leaves no temporary files behind after writes', async () => {
    const { dir, store } = await open();
    await store.put('a/b', Buffer.from('1'));
    await store.put('a/b', Buffer.from('2'), { retainUntil: new Date(Date.now() + 60_000) });

    expect((await readdir(join(dir, 'blobs', 'a'))).sort()).toEqual(['b', 'b.retention.json']);
  });

  it('records retention in a sidecar next to the object', async () => {
    const { dir, store } = await open();
    const retainUntil = new Date('2099-01-01T00:00:00.000Z');
    await store.put('a/b', Buffer.from('1'), { retainUntil });

    const sidecar = JSON.parse(await readFile(join(dir, 'blobs', 'a', 'b.retention.json'), 'utf8'));
    expect(sidecar).toEqual({ retainUntil: '2099-01-01T00:00:00.000Z' });
    expect((await stat(join(dir, 'blobs', 'a', 'b.retention.json'))).mode & 0o777).toBe(0o600);
  });

  it('allows overwriting once the retention date has passed, and then forgets it', async () => {
    const { dir, store } = await open();
    await store.put('a/b', Buffer.from('1'), { retainUntil: new Date(Date.now() + 60_000) });
    // Age the hold instead of waiting for it.
    await writeFile(
      join(dir, 'blobs', 'a', 'b.retention.json'),
      JSON.stringify({ retainUntil: '2000-01-01T00:00:00Z' }),
    );

    await store.put('a/b', Buffer.from('2'));
    expect(Buffer.from(await store.get('a/b')).toString()).toBe('2');
    expect(await store.head('a/b')).toEqual({ size: 1 });
  });

  it('extends but never shortens retention when the same bytes are written again', async () => {
    const { store } = await open();
    const first = new Date('2090-01-01T00:00:00.000Z');
    const later = new Date('2095-01-01T00:00:00.000Z');
    await store.put('a/b', Buffer.from('x'), { retainUntil: first });
    await store.put('a/b', Buffer.from('x'), { retainUntil: later });
    expect((await store.head('a/b'))?.retainUntil).toEqual(later);

    await store.put('a/b', Buffer.from('x'), { retainUntil: first });
    expect((await store.head('a/b'))?.retainUntil).toEqual(later);
  });

  it('refuses to write a key below an existing object', async () => {
    const { store } = await open();
    await store.put('a/b', Buffer.from('x'));
    await expect(store.put('a/b/c', Buffer.from('y'))).rejects.toMatchObject({ code: 'E_BLOB_IO', retryable: false });
  });

  it('describes itself as its absolute directory', async () => {
    const { dir, store } = await open();
    expect(store.describe()).toBe(join(dir, 'blobs'));
  });
});
