import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { link, mkdir, open, readFile, rename, stat, unlink } from 'node:fs/promises';
import { dirname } from 'node:path';
import { type KeyRing, unwrapKey, wrapKey } from '@custodian/core';
import { CustodianError } from '@custodian/schemas';

interface StoredKek {
  id: string;
  /** base64 of 32 bytes */
  key: string;
  createdAt: string;
}

interface StoredTenant {
  keks: StoredKek[];
  /** The KEK that wraps new keys; older ones stay for unwrapping after a rotation. */
  current: string;
  /** base64 of 32 bytes */
  tokenKey: string;
  createdAt: string;
}

interface TenantKeys {
  keks: Map<string, Buffer>;
  current: string;
  tokenKey: Buffer;
}

const FORMAT_VERSION = 1;
const LOCK_STALE_MS = 30_000;
const LOCK_TIMEOUT_MS = 15_000;

const corrupt = (path: string, why: string) =>
  new CustodianError('E_KEYRING_CORRUPT', `The keyring ${path} is not readable: ${why}. Restore it from backup.`, {
    retryable: false,
  });

const key32 = (path: string, b64: unknown, what: string): Buffer => {
  const key = typeof b64 === 'string' ? Buffer.from(b64, 'base64') : Buffer.alloc(0);
  if (key.length !== 32) throw corrupt(path, `${what} is not a 32-byte key`);
  return key;
};

interface KeyringDoc {
  version: number;
  tenants: Record<string, StoredTenant>;
}

interface Loaded {
  doc: KeyringDoc;
  keys: Map<string, TenantKeys>;
}

function parseKeyring(path: string, text: string): Loaded {
  let doc: { version?: unknown; tenants?: unknown };
  try {
    doc = JSON.parse(text);
  } catch {
    throw corrupt(path, 'not JSON');
  }
  if (doc?.version !== FORMAT_VERSION || typeof doc.tenants !== 'object' || doc.tenants === null) {
    throw corrupt(path, `expected {"version": ${FORMAT_VERSION}, "tenants": {...}}`);
  }
  const keys = new Map<string, TenantKeys>();
  for (const [tenant, raw] of Object.entries(doc.tenants as Record<string, StoredTenant>)) {
    if (!Array.isArray(raw?.keks)) throw corrupt(path, `tenant ${tenant} has no KEK list`);
    const keks = new Map(raw.keks.map((k) => [String(k?.id), key32(path, k?.key, `a KEK of tenant ${tenant}`)]));
    if (!keks.has(raw.current)) throw corrupt(path, `tenant ${tenant}'s current KEK is missing`);
    keys.set(tenant, {
      keks,
      current: raw.current,
      tokenKey: key32(path, raw.tokenKey, `tenant ${tenant}'s token key`),
    });
  }
  return { doc: doc as KeyringDoc, keys };
}

/** fsync a file or directory by path, so a rename or link survives a power cut. */
async function syncPath(path: string) {
  const h = await open(path, constants.O_RDONLY);
  try {
    await h.sync();
  } finally {
    await h.close();
  }
}

/** Writes a complete private file at a fresh temporary name next to `path`; the caller renames or links it. */
async function writeTemp(path: string, text: string): Promise<string> {
  const tmp = `${path}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  const h = await open(tmp, 'wx', 0o600);
  try {
    await h.writeFile(text, 'utf8');
    await h.sync();
  } finally {
    await h.close();
  }
  return tmp;
}

const isCode = (e: unknown, code: string) => (e as NodeJS.ErrnoException)?.code === code;

/** Creates the keyring once, atomically: a linked temp file never clobbers one another process just made. */
async function createIfMissing(path: string) {
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  try {
    await stat(path);
    return;
  } catch (e) {
    if (!isCode(e, 'ENOENT')) throw e;
  }
  const tmp = await writeTemp(path, `${JSON.stringify({ version: FORMAT_VERSION, tenants: {} }, null, 2)}\n`);
  try {
    await link(tmp, path);
    await syncPath(dirname(path));
  } catch (e) {
    if (!isCode(e, 'EEXIST')) throw e;
  } finally {
    await unlink(tmp);
  }
}

async function readChecked(path: string): Promise<string> {
  const st = await stat(path);
  if (!st.isFile()) {
    throw new CustodianError('E_KEYRING_CORRUPT', `The keyring ${path} is not a regular file.`, { retryable: false });
  }
  if (process.platform !== 'win32' && (st.mode & 0o077) !== 0) {
    const mode = (st.mode & 0o777).toString(8).padStart(3, '0');
    throw new CustodianError(
      'E_KEYRING_PERMISSIONS',
      `The keyring ${path} is readable by group or others (mode ${mode}); restrict it with \`chmod 600 ${path}\` (and \`chmod 700\` its directory), then start again.`,
      { retryable: false, details: { mode } },
    );
  }
  return readFile(path, 'utf8');
}

