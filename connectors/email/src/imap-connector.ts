import {
  assertTenant,
  type BackoffOptions,
  backoffDelay,
  type CheckpointStore,
  type ConnectorLog,
  type ConnectorStats,
  DEFAULT_BACKOFF,
  EnqueueWindow,
  type ProgressListener,
  readCheckpoint,
  StatsRecorder,
  silentLog,
  sleep,
  writeCheckpoint,
} from '@custodian/connector-kit';
import type { ArchiveQueue } from '@custodian/core';
import { CustodianError, type ImapSource, isCustodianError, SourceRef } from '@custodian/schemas';
import { type FetchMessageObject, ImapFlow, type ImapFlowError, type Logger } from 'imapflow';
import { emailItem } from './email-item';
import { type FetchOutcome, ImapFolderCheckpoint, settleFetchOutcomes } from './imap-checkpoint';
import { inspectMailHeaders } from './inspect-mail-headers';

export interface ImapConnectorDeps {
  tenant: string;
  queue: ArchiveQueue;
  checkpoints: CheckpointStore;
  onProgress?: ProgressListener;
  log?: ConnectorLog;
  /** Backpressure: fetching pauses while this many enqueues are unacknowledged. */
  maxInFlight?: number;
  /** A batch is also cut when its messages add up to this many bytes, so 50 big attachments don't sit in memory at once. */
  maxBatchBytes?: number;
  /** Delay between reconnect attempts. */
  backoff?: BackoffOptions;
  /** `once` mode gives up after this many failed connection attempts in a row; `poll` and `idle` never do. */
  maxReconnects?: number;
}

export interface ImapConnector {
  /** Reads until done (`once`) or until `signal` aborts (`poll`, `idle`); resolves with what this run did. */
  run(signal?: AbortSignal): Promise<ConnectorStats>;
}

const CHECKPOINT_KEY = 'uid';
const DEFAULT_MAX_BATCH_BYTES = 32 * 1024 * 1024;
/** A silent session gets a NOOP this often while polling (imapflow's socket timeout is 5 minutes). */
const KEEPALIVE_MS = 120_000;

/** The checkpoint source id of one folder; also the `sourceId` of every item read from it. */
export const imapSourceId = (source: Pick<ImapSource, 'id'>, folder: string): string => `imap:${source.id}/${folder}`;

/**
 * Reads the configured folders of one IMAP account into the archive queue: for each folder the messages
 * above the checkpoint, in UID batches, advancing the checkpoint after each batch the queue acknowledged.
 */
export function createImapConnector(source: ImapSource, deps: ImapConnectorDeps): ImapConnector {
  assertTenant(deps.tenant);
  for (const folder of source.folders) {
    const sourceId = imapSourceId(source, folder);
    if (!SourceRef.shape.sourceId.safeParse(sourceId).success) {
      throw new CustodianError(
        'E_CONFIG_INVALID',
        `IMAP folder name too long for a source id: ${sourceId.slice(0, 80)}…`,
        {
          retryable: false,
        },
      );
    }
  }
  const log = deps.log ?? silentLog;
  return {
    run: (signal) => new ImapRun(source, deps, log, signal).run(),
  };
}

interface FetchedMessage {
  uid: number;
  raw: Buffer;
  messageId?: string;
}

type BatchOutcome = FetchOutcome & { message?: FetchedMessage };

/** The folder a batch is read from, as checkpoints and item ids name it. */
interface FolderAt {
  sourceId: string;
  folder: string;
  uidValidity: string;
}

interface BatchResult {
  outcomes: FetchOutcome[];
  /** Messages the queue refused for good (invalid items): skipped at once, retrying cannot help. */
  refused: Array<{ uid: number; reason: string }>;
  /** Set when the connection dropped while fetching the batch's single message. */
  connectionLost?: unknown;
}

const disconnected = (cause: unknown) =>
  new CustodianError('E_IMAP_DISCONNECTED', 'the IMAP server closed the connection while sending a message', {
    retryable: true,
    cause,
  });

/** One `run()`: its statistics, its connection, and the reconnect loop around it. */
class ImapRun {
  private readonly stats: StatsRecorder;
  private client: ImapFlow | undefined;
  /** Folders (source ids) read one message at a time since a batch fetch lost the connection. */
  private readonly careful = new Set<string>();
  /** Set when the server reports new mail while we are busy, so the next wait is skipped. */
  private newMail = false;
  private done = 0;
  private total = 0;

