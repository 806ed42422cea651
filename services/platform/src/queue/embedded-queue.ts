import {
  type ArchiveQueue,
  type ConsumeOptions,
  type DeadLetter,
  type EnqueueResult,
  type JobHandler,
  jobIdFor,
  type QueueCounts,
} from '@custodian/core';
import { ChannelItem, CustodianError, isCustodianError } from '@custodian/schemas';
import { migrate } from '../catalog/migrations';
import type { SqlClient } from '../sql/sql-client';
import { toIso } from '../sql/to-iso';

export interface EmbeddedQueueOptions {
  /** How often an idle consumer looks for due jobs (retries coming due, jobs enqueued by another process). */
  pollMs?: number;
  /** Names this queue inside the shared table, so several queues (or test runs) can use one database. */
  name?: string;
  /** A job whose consumer stopped renewing its lease this long ago (a crashed process) is run again. */
  leaseMs?: number;
  /** The longest wait between two tries, whatever the exponential backoff says. */
  maxBackoffMs?: number;
  /** Receives failures of the queue's own bookkeeping (a lost database while polling); default: a process warning. */
  onError?: (error: unknown) => void;
}

interface ClaimedRow {
  job_id: string;
  payload: unknown;
  attempts: number;
}

const MAX_REASON = 2000;

type ItemIssues = NonNullable<ReturnType<typeof ChannelItem.safeParse>['error']>;

function issuesOf(error: ItemIssues): string {
  return error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
}

const itemInvalid = (error: ItemIssues) =>
  new CustodianError('E_ITEM_INVALID', `Invalid channel item: ${issuesOf(error)}`, {
    retryable: false,
    details: { issues: error.issues.map((i) => ({ path: i.path.map(String), message: i.message })) },
  });

const warn = (error: unknown) =>
  process.emitWarning(error instanceof Error ? error.message : String(error), {
    code: isCustodianError(error) ? error.code : 'E_QUEUE',
  });

/**
 * The archive queue as a table in the catalog database (embedded profile, or a server without Redis).
 * Consumers claim with `FOR UPDATE SKIP LOCKED`, so several processes on one PostgreSQL never run a job
 * twice at once; a claim is a lease renewed while the handler runs, and a lapsed lease is reclaimed.
 * It does not own `sql`: `close()` stops consuming and leaves the client open.
 */
class EmbeddedQueue implements ArchiveQueue {
  private readonly pollMs: number;
  private readonly name: string;
  private readonly leaseMs: number;
  private readonly maxBackoffMs: number;
  private readonly onError: (error: unknown) => void;
  private readonly running = new Set<Promise<void>>();
  private closed = false;
  private loop: Promise<void> | undefined;
  private wakeSleeper: (() => void) | undefined;
  private wakePending = false;

  constructor(
    private readonly sql: SqlClient,
    opts: EmbeddedQueueOptions,
  ) {
    this.pollMs = opts.pollMs ?? 250;
    this.name = opts.name ?? 'archive';
    this.leaseMs = opts.leaseMs ?? 60_000;
    this.maxBackoffMs = opts.maxBackoffMs ?? 3_600_000;
    this.onError = opts.onError ?? warn;
  }

  async enqueue(item: ChannelItem): Promise<EnqueueResult> {
    this.assertOpen();
    const parsed = ChannelItem.safeParse(item);
    if (!parsed.success) throw itemInvalid(parsed.error);
    const jobId = jobIdFor(parsed.data);
    const r = await this.sql.query(
      `INSERT INTO queue_jobs (queue, job_id, tenant, state, payload) VALUES ($1, $2, $3, 'waiting', $4::text::jsonb)
       ON CONFLICT (queue, job_id) DO NOTHING RETURNING job_id`,
      [this.name, jobId, parsed.data.tenant, JSON.stringify(parsed.data)],
    );
    const duplicate = r.rows.length === 0;
    if (!duplicate) this.wake();
    return { jobId, duplicate };
  }

