import { createHmac } from 'node:crypto';

/**
 * A keyed token of an identifier: HMAC-SHA256 under the tenant's token key, over the type and the
 * normalized value. The index stores only these, so a search by phone number or ID matches without
 * the index ever holding one; without the key a token cannot be reversed or brute-forced offline.
 */
export function keyedToken(tokenKey: Uint8Array, type: string, normalized: string): string {
  return createHmac('sha256', tokenKey).update(`${type}\u0000${normalized}`).digest('hex').slice(0, 32);
}
