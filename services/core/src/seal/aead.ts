import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { CustodianError } from '@custodian/schemas';

/**
 * Chunked AES-256-GCM ("CSE1"): each chunk has its own nonce and tag and authenticates its index and
 * whether it is the last one, so chunks cannot be reordered, dropped or truncated unnoticed, and
 * large attachments never need one giant buffer on the decrypt side.
 *
 * Layout: "CSE1" | u32 chunkSize | 12-byte nonce prefix | chunks: ciphertext(≤chunkSize) | tag(16)
 * Nonce of chunk i = prefix with its last 4 bytes XOR i; AAD = context | u32 i | u8 final.
 */
const MAGIC = Buffer.from('CSE1');
const HEADER = 4 + 4 + 12;
const TAG = 16;
export const DEFAULT_CHUNK = 64 * 1024;

export const newDataKey = (): Buffer => randomBytes(32);

function nonceFor(prefix: Buffer, i: number): Buffer {
  const n = Buffer.from(prefix);
  n.writeUInt32BE((n.readUInt32BE(8) ^ i) >>> 0, 8);
  return n;
}

function aad(context: string, i: number, final: boolean): Buffer {
  const tail = Buffer.alloc(5);
  tail.writeUInt32BE(i, 0);
  tail.writeUInt8(final ? 1 : 0, 4);
  return Buffer.concat([Buffer.from(context, 'utf8'), tail]);
}

/** Encrypts `plain` under `key`, bound to `context` (e.g. the object key), which decryption must repeat. */
export function encrypt(key: Uint8Array, plain: Uint8Array, context: string, chunkSize = DEFAULT_CHUNK): Buffer {
  const prefix = randomBytes(12);
  const head = Buffer.alloc(HEADER);
  MAGIC.copy(head, 0);
  head.writeUInt32BE(chunkSize, 4);
  prefix.copy(head, 8);
  const parts: Buffer[] = [head];
  const count = Math.max(1, Math.ceil(plain.length / chunkSize));
  for (let i = 0; i < count; i++) {
    const cipher = createCipheriv('aes-256-gcm', key, nonceFor(prefix, i));
    cipher.setAAD(aad(context, i, i === count - 1));
    parts.push(cipher.update(plain.subarray(i * chunkSize, (i + 1) * chunkSize)), cipher.final(), cipher.getAuthTag());
  }
  return Buffer.concat(parts);
}

export function decrypt(key: Uint8Array, sealed: Uint8Array, context: string): Buffer {
  const buf = Buffer.from(sealed.buffer, sealed.byteOffset, sealed.byteLength);
  if (buf.length < HEADER + TAG || !buf.subarray(0, 4).equals(MAGIC)) {
    throw new CustodianError('E_SEALED_FORMAT', 'Not a Custodian sealed object (bad header).', { retryable: false });
  }
  const chunkSize = buf.readUInt32BE(4);
  const prefix = buf.subarray(8, HEADER);
  const body = buf.subarray(HEADER);
  const stride = chunkSize + TAG;
  const count = Math.max(1, Math.ceil(body.length / stride));
  const out: Buffer[] = [];
  for (let i = 0; i < count; i++) {
    const chunk = body.subarray(i * stride, (i + 1) * stride);
    if (chunk.length < TAG) throw integrity();
    const decipher = createDecipheriv('aes-256-gcm', key, nonceFor(prefix, i));
    decipher.setAAD(aad(context, i, i === count - 1));
    decipher.setAuthTag(chunk.subarray(chunk.length - TAG));
    try {
      out.push(decipher.update(chunk.subarray(0, chunk.length - TAG)), decipher.final());
    } catch (cause) {
      throw integrity(cause);
    }
  }
  return Buffer.concat(out);
}

const integrity = (cause?: unknown) =>
  new CustodianError(
    'E_SEALED_INTEGRITY',
    'Sealed object failed authentication: it was altered, truncated, or the key is wrong.',
    {
      retryable: false,
      cause,
    },
  );

/** Wraps a 32-byte key under another (AES-256-GCM, context-bound); the result is a compact string. */
export function wrapKey(kek: Uint8Array, key: Uint8Array, context: string): string {
  return encrypt(kek, key, `wrap:${context}`).toString('base64url');
}

export function unwrapKey(kek: Uint8Array, wrapped: string, context: string): Buffer {
  return decrypt(kek, Buffer.from(wrapped, 'base64url'), `wrap:${context}`);
}
