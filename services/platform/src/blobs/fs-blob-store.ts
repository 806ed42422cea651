import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve, sep } from 'node:path';
import type { BlobInfo, BlobStore, PutOptions } from '@custodian/core';
import { CustodianError } from '@custodian/schemas';
import { assertBlobKey, RETENTION_SUFFIX } from './blob-key';

const FILE_MODE = 0o600;
const DIR_MODE = 0o700;

interface RetentionSidecar {
  retainUntil: string;
}

/**
 * Blobs as files under `dir`, one per key. Writes are atomic (temp file, fsync, rename, fsync of the
 * directory). WORM is emulated, best-effort: a `<file>.retention.json` sidecar makes this store refuse
 * to overwrite the object before its date, but anyone with filesystem rights (root) can still delete it.
 */
export function createFsBlobStore(dir: string): BlobStore {
  const root = resolve(dir);

  const pathOf = (key: string): string => {
    assertBlobKey(key);
    const path = join(root, ...key.split('/'));
    // assertBlobKey already rules out `..`; this guards the invariant against a future change to it.
    if (!path.startsWith(root + sep)) {
      throw new CustodianError('E_BLOB_KEY_INVALID', 'blob key resolves outside the store', { retryable: false });
    }
    return path;
  };

  return {
    async put(key: string, body: Uint8Array, opts: PutOptions = {}) {
      const path = pathOf(key);
      // A date already past holds nothing (and S3 would refuse it), so it is not recorded.
      const hold = opts.retainUntil && opts.retainUntil.getTime() > Date.now() ? opts.retainUntil : undefined;
      try {
        const held = await readRetention(path);
        const exists = await isFile(path);
        if (exists && held && held.getTime() > Date.now()) {
          // Re-writing the very same bytes (a retried job) changes nothing, so it is allowed; retention may only grow.
          const same = Buffer.from(await readFile(path)).equals(Buffer.from(body));
          if (!same) {
            throw new CustodianError(
              'E_BLOB_RETAINED',
              `blob ${key} is retained until ${held.toISOString()} and cannot be overwritten`,
              { retryable: false, details: { retainUntil: held.toISOString() } },
            );
          }
          if (hold && hold.getTime() > held.getTime()) {
            await writeAtomic(path + RETENTION_SUFFIX, sidecarBytes(hold));
          }
          return;
        }
        await mkdir(dirname(path), { recursive: true, mode: DIR_MODE });
        // The sidecar goes first so the object never exists, even after a crash, without its retention.
        if (hold) await writeAtomic(path + RETENTION_SUFFIX, sidecarBytes(hold));
        await writeAtomic(path, body);
        if (!hold && held) await rm(path + RETENTION_SUFFIX, { force: true });
      } catch (err) {
        throw fsError(err, key, 'write');
      }
    },

    async get(key: string) {
      const path = pathOf(key);
      try {
        const buf = await readFile(path);
        return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
      } catch (err) {
        if (isMissing(err)) throw notFound(key);
        throw fsError(err, key, 'read');
      }
    },

    async head(key: string): Promise<BlobInfo | undefined> {
      const path = pathOf(key);
      try {
        const st = await stat(path);
        if (!st.isFile()) return undefined;
        const retainUntil = await readRetention(path);
        return retainUntil ? { size: st.size, retainUntil } : { size: st.size };
      } catch (err) {
        if (isMissing(err)) return undefined;
        throw fsError(err, key, 'stat');
      }
    },

    describe() {
      return root;
    },

    async close() {},
  };
}

async function writeAtomic(path: string, bytes: Uint8Array): Promise<void> {
  const tmp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  const fh = await open(tmp, 'wx', FILE_MODE);
  try {
    await fh.writeFile(bytes);
    await fh.sync();
  } catch (err) {
    await fh.close();
    await rm(tmp, { force: true });
    throw err;
  }
  await fh.close();
  try {
    await rename(tmp, path);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
  // The rename is durable only once the directory entry is on disk.
  const dh = await open(dirname(path), 'r');
  try {
    await dh.sync();
  } finally {
    await dh.close();
  }
}

async function readRetention(path: string): Promise<Date | undefined> {
  let text: string;
  try {
    text = await readFile(path + RETENTION_SUFFIX, 'utf8');
  } catch (err) {
    if (isMissing(err)) return undefined;
    throw err;
  }
  const parsed = JSON.parse(text) as Partial<RetentionSidecar>;
  const at = new Date(parsed.retainUntil ?? Number.NaN);
  if (Number.isNaN(at.getTime())) {
    throw new CustodianError('E_BLOB_RETENTION_CORRUPT', `retention sidecar ${basename(path)} has no valid date`, {
      retryable: false,
    });
  }
  return at;
}

const sidecarBytes = (retainUntil: Date): Uint8Array =>
  Buffer.from(`${JSON.stringify({ retainUntil: retainUntil.toISOString() } satisfies RetentionSidecar)}\n`);

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch (err) {
    if (isMissing(err)) return false;
    throw err;
  }
}

/** ENOTDIR: a key below a key (`a/b` when `a` is an object); EISDIR: a key that is a prefix of others. */
function isMissing(err: unknown): boolean {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  return code === 'ENOENT' || code === 'ENOTDIR' || code === 'EISDIR';
}

const notFound = (key: string) =>
  new CustodianError('E_BLOB_NOT_FOUND', `blob ${key} does not exist`, { retryable: false, details: { key } });

function fsError(err: unknown, key: string, op: string): CustodianError {
  if (err instanceof CustodianError) return err;
  const code = (err as NodeJS.ErrnoException | undefined)?.code ?? 'unknown';
  // A full or read-only disk may recover; a key that collides with a directory or file will not.
  const retryable = !['EISDIR', 'ENOTDIR', 'EEXIST'].includes(code);
  return new CustodianError('E_BLOB_IO', `could not ${op} blob ${key}: ${code}`, { retryable, cause: err });
}