  consume(handler: JobHandler, opts: ConsumeOptions): void {
    this.assertOpen();
    if (this.loop) {
      throw new CustodianError('E_QUEUE_CONSUMING', 'This queue is already consuming; raise concurrency instead.', {
        retryable: false,
      });
    }
    const valid =
      Number.isInteger(opts.concurrency) &&
      opts.concurrency > 0 &&
      Number.isInteger(opts.attempts) &&
      opts.attempts > 0 &&
      opts.backoffMs >= 0;
    if (!valid) {
      throw new CustodianError(
        'E_QUEUE_OPTIONS',
        'Queue consume options: concurrency and attempts must be positive integers, backoffMs at least 0.',
        { retryable: false, details: { ...opts } },
      );
    }
    this.loop = this.dispatch(handler, opts);
  }

  async drained(): Promise<void> {
    for (;;) {
      const c = await this.counts();
      if (c.waiting === 0 && c.active === 0) return;
      await new Promise((resolve) => setTimeout(resolve, this.pollMs));
    }
  }

  async deadLetters(limit = 100): Promise<DeadLetter[]> {
    const { rows } = await this.sql.query<{
      job_id: string;
      payload: unknown;
      last_code: string | null;
      last_reason: string | null;
      attempts: number;
      finished_at: unknown;
    }>(
      `SELECT job_id, payload, last_code, last_reason, attempts, finished_at FROM queue_jobs
       WHERE queue = $1 AND state = 'dead' ORDER BY finished_at DESC, job_id LIMIT $2`,
      [this.name, limit],
    );
    return rows.map((r) => ({
      jobId: r.job_id,
      payload: r.payload,
      code: r.last_code ?? 'E_JOB_FAILED',
      reason: r.last_reason ?? '',
      attempts: Number(r.attempts),
      failedAt: toIso(r.finished_at),
    }));
  }

  async counts(): Promise<QueueCounts> {
    const { rows } = await this.sql.query<{ state: string; n: number }>(
      'SELECT state, count(*)::int AS n FROM queue_jobs WHERE queue = $1 GROUP BY state',
      [this.name],
    );
    const n = (state: string) => Number(rows.find((r) => r.state === state)?.n ?? 0);
    return { waiting: n('waiting'), active: n('active'), completed: n('done'), dead: n('dead') };
  }

  async close(): Promise<void> {
    this.closed = true;
    this.wake();
    await this.loop;
    await Promise.all([...this.running]);
  }

  private assertOpen() {
    if (this.closed) {
      throw new CustodianError('E_QUEUE_CLOSED', 'The queue was closed.', { retryable: false });
    }
  }

  private wake() {
    const sleeper = this.wakeSleeper;
    this.wakeSleeper = undefined;
    if (sleeper) sleeper();
    else this.wakePending = true;
  }