  constructor(
    private readonly source: ImapSource,
    private readonly deps: ImapConnectorDeps,
    private readonly log: ConnectorLog,
    private readonly signal: AbortSignal | undefined,
  ) {
    this.stats = new StatsRecorder(deps.onProgress);
  }

  async run(): Promise<ConnectorStats> {
    let failures = 0;
    while (!this.signal?.aborted) {
      try {
        this.client = await this.connect();
        await this.session(() => {
          failures = 0;
        });
        break;
      } catch (error) {
        if (isCustodianError(error) && !error.retryable) throw error;
        // A connection that worked until the server hung up (after a round, or over one message) is not a failing server.
        if (isCustodianError(error) && error.code === 'E_IMAP_DISCONNECTED') failures = 0;
        failures += 1;
        const code = (error as ImapFlowError).code;
        if (this.source.mode === 'once' && failures > (this.deps.maxReconnects ?? 5)) {
          throw new CustodianError(
            'E_IMAP_UNAVAILABLE',
            `IMAP server ${this.source.host}:${this.source.port} failed ${failures} times in a row (${code ?? 'error'}): ${messageOf(error)}`,
            { retryable: true, cause: error, details: { sourceId: this.source.id, code } },
          );
        }
        const delayMs = backoffDelay(failures, this.deps.backoff ?? DEFAULT_BACKOFF);
        this.log.warn(
          { source: this.source.id, attempt: failures, delayMs, code },
          'IMAP connection failed; reconnecting',
        );
        await sleep(delayMs, this.signal);
      } finally {
        this.disconnect();
      }
    }
    const stats = this.stats.snapshot();
    this.log.info(
      {
        source: this.source.id,
        seen: stats.seen,
        enqueued: stats.enqueued,
        duplicates: stats.duplicates,
        failed: stats.failed,
      },
      'IMAP run finished',
    );
    return stats;
  }

  private async connect(): Promise<ImapFlow> {
    const client = new ImapFlow({
      host: this.source.host,
      port: this.source.port,
      secure: this.source.secure,
      auth: { user: this.source.user, pass: this.source.password },
      logger: imapflowLogger(this.log),
      // IDLE is started by us, only between rounds: an automatic one would only have to be broken again.
      disableAutoIdle: true,
      connectionTimeout: 30_000,
    });
    // An 'error' event without a listener would crash the process; the failed command rejects anyway.
    client.on('error', (error: ImapFlowError) => this.log.warn({ code: error.code }, 'IMAP connection error'));
    client.on('exists', (event) => {
      if (event.count > event.prevCount) this.newMail = true;
    });
    try {
      await client.connect();
    } catch (error) {
      if ((error as ImapFlowError).authenticationFailed) {
        throw new CustodianError(
          'E_IMAP_AUTH',
          `IMAP login as "${this.source.user}" at ${this.source.host} was refused; check the source's user and password`,
          { retryable: false, cause: error, details: { sourceId: this.source.id } },
        );
      }
      throw error;
    }
    return client;
  }

  private disconnect(): void {
    const client = this.client;
    this.client = undefined;
    if (!client || client.isClosed) return;
    // LOGOUT politely, but never wait on a server that may be the reason we are leaving.
    client.logout().catch(() => client.close());
  }

  /** Rounds until done; `roundOk` resets the reconnect counter after a round that worked. */
  private async session(roundOk: () => void): Promise<void> {
    const client = this.client!;
    for (;;) {
      this.newMail = false;
      for (const folder of this.source.folders) {
        if (this.signal?.aborted) return;
        await this.drainFolder(client, folder);
      }
      roundOk();
      if (this.source.mode === 'once' || this.signal?.aborted) return;
      if (!this.newMail) await this.waitForMail(client);
      if (this.signal?.aborted) return;
      if (!client.usable) {
        throw new CustodianError('E_IMAP_DISCONNECTED', 'the IMAP connection closed while waiting for mail', {
          retryable: true,
        });
      }
    }
  }