/** A cross-process lock beside the keyring (exclusive create); a lock left by a crashed process expires. */
async function withFileLock<T>(path: string, fn: () => Promise<T>): Promise<T> {
  const lock = `${path}.lock`;
  const deadline = Date.now() + LOCK_TIMEOUT_MS;
  for (;;) {
    try {
      const h = await open(lock, 'wx', 0o600);
      await h.writeFile(`${process.pid}\n`);
      await h.close();
      break;
    } catch (e) {
      if (!isCode(e, 'EEXIST')) throw e;
    }
    try {
      const st = await stat(lock);
      if (Date.now() - st.mtimeMs > LOCK_STALE_MS) await unlink(lock);
    } catch (e) {
      if (!isCode(e, 'ENOENT')) throw e;
    }
    if (Date.now() > deadline) {
      throw new CustodianError(
        'E_KEYRING_LOCKED',
        `The keyring lock ${lock} has been held for over ${LOCK_TIMEOUT_MS / 1000} s; if no Custodian process is starting, delete it.`,
        { retryable: true },
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 20 + Math.random() * 30));
  }
  try {
    return await fn();
  } finally {
    await unlink(lock);
  }
}

/**
 * The embedded profile's key holder: a private JSON file with each tenant's KEKs and token key, created
 * on first use. Wrapped keys read `<kekId>.<wrapped>`, so keys wrapped before a KEK rotation still open.
 * Safe for several processes on one file: additions happen under a lock file and by atomic rename.
 */
export async function openLocalKeyRing(path: string): Promise<KeyRing> {
  await createIfMissing(path);
  let state = parseKeyring(path, await readChecked(path));
  const reload = async () => {
    state = parseKeyring(path, await readChecked(path));
  };

  const keysOf = async (tenant: string, createMissing: boolean): Promise<TenantKeys | undefined> => {
    if (typeof tenant !== 'string' || tenant.length === 0) {
      throw new CustodianError('E_TENANT_INVALID', 'A tenant name is required.', { retryable: false });
    }
    const known = state.keys.get(tenant);
    if (known) return known;
    // Another process (api vs worker) may have added the tenant since we read the file.
    await reload();
    if (state.keys.has(tenant) || !createMissing) return state.keys.get(tenant);
    return withFileLock(path, async () => {
      await reload();
      const raced = state.keys.get(tenant);
      if (raced) return raced;
      const createdAt = new Date().toISOString();
      const id = `kek-${randomBytes(8).toString('hex')}`;
      const added: StoredTenant = {
        keks: [{ id, key: randomBytes(32).toString('base64'), createdAt }],
        current: id,
        tokenKey: randomBytes(32).toString('base64'),
        createdAt,
      };
      const text = `${JSON.stringify({ ...state.doc, tenants: { ...state.doc.tenants, [tenant]: added } }, null, 2)}\n`;
      const next = parseKeyring(path, text);
      const tmp = await writeTemp(path, text);
      await rename(tmp, path);
      await syncPath(dirname(path));
      state = next;
      return next.keys.get(tenant);
    });
  };

  const kekContext = (tenant: string, kekId: string) => `kek:${tenant}:${kekId}`;
  /** The token key buffer handed out per tenant. */
  const handedOut = new Map<string, Buffer>();

  return {
    async wrap(tenant, key) {
      const t = (await keysOf(tenant, true))!;
      const kek = t.keks.get(t.current)!;
      return `${t.current}.${wrapKey(kek, key, kekContext(tenant, t.current))}`;
    },

    async unwrap(tenant, wrapped) {
      const dot = wrapped.indexOf('.');
      if (dot <= 0) {
        throw new CustodianError('E_WRAPPED_KEY_FORMAT', 'A wrapped key must read `<kekId>.<wrapped>`.', {
          retryable: false,
        });
      }
      const kekId = wrapped.slice(0, dot);
      let t = await keysOf(tenant, false);
      if (t && !t.keks.has(kekId)) {
        // A rotation in another process may have added this KEK.
        await reload();
        t = state.keys.get(tenant);
      }
      const kek = t?.keks.get(kekId);
      if (!kek) {
        throw new CustodianError(
          'E_KEK_NOT_FOUND',
          `The keyring ${path} has no KEK ${kekId} for tenant ${tenant}: is this the keyring the data was sealed with?`,
          { retryable: false, details: { tenant, kekId } },
        );
      }
      return unwrapKey(kek, wrapped.slice(dot + 1), kekContext(tenant, kekId));
    },

    async tokenKey(tenant) {
      // A copy, and the same copy each time while it holds the key (see KeyRing): a reload makes new buffers.
      const key = (await keysOf(tenant, true))!.tokenKey;
      const given = handedOut.get(tenant);
      if (given?.equals(key)) return given;
      const copy = Buffer.from(key);
      handedOut.set(tenant, copy);
      return copy;
    },

    describe: () => `local keyring ${path}`,
  };
}
