import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { decrypt, encrypt, newDataKey, unwrapKey, wrapKey } from '../src/seal/aead';

describe('chunked AES-256-GCM', () => {
  const key = newDataKey();

  it('round-trips empty, small and multi-chunk bodies', () => {
    for (const size of [0, 1, 1000, 64 * 1024, 64 * 1024 + 1, 300_000]) {
      const plain = randomBytes(size);
      expect(decrypt(key, encrypt(key, plain, 'k'), 'k').equals(plain)).toBe(true);
    }
  });

  it('refuses a ciphertext opened under another context (an object moved to another key)', () => {
    expect(() => decrypt(key, encrypt(key, Buffer.from('x'), 'a'), 'b')).toThrow(/failed authentication/);
  });

  it('detects a flipped bit, a dropped chunk and truncation', () => {
    const sealed = encrypt(key, randomBytes(200_000), 'k', 64 * 1024);
    const flipped = Buffer.from(sealed);
    flipped[100] = (flipped[100] ?? 0) ^ 1;
    expect(() => decrypt(key, flipped, 'k')).toThrow(/failed authentication/);
    const stride = 64 * 1024 + 16;
    const dropped = Buffer.concat([sealed.subarray(0, 20 + stride), sealed.subarray(20 + 2 * stride)]);
    expect(() => decrypt(key, dropped, 'k')).toThrow(/failed authentication/);
    expect(() => decrypt(key, sealed.subarray(0, 20 + 2 * stride), 'k')).toThrow(/failed authentication/);
  });

  it('never leaves plaintext visible in the sealed bytes', () => {
    const plain = Buffer.from('手机13812345678 身份证110101199003077777'.repeat(10));
    expect(encrypt(key, plain, 'k').includes(Buffer.from('13812345678'))).toBe(false);
  });

  it('wraps a key so that only the same key-encryption key and context unwrap it', () => {
    const kek = newDataKey();
    const wrapped = wrapKey(kek, key, 'ctx');
    expect(unwrapKey(kek, wrapped, 'ctx').equals(key)).toBe(true);
    expect(() => unwrapKey(newDataKey(), wrapped, 'ctx')).toThrow();
    expect(() => unwrapKey(kek, wrapped, 'other')).toThrow();
  });
});