  /**
   * Waits `pollSeconds`, or in `idle` mode until the server reports new mail in the first folder (IMAP IDLE
   * watches one selected folder; the others are still checked every `pollSeconds`).
   */
  private async waitForMail(client: ImapFlow): Promise<void> {
    const watch = this.source.folders[0]!;
    let idle = this.source.mode === 'idle';
    if (idle) {
      try {
        // Our mailbox lock is released by now: while one is held, no IDLE runs and no 'exists' arrives.
        await client.mailboxOpen(watch, { readOnly: true });
      } catch (error) {
        if (!client.usable) throw error;
        idle = false;
      }
    }
    const deadline = Date.now() + this.source.pollSeconds * 1000;
    for (;;) {
      await this.waitForEvent(client, Math.min(deadline - Date.now(), KEEPALIVE_MS), idle);
      if (this.newMail || this.signal?.aborted || !client.usable || Date.now() >= deadline) return;
      // A long quiet poll: servers and imapflow's socket timeout drop silent sessions. The NOOP's answer also reports new mail.
      if (!idle) await client.noop();
    }
  }

  /** Resolves on new mail, a closed connection, an abort, or after `ms`; in `idle` mode runs IDLE meanwhile. */
  private waitForEvent(client: ImapFlow, ms: number, idle: boolean): Promise<void> {
    return new Promise<void>((resolve) => {
      const stop = () => {
        clearTimeout(timer);
        client.off('exists', onExists);
        client.off('close', stop);
        this.signal?.removeEventListener('abort', stop);
        resolve();
      };
      const onExists = () => {
        if (this.newMail) stop();
      };
      const timer = setTimeout(stop, Math.max(0, ms));
      client.on('exists', onExists);
      client.once('close', stop);
      this.signal?.addEventListener('abort', stop, { once: true });
      if (this.newMail || this.signal?.aborted) stop();
      else if (idle) {
        // Resolves when IDLE ends: the next command (our next round's lock) breaks it. Already idling: returns at once.
        client.idle({ whenFree: true }).catch((error: ImapFlowError) => {
          this.log.debug({ code: error.code }, 'IDLE ended with an error');
          stop();
        });
      }
    });
  }

  private async drainFolder(client: ImapFlow, folder: string): Promise<void> {
    const sourceId = imapSourceId(this.source, folder);
    let lock: Awaited<ReturnType<ImapFlow['getMailboxLock']>>;
    try {
      // Read-only (EXAMINE): an archiver never changes flags, and CLOSE on it below never expunges.
      lock = await client.getMailboxLock(folder, { readOnly: true, description: 'custodian: read new mail' });
    } catch (error) {
      if (!client.usable || !(error as ImapFlowError).mailboxMissing) throw error;
      this.stats.warn(`folder "${folder}" does not exist on ${this.source.id}; skipped this round`);
      this.log.warn({ sourceId }, 'IMAP folder does not exist; skipped');
      return;
    }
    try {
      const mailbox = client.mailbox;
      if (!mailbox) throw new CustodianError('E_IMAP_STATE', `folder "${folder}" is not selected after locking it`);
      // UIDVALIDITY is a BigInt in imapflow: JSON cannot hold one, so the checkpoint keeps its decimal string.
      const uidValidity = mailbox.uidValidity.toString();
      const stored = await readCheckpoint(this.deps.checkpoints, sourceId, CHECKPOINT_KEY, ImapFolderCheckpoint);
      let cp: ImapFolderCheckpoint = stored ?? { uidValidity, lastUid: 0, retry: [], skipped: [] };
      if (stored && stored.uidValidity !== uidValidity) {
        // The server renumbered the folder: old UIDs mean nothing now. Record ids come from Message-ID and content,
        // so reading everything again archives nothing twice: already archived mail lands on its existing record.
        this.stats.warn(
          `folder "${folder}" on ${this.source.id}: UIDVALIDITY changed from ${stored.uidValidity} to ${uidValidity}; reading it again from UID 1`,
        );
        this.log.warn(
          { sourceId, from: stored.uidValidity, to: uidValidity },
          'UIDVALIDITY changed; restarting folder',
        );
        cp = { uidValidity, lastUid: 0, retry: [], skipped: [] };
      }
      const save = (next: ImapFolderCheckpoint) =>
        writeCheckpoint(this.deps.checkpoints, sourceId, CHECKPOINT_KEY, ImapFolderCheckpoint, next).then(() => {
          cp = next;
        });

      const at: FolderAt = { sourceId, folder, uidValidity };
      // A message the server drops the connection over (Dovecot does, on a message file it cannot read) is found by
      // fetching one message at a time after such a loss; that message then counts a failed round before we reconnect.
      const careful = this.careful.has(sourceId);

      for (const { uid } of cp.retry) {
        if (this.signal?.aborted) return;
        this.log.info({ sourceId, uid }, 'retrying a message that failed to fetch before');
        const result = await this.readBatch(client, at, [uid]);
        await save(this.settle(cp, result, folder));
        if (result.connectionLost) throw disconnected(result.connectionLost);
      }

      if (mailbox.exists > 0) {
        const listing = await client.fetchAll(`${cp.lastUid + 1}:*`, { uid: true, size: true }, { uid: true });
        // `n:*` always matches the highest UID, even one below n.
        const todo = listing.filter((m) => m.uid > cp.lastUid).sort((a, b) => a.uid - b.uid);
        if (todo.length > 0) {
          this.total += todo.length;
          this.stats.progress('items', this.done, this.total);
          this.log.info(
            { sourceId, fromUid: todo[0]!.uid, toUid: todo.at(-1)!.uid, count: todo.length },
            'reading new mail',
          );
        }
        const maxBytes = this.deps.maxBatchBytes ?? DEFAULT_MAX_BATCH_BYTES;
        for (const uids of planBatches(todo, careful ? 1 : this.source.batchSize, maxBytes)) {
          if (this.signal?.aborted) return;
          const result = await this.readBatch(client, at, uids);
          await save({ ...this.settle(cp, result, folder), lastUid: Math.max(cp.lastUid, uids.at(-1)!) });
          if (result.connectionLost) throw disconnected(result.connectionLost);
        }
      }
      this.careful.delete(sourceId);
    } finally {
      // Deselect, so the next round's lock selects afresh: a cached mailbox would hide new mail and a new UIDVALIDITY.
      if (client.usable) {
        await client
          .mailboxClose()
          .catch((error: ImapFlowError) => this.log.warn({ code: error.code }, 'IMAP CLOSE failed'));
      }
      lock.release();
    }
  }

