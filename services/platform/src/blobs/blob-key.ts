import { CustodianError } from '@custodian/schemas';

/** Suffix of the filesystem store's retention sidecars; reserved in every adapter so keys stay portable. */
export const RETENTION_SUFFIX = '.retention.json';

/** S3's limit on a key, in UTF-8 bytes. */
const MAX_KEY_BYTES = 1024;
const CONTROL = /\p{Cc}/u;

/**
 * Checks that a blob key is the same portable `/`-separated name in every adapter: no empty, `.`-led
 * (`.`, `..`, hidden temp files) or reserved segment, no absolute path, no backslash, no control character.
 */
export function assertBlobKey(key: string): void {
  const refuse = (why: string): never => {
    throw new CustodianError('E_BLOB_KEY_INVALID', `blob key ${JSON.stringify(key.slice(0, 200))} ${why}`, {
      retryable: false,
    });
  };
  if (key.length === 0) refuse('is empty');
  if (Buffer.byteLength(key, 'utf8') > MAX_KEY_BYTES) refuse(`is longer than ${MAX_KEY_BYTES} bytes`);
  if (key.startsWith('/')) refuse('must be relative (no leading /)');
  if (key.includes('\\')) refuse('must not contain a backslash');
  if (CONTROL.test(key)) refuse('must not contain control characters');
  for (const segment of key.split('/')) {
    if (segment.length === 0) refuse('must not have an empty segment (// or a trailing /)');
    if (segment.startsWith('.')) refuse('must not have a segment starting with "." (., .. or hidden names)');
    if (segment.endsWith(RETENTION_SUFFIX)) refuse(`must not end a segment with the reserved "${RETENTION_SUFFIX}"`);
  }
}
