import { open, readdir, stat } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';
import {
  assertTenant,
  type CheckpointStore,
  type ConnectorLog,
  type ConnectorStats,
  EnqueueWindow,
  type ProgressListener,
  StatsRecorder,
  silentLog,
} from '@custodian/connector-kit';
import type { ArchiveQueue } from '@custodian/core';
import { isCustodianError } from '@custodian/schemas';
import { importEml } from './eml-import';
import type { FileImportContext } from './file-import-context';
import { importMbox } from './mbox-import';

export interface ImportMailFilesDeps {
  tenant: string;
  queue: ArchiveQueue;
  /** When set, mbox imports resume where they stopped (see `MboxCheckpoint`). */
  checkpoints?: CheckpointStore;
  onProgress?: ProgressListener;
  log?: ConnectorLog;
  /** Backpressure: reading pauses while this many enqueues are unacknowledged. */
  maxInFlight?: number;
  signal?: AbortSignal;
}

type MailFile = { path: string; kind: 'eml' | 'mbox' | 'sniff'; size: number };

/**
 * Imports .eml files, mbox files and folders of them (recursively: `*.eml` and `*.mbox`) into the archive queue.
 * A path that is missing, empty or not mail becomes a failed item with the reason; only a queue that stops
 * accepting work ends the import with an error (after the mbox checkpoints kept what it acknowledged).
 */
export async function importMailFiles(paths: string[], deps: ImportMailFilesDeps): Promise<ConnectorStats> {
  assertTenant(deps.tenant);
  const stats = new StatsRecorder(deps.onProgress);
  const log = deps.log ?? silentLog;
  const files: MailFile[] = [];
  for (const p of paths) await collect(resolve(p), true, files, stats);
  const total = files.reduce((sum, f) => sum + f.size, 0);
  let done = 0;
  stats.progress('bytes', 0, total);

  const ctx: FileImportContext = {
    tenant: deps.tenant,
    queue: deps.queue,
    stats,
    checkpoints: deps.checkpoints,
    log,
    maxInFlight: deps.maxInFlight,
    signal: deps.signal,
    emlWindow: new EnqueueWindow<string>({ queue: deps.queue, stats, maxInFlight: deps.maxInFlight }),
    advance(bytes) {
      done += bytes;
      stats.progress('bytes', done);
    },
  };
  for (const file of files) {
    if (deps.signal?.aborted) break;
    const before = done;
    try {
      const kind = file.kind === 'sniff' ? await sniff(file.path) : file.kind;
      if (kind === 'mbox') await importMbox(file.path, ctx);
      else await importEml(file.path, ctx);
    } catch (error) {
      if (!isReadError(error)) throw error;
      stats.seen();
      stats.failed({ sourceId: 'file', externalId: file.path, code: 'E_FILE_UNREADABLE', reason: readReason(error) });
      ctx.advance(Math.max(0, before + file.size - done));
    }
  }
  await ctx.emlWindow.drain();
  const result = stats.snapshot();
  log.info(
    {
      files: files.length,
      seen: result.seen,
      enqueued: result.enqueued,
      duplicates: result.duplicates,
      failed: result.failed,
    },
    'mail file import finished',
  );
  return result;
}

async function collect(path: string, explicit: boolean, out: MailFile[], stats: StatsRecorder): Promise<void> {
  let info: Awaited<ReturnType<typeof stat>>;
  try {
    info = await stat(path);
  } catch (error) {
    stats.seen();
    stats.failed({ sourceId: 'file', externalId: path, code: 'E_FILE_UNREADABLE', reason: readReason(error) });
    return;
  }
  if (info.isDirectory()) {
    const entries = await readdir(path, { withFileTypes: true });
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const child = join(path, entry.name);
      const ext = extname(entry.name).toLowerCase();
      if (entry.isDirectory()) await collect(child, false, out, stats);
      else if (entry.isFile() && (ext === '.eml' || ext === '.mbox')) await collect(child, false, out, stats);
    }
    return;
  }
  if (!info.isFile()) {
    if (explicit) {
      stats.seen();
      stats.failed({ sourceId: 'file', externalId: path, code: 'E_FILE_UNREADABLE', reason: 'not a regular file' });
    }
    return;
  }
  const ext = extname(path).toLowerCase();
  out.push({ path, kind: ext === '.eml' ? 'eml' : ext === '.mbox' ? 'mbox' : 'sniff', size: info.size });
}

/** A file named neither .eml nor .mbox is an mbox when it starts like one. */
async function sniff(path: string): Promise<'eml' | 'mbox'> {
  const handle = await open(path, 'r');
  try {
    const buf = Buffer.alloc(5);
    const { bytesRead } = await handle.read(buf, 0, 5, 0);
    return bytesRead === 5 && buf.toString('latin1') === 'From ' ? 'mbox' : 'eml';
  } finally {
    await handle.close();
  }
}

/** File-system errors are the file's problem, not the run's (a queue's ECONNREFUSED is not among them). */
const FILE_ERRORS = new Set(['ENOENT', 'EACCES', 'EPERM', 'EISDIR', 'ENOTDIR', 'ELOOP', 'EIO', 'ENAMETOOLONG']);

function isReadError(error: unknown): error is NodeJS.ErrnoException {
  return (
    !isCustodianError(error) && error instanceof Error && FILE_ERRORS.has((error as NodeJS.ErrnoException).code ?? '')
  );
}

function readReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file or folder';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'is a folder';
  return error instanceof Error ? error.message : String(error);
}