  /**
   * Fetches and enqueues one batch in UID order; resolves once the queue acknowledged every message of it.
   * When the connection drops while fetching a single message, that message is reported failed (with
   * `connectionLost` set) so the caller can record it before reconnecting; with several, the folder turns careful.
   */
  private async readBatch(client: ImapFlow, at: FolderAt, uids: number[]): Promise<BatchResult> {
    let fetched: BatchOutcome[];
    let connectionLost: unknown;
    try {
      fetched = await fetchMessages(client, uids, this.log);
    } catch (error) {
      if (client.usable) throw error;
      if (uids.length > 1) {
        this.careful.add(at.sourceId);
        throw error;
      }
      connectionLost = error;
      const reason = `the server closed the connection while sending this message (${(error as ImapFlowError).code ?? 'closed'})`;
      fetched = [{ uid: uids[0]!, kind: 'failed', reason }];
    }
    const refused: Array<{ uid: number; reason: string }> = [];
    const window = new EnqueueWindow<number>({
      queue: this.deps.queue,
      stats: this.stats,
      maxInFlight: this.deps.maxInFlight,
      onRejected: (uid, reason) => refused.push({ uid, reason }),
    });
    const outcomes: FetchOutcome[] = [];
    let gone = 0;
    for (const outcome of fetched) {
      outcomes.push(outcome.kind === 'failed' ? { uid: outcome.uid, kind: 'failed', reason: outcome.reason } : outcome);
      if (outcome.kind === 'gone') {
        gone += 1;
        window.skip(outcome.uid);
        continue;
      }
      this.stats.seen();
      this.stats.progress('items', ++this.done, this.total);
      const externalId = `${at.uidValidity}:${outcome.uid}`;
      if (outcome.kind === 'failed') {
        this.stats.failed({ sourceId: at.sourceId, externalId, code: 'E_IMAP_FETCH', reason: outcome.reason });
        window.skip(outcome.uid);
        continue;
      }
      const message = outcome.message!;
      await window.push(
        emailItem({
          tenant: this.deps.tenant,
          connector: 'imap',
          sourceId: at.sourceId,
          externalId,
          raw: message.raw,
          messageId: message.messageId,
          folder: at.folder,
        }),
        outcome.uid,
      );
    }
    await window.drain();
    this.log.debug(
      {
        sourceId: at.sourceId,
        fromUid: uids[0],
        toUid: uids.at(-1),
        count: uids.length,
        gone,
        refused: refused.length,
      },
      'batch acknowledged',
    );
    return { outcomes, refused, connectionLost };
  }

