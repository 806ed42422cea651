import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { BlobStore } from '@custodian/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

export interface OpenedBlobStore {
  store: BlobStore;
  cleanup(): Promise<void>;
}

export interface BlobStoreTraits {
  /**
   * What writing over an object still under retention does: the filesystem store refuses
   * (`E_BLOB_RETAINED`); a versioned S3 bucket accepts a new version and keeps the retained one.
   */
  overwriteRetained: 'refused' | 'new-version';
}

/** Keys that every adapter must refuse, so a key valid on one store is valid on all. */
export const INVALID_BLOB_KEYS = [
  '',
  '/records/a',
  'records/../a',
  '..',
  'records/./a',
  'records//a',
  'records/a/',
  'records\\a',
  'records/.hidden',
  'records/a.retention.json',
  'records/a\u0000b',
  `records/${'x'.repeat(1100)}`,
];

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
/** Object Lock stores whole seconds; tests compare at that precision. */
const inDays = (days: number) => new Date(Math.floor((Date.now() + days * 86_400_000) / 1000) * 1000);

/** Behaviours every BlobStore adapter must show (filesystem, S3). Each test writes under its own prefix. */
export function blobStoreContract(name: string, open: () => Promise<OpenedBlobStore>, traits: BlobStoreTraits): void {
  describe(`BlobStore contract: ${name}`, () => {
    let opened: OpenedBlobStore | undefined;
    const store = (): BlobStore => {
      if (!opened) throw new Error('the blob store under test did not open');
      return opened.store;
    };
    const prefix = () => `records/standard/2024/${randomUUID()}`;

    beforeAll(async () => {
      opened = await open();
    });
    afterAll(async () => {
      await opened?.store.close();
      await opened?.cleanup();
    });

    it('gives back exactly the bytes it was given, under a nested key', async () => {
      const key = `${prefix()}/sealed`;
      const body = new Uint8Array(256 * 4).map((_, i) => i % 256);
      await store().put(key, body, { contentType: 'application/octet-stream' });

      const got = await store().get(key);
      expect(got).toBeInstanceOf(Uint8Array);
      expect(Buffer.from(got).equals(Buffer.from(body))).toBe(true);
      expect(await store().head(key)).toEqual({ size: body.byteLength });
    });

    it('stores an empty object and keys with non-ASCII segments', async () => {
      const empty = `${prefix()}/empty`;
      const chinese = `${prefix()}/附件/发票 2024.pdf`;
      await store().put(empty, new Uint8Array(0));
      await store().put(chinese, Buffer.from('发票'));

      expect((await store().get(empty)).byteLength).toBe(0);
      expect(await store().head(empty)).toEqual({ size: 0 });
      expect(Buffer.from(await store().get(chinese)).toString('utf8')).toBe('发票');
    });

    it('replaces the readable object when a key is written again', async () => {
      const key = `${prefix()}/doc`;
      await store().put(key, Buffer.from('first'));
      await store().put(key, Buffer.from('second, longer'));

      expect(Buffer.from(await store().get(key)).toString()).toBe('second, longer');
      expect((await store().head(key))?.size).toBe(14);
    });

    it('reports a missing key as E_BLOB_NOT_FOUND on get and as undefined on head', async () => {
      const key = `${prefix()}/missing`;
      await expect(store().get(key)).rejects.toMatchObject({ code: 'E_BLOB_NOT_FOUND', retryable: false });
      expect(await store().head(key)).toBeUndefined();
    });

    it('treats a key that is only a prefix of other keys as missing', async () => {
      const base = prefix();
      await store().put(`${base}/child`, Buffer.from('x'));
      await expect(store().get(base)).rejects.toMatchObject({ code: 'E_BLOB_NOT_FOUND' });
      expect(await store().head(base)).toBeUndefined();
    });

    it('refuses invalid keys on every operation with E_BLOB_KEY_INVALID', async () => {
      for (const key of INVALID_BLOB_KEYS) {
        await expect(store().put(key, Buffer.from('x')), key).rejects.toMatchObject({ code: 'E_BLOB_KEY_INVALID' });
        await expect(store().get(key), key).rejects.toMatchObject({ code: 'E_BLOB_KEY_INVALID' });
        await expect(store().head(key), key).rejects.toMatchObject({ code: 'E_BLOB_KEY_INVALID' });
      }
    });

    it('records the retention date and reports it on head', async () => {
      const key = `${prefix()}/worm`;
      const retainUntil = inDays(1);
      await store().put(key, Buffer.from('sealed'), { retainUntil });

      const info = await store().head(key);
      expect(info?.size).toBe(6);
      expect(info?.retainUntil?.getTime()).toBe(retainUntil.getTime());
      expect(Buffer.from(await store().get(key)).toString()).toBe('sealed');
    });

    it('protects a retained object when its key is written again', async () => {
      const key = `${prefix()}/worm`;
      const retainUntil = inDays(1);
      await store().put(key, Buffer.from('original'), { retainUntil });

      if (traits.overwriteRetained === 'refused') {
        await expect(store().put(key, Buffer.from('tampered'))).rejects.toMatchObject({
          code: 'E_BLOB_RETAINED',
          retryable: false,
        });
        expect(Buffer.from(await store().get(key)).toString()).toBe('original');
        expect((await store().head(key))?.retainUntil?.getTime()).toBe(retainUntil.getTime());
      } else {
        await store().put(key, Buffer.from('next version'));
        expect(Buffer.from(await store().get(key)).toString()).toBe('next version');
      }
    });

    it('accepts writing the same bytes again over a retained object (a retried job)', async () => {
      const key = `${prefix()}/worm`;
      const retainUntil = inDays(1);
      await store().put(key, Buffer.from('sealed'), { retainUntil });
      await store().put(key, Buffer.from('sealed'), { retainUntil });

      expect(Buffer.from(await store().get(key)).toString()).toBe('sealed');
      expect((await store().head(key))?.retainUntil?.getTime()).toBe(retainUntil.getTime());
    });

    it('writes many objects in parallel without mixing them up', async () => {
      const base = prefix();
      const bodies = Array.from({ length: 16 }, () => randomBytes(4096));
      await Promise.all(bodies.map((b, i) => store().put(`${base}/${i}`, b)));

      const got = await Promise.all(bodies.map((_, i) => store().get(`${base}/${i}`)));
      expect(got.map(sha256)).toEqual(bodies.map(sha256));
    });

    it('describes its location for the operator', () => {
      expect(store().describe().length).toBeGreaterThan(0);
    });
  });
}