  private sleep(ms: number): Promise<void> {
    if (this.wakePending || this.closed) {
      this.wakePending = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      const self = this;
      function done() {
        clearTimeout(timer);
        if (self.wakeSleeper === done) self.wakeSleeper = undefined;
        resolve();
      }
      this.wakeSleeper = done;
    });
  }

  private async dispatch(handler: JobHandler, opts: ConsumeOptions): Promise<void> {
    while (!this.closed) {
      let claimed = false;
      if (this.running.size < opts.concurrency) {
        try {
          const job = await this.claim();
          if (job && !this.closed) {
            claimed = true;
            const run: Promise<void> = this.execute(job, handler, opts)
              .catch(this.onError)
              .finally(() => {
                this.running.delete(run);
                this.wake();
              });
            this.running.add(run);
          } else if (job) {
            await this.release(job);
          }
        } catch (e) {
          this.onError(e);
        }
      }
      if (!claimed) await this.sleep(this.pollMs);
    }
  }

  /** Takes the next due job, or one whose lease lapsed, and leases it to this process. */
  private async claim(): Promise<ClaimedRow | undefined> {
    const { rows } = await this.sql.query<ClaimedRow>(
      `UPDATE queue_jobs
       SET state = 'active', attempts = attempts + 1, updated_at = now(),
           locked_until = now() + $2::double precision * interval '1 millisecond'
       WHERE queue = $1 AND job_id = (
         SELECT job_id FROM queue_jobs
         WHERE queue = $1
           AND ((state = 'waiting' AND run_at <= now()) OR (state = 'active' AND locked_until < now()))
         ORDER BY run_at, created_at, job_id
         LIMIT 1
         FOR UPDATE SKIP LOCKED)
       RETURNING job_id, payload, attempts`,
      [this.name, this.leaseMs],
    );
    return rows[0];
  }

  /** Hands a job claimed while closing back, without counting the try. */
  private async release(job: ClaimedRow) {
    await this.sql.query(
      `UPDATE queue_jobs SET state = 'waiting', attempts = attempts - 1, locked_until = NULL, updated_at = now()
       WHERE queue = $1 AND job_id = $2 AND state = 'active' AND attempts = $3`,
      [this.name, job.job_id, job.attempts],
    );
  }

  private async execute(job: ClaimedRow, handler: JobHandler, opts: ConsumeOptions): Promise<void> {
    const attempt = Number(job.attempts);
    if (attempt > opts.attempts) {
      // Only a lapsed lease gets here: the process running the job kept dying (a poison item that crashes it).
      return this.finish(job, 'dead', {
        code: 'E_JOB_ABANDONED',
        reason: `The job's lease lapsed on each of its ${opts.attempts} tries (the consumer stopped while running it).`,
      });
    }
    const parsed = ChannelItem.safeParse(job.payload);
    if (!parsed.success) {
      const e = itemInvalid(parsed.error);
      return this.finish(job, 'dead', { code: e.code, reason: e.message });
    }
    const heartbeat = setInterval(
      () => {
        this.sql
          .query(
            `UPDATE queue_jobs SET locked_until = now() + $4::double precision * interval '1 millisecond'
           WHERE queue = $1 AND job_id = $2 AND state = 'active' AND attempts = $3`,
            [this.name, job.job_id, attempt, this.leaseMs],
          )
          .catch(this.onError);
      },
      Math.max(10, Math.floor(this.leaseMs / 3)),
    );
    heartbeat.unref();
    let failure: unknown;
    let failed = false;
    try {
      await handler(parsed.data, { jobId: job.job_id, attempt });
    } catch (e) {
      failed = true;
      failure = e;
    } finally {
      clearInterval(heartbeat);
    }
    if (!failed) return this.finish(job, 'done');

    const code = isCustodianError(failure) ? failure.code : 'E_JOB_FAILED';
    const reason = (failure instanceof Error ? failure.message : String(failure)).slice(0, MAX_REASON);
    const permanent = isCustodianError(failure) && !failure.retryable;
    if (permanent || attempt >= opts.attempts) return this.finish(job, 'dead', { code, reason });
    const delay = Math.min(opts.backoffMs * 2 ** (attempt - 1), this.maxBackoffMs);
    return this.finish(job, 'waiting', { code, reason, delayMs: delay });
  }

  /** Records a job's outcome, only if this process still holds its lease (the attempt number fences it). */
  private async finish(
    job: ClaimedRow,
    state: 'done' | 'dead' | 'waiting',
    why?: { code: string; reason: string; delayMs?: number },
  ): Promise<void> {
    const fence = [this.name, job.job_id, Number(job.attempts)];
    const where = "WHERE queue = $1 AND job_id = $2 AND state = 'active' AND attempts = $3";
    let r: { rowCount: number };
    if (state === 'done') {
      r = await this.sql.query(
        `UPDATE queue_jobs SET state = 'done', payload = NULL, locked_until = NULL, last_code = NULL,
           last_reason = NULL, finished_at = now(), updated_at = now() ${where}`,
        fence,
      );
    } else if (state === 'dead') {
      r = await this.sql.query(
        `UPDATE queue_jobs SET state = 'dead', locked_until = NULL, last_code = $4, last_reason = $5,
           finished_at = now(), updated_at = now() ${where}`,
        [...fence, why?.code, why?.reason],
      );
    } else {
      r = await this.sql.query(
        `UPDATE queue_jobs SET state = 'waiting', locked_until = NULL, last_code = $4, last_reason = $5,
           run_at = now() + $6::double precision * interval '1 millisecond', updated_at = now() ${where}`,
        [...fence, why?.code, why?.reason, why?.delayMs ?? 0],
      );
    }
    if (r.rowCount === 0) {
      throw new CustodianError(
        'E_JOB_LEASE_LOST',
        `Job ${job.job_id} ran past its lease and was taken over; its outcome here was not recorded.`,
        { retryable: false, details: { jobId: job.job_id } },
      );
    }
  }
}

/** Creates the durable table-backed queue (runs the catalog migrations it needs). */
export async function createEmbeddedQueue(sql: SqlClient, opts: EmbeddedQueueOptions = {}): Promise<ArchiveQueue> {
  await migrate(sql);
  return new EmbeddedQueue(sql, opts);
}