  /** Applies a batch's failures to the checkpoint; messages the queue refused for good are skipped at once. */
  private settle(cp: ImapFolderCheckpoint, { outcomes, refused }: BatchResult, folder: string): ImapFolderCheckpoint {
    const now = new Date();
    const { checkpoint, gaveUp } = settleFetchOutcomes(cp, outcomes, now);
    for (const r of refused)
      checkpoint.skipped.push({ uid: r.uid, reason: `refused by the queue: ${r.reason}`, at: now.toISOString() });
    const skipped = [...gaveUp, ...refused.map((r) => r.uid)];
    if (skipped.length > 0) {
      this.stats.warn(
        `folder "${folder}" on ${this.source.id}: gave up on UIDs ${skipped.join(', ')} (listed in the checkpoint)`,
      );
      this.log.warn(
        { sourceId: imapSourceId(this.source, folder), uids: skipped },
        'messages skipped after repeated failures',
      );
    }
    return checkpoint;
  }
}

/**
 * Fetches `uids` with their full source. When the batch command fails but the connection is fine, each missing
 * message is fetched alone, so one unreadable message does not fail the ones next to it.
 */
async function fetchMessages(client: ImapFlow, uids: number[], log: ConnectorLog): Promise<BatchOutcome[]> {
  const query = { uid: true, source: true, envelope: true } as const;
  const got = new Map<number, FetchMessageObject>();
  try {
    for await (const msg of client.fetch(uids.join(','), query, { uid: true })) got.set(msg.uid, msg);
  } catch (error) {
    if (!client.usable) throw error;
    log.warn({ count: uids.length, code: (error as ImapFlowError).code }, 'batch fetch failed; fetching one by one');
  }
  const outcomes: BatchOutcome[] = [];
  for (const uid of uids) {
    let msg: FetchMessageObject | false | undefined = got.get(uid);
    if (!msg?.source?.length) {
      try {
        msg = await client.fetchOne(String(uid), query, { uid: true });
      } catch (error) {
        if (!client.usable) throw error;
        outcomes.push({ uid, kind: 'failed', reason: messageOf(error) });
        continue;
      }
    }
    if (msg === false || msg === undefined) outcomes.push({ uid, kind: 'gone' });
    else if (!msg.source?.length) outcomes.push({ uid, kind: 'failed', reason: 'the server returned no message body' });
    else {
      const headers = msg.envelope?.messageId ? undefined : inspectMailHeaders(msg.source);
      const messageId = msg.envelope?.messageId || (headers?.ok ? headers.messageId : undefined);
      outcomes.push({ uid, kind: 'ok', message: { uid, raw: msg.source, messageId } });
    }
  }
  return outcomes;
}

/** Cuts the UID list into batches of at most `maxCount` messages and (unless one message is larger) `maxBytes`. */
export function planBatches(
  list: Array<{ uid: number; size?: number }>,
  maxCount: number,
  maxBytes: number,
): number[][] {
  const batches: number[][] = [];
  let batch: number[] = [];
  let bytes = 0;
  for (const { uid, size = 0 } of list) {
    if (batch.length > 0 && (batch.length >= maxCount || bytes + size > maxBytes)) {
      batches.push(batch);
      batch = [];
      bytes = 0;
    }
    batch.push(uid);
    bytes += size;
  }
  if (batch.length > 0) batches.push(batch);
  return batches;
}

/** imapflow logs every command at debug/info; only its warnings and errors reach our log, as fixed fields. */
function imapflowLogger(log: ConnectorLog): Logger {
  const fields = (entry: Record<string, unknown>) => ({
    cid: entry.cid,
    code: (entry.err as ImapFlowError | undefined)?.code ?? entry.code,
  });
  const text = (entry: Record<string, unknown>) =>
    typeof entry.msg === 'string' ? `imapflow: ${entry.msg}` : 'imapflow';
  return {
    debug: () => {},
    info: () => {},
    warn: (entry: Record<string, unknown>) => log.warn(fields(entry), text(entry)),
    error: (entry: Record<string, unknown>) => log.error(fields(entry), text(entry)),
  };
}

function messageOf(error: unknown): string {
  const e = error as ImapFlowError;
  return e?.responseText || (error instanceof Error ? error.message : String(error));
}
