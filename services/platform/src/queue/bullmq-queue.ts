import type { ArchiveQueue, ConsumeOptions, DeadLetter, EnqueueResult, JobHandler, QueueCounts } from '@custodian/core';
import { jobIdFor } from '@custodian/core';
import { ChannelItem, CustodianError, isCustodianError } from '@custodian/schemas';
import { type Job, Queue, UnrecoverableError, Worker } from 'bullmq';
import { Redis } from 'ioredis';

export interface BullmqQueueConfig {
  redisUrl: string;
  /** Redis key prefix, so several deployments or test runs can share one Redis. */
  prefix: string;
  /** Queue name; the dead-letter queue is `<name>-dead`. Default `archive`. */
  name?: string;
  /** Errors of background bookkeeping (Redis reconnects, trimming finished jobs); default: one line on stderr. */
  onError?: (err: Error) => void;
}

interface DeadLetterData {
  payload: unknown;
  code: string;
  reason: string;
  attempts: number;
  failedAt: string;
}

/** Upper bound of tries set on each job; the effective number comes from ConsumeOptions.attempts. */
const MAX_ATTEMPTS = 100;
/** Finished job ids are what detects a replay; past this age a replay is re-run and lands on the same record. */
const KEEP_COMPLETED = { age: 30 * 24 * 3600, count: 1_000_000 };
const POLL_MS = 100;
const CONNECT_TIMEOUT_MS = 10_000;
const BACKOFF = 'custodian-exponential';

/**
 * The archive queue on BullMQ. Job ids come from `jobIdFor(item)`: a job that exists in any state makes
 * a replay a duplicate. Finished jobs are kept (ids only: their data is trimmed to `{}`) so replays stay
 * detectable; the payload of a job that finally fails lives on in the dead-letter queue.
 */
export async function createBullmqQueue(cfg: BullmqQueueConfig): Promise<ArchiveQueue> {
  const name = cfg.name ?? 'archive';
  const onError =
    cfg.onError ?? ((err: Error) => process.stderr.write(`custodian queue ${name}: ${err.name}: ${err.message}\n`));
  const report = (err: unknown) => onError(err instanceof Error ? err : new Error(String(err)));

  // Producers should fail rather than wait forever when Redis is away; workers must wait (BullMQ requires it).
  const conn = new Redis(cfg.redisUrl, { maxRetriesPerRequest: 3, lazyConnect: true });
  conn.on('error', report);
  try {
    await withTimeout(conn.connect(), CONNECT_TIMEOUT_MS);
  } catch (err) {
    conn.disconnect();
    throw new CustodianError('E_QUEUE_UNAVAILABLE', `cannot reach Redis for queue ${name}`, {
      retryable: true,
      cause: err,
    });
  }
  const queue = new Queue(name, { connection: conn, prefix: cfg.prefix });
  const dead = new Queue<DeadLetterData>(`${name}-dead`, { connection: conn, prefix: cfg.prefix });
  queue.on('error', report);
  dead.on('error', report);

  let worker: Worker | undefined;
  let workerConn: Redis | undefined;
  const background = new Set<Promise<void>>();
  const track = (p: Promise<unknown>) => {
    const done = p.then(
      () => undefined,
      (err: unknown) => report(err),
    );
    background.add(done);
    void done.finally(() => background.delete(done));
  };

  const bury = async (job: Job, code: string, reason: string, attempts: number): Promise<void> => {
    const data: DeadLetterData = { payload: job.data, code, reason, attempts, failedAt: new Date().toISOString() };
    // Same id as the job: a dead letter written twice (a crash between bury and fail) stays one.
    await dead.add('dead', data, { jobId: job.id, removeOnComplete: false, removeOnFail: false });
  };

  return {
    async enqueue(item): Promise<EnqueueResult> {
      const parsed = ChannelItem.safeParse(item);
      if (!parsed.success) {
        const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
        throw new CustodianError('E_ITEM_INVALID', `item refused by queue ${name}: ${issues.join('; ')}`, {
          retryable: false,
          details: { issues },
        });
      }
      const jobId = jobIdFor(parsed.data);
      try {
        // Check-then-add: two concurrent enqueues of one item may both say "new", but BullMQ still stores one job.
        if (await queue.getJob(jobId)) return { jobId, duplicate: true };
        await queue.add('item', parsed.data, {
          jobId,
          attempts: MAX_ATTEMPTS,
          backoff: { type: BACKOFF },
          removeOnComplete: KEEP_COMPLETED,
          removeOnFail: false,
        });
        return { jobId, duplicate: false };
      } catch (err) {
        throw new CustodianError('E_QUEUE_UNAVAILABLE', `could not enqueue into ${name}`, {
          retryable: true,
          cause: err,
        });
      }
    },

    consume(handler: JobHandler, opts: ConsumeOptions) {
      if (worker) throw new CustodianError('E_QUEUE_CONSUMING', `queue ${name} already has a consumer`);
      const attempts = Math.min(Math.max(1, opts.attempts), MAX_ATTEMPTS);
      workerConn = new Redis(cfg.redisUrl, { maxRetriesPerRequest: null });
      workerConn.on('error', report);

      worker = new Worker(
        name,
        async (job: Job) => {
          const attempt = job.attemptsMade + 1;
          const parsed = ChannelItem.safeParse(job.data);
          if (!parsed.success) {
            const reason = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
            await bury(job, 'E_ITEM_INVALID', `payload is not a valid ChannelItem: ${reason}`, attempt);
            throw new UnrecoverableError('E_ITEM_INVALID');
          }
          try {
            await handler(parsed.data, { jobId: String(job.id), attempt });
          } catch (err) {
            const code = isCustodianError(err) ? err.code : 'E_HANDLER_FAILED';
            const retryable = isCustodianError(err) ? err.retryable : true;
            const reason = err instanceof Error ? err.message : String(err);
            if (!retryable || attempt >= attempts) {
              await bury(job, code, reason, attempt);
              throw new UnrecoverableError(code);
            }
            throw err instanceof Error ? err : new Error(reason);
          }
        },
        {
          connection: workerConn,
          prefix: cfg.prefix,
          concurrency: opts.concurrency,
          settings: { backoffStrategy: (made: number) => Math.round(opts.backoffMs * 2 ** Math.max(0, made - 1)) },
        },
      );
      worker.on('error', report);
      worker.on('completed', (job) => track(job.updateData({})));
      worker.on('failed', (job, err) => {
        if (!job) return;
        track(
          (async () => {
            if (!(await job.isFailed())) return; // a retry is scheduled: keep the payload
            // Failures that never reached our processor's catch (a stalled job) still get a dead letter.
            if (!(err instanceof UnrecoverableError) && !(await dead.getJob(String(job.id)))) {
              await bury(job, 'E_JOB_FAILED', err.message, job.attemptsMade);
            }
            await job.updateData({});
          })(),
        );
      });
    },

    async drained() {
      for (;;) {
        const c = await queue.getJobCounts('waiting', 'prioritized', 'delayed', 'active', 'waiting-children');
        if (Object.values(c).every((n) => n === 0)) break;
        await new Promise((r) => setTimeout(r, POLL_MS));
      }
      await Promise.all([...background]);
    },

    /** Oldest first. */
    async deadLetters(limit = 100): Promise<DeadLetter[]> {
      if (limit <= 0) return [];
      const jobs = await dead.getJobs(['waiting', 'prioritized'], 0, limit - 1, true);
      return jobs.map((j) => {
        const d = j.data as DeadLetterData;
        return {
          jobId: String(j.id),
          payload: d.payload,
          code: d.code,
          reason: d.reason,
          attempts: d.attempts,
          failedAt: d.failedAt,
        };
      });
    },

    async counts(): Promise<QueueCounts> {
      const [c, d] = await Promise.all([
        queue.getJobCounts('waiting', 'prioritized', 'delayed', 'active', 'completed'),
        dead.getJobCountByTypes('waiting', 'prioritized'),
      ]);
      const n = (k: string) => c[k] ?? 0;
      return {
        waiting: n('waiting') + n('prioritized') + n('delayed'),
        active: n('active'),
        completed: n('completed'),
        dead: d,
      };
    },

    async close() {
      await worker?.close();
      await Promise.all([...background]);
      await queue.close();
      await dead.close();
      // BullMQ does not close connections it was given; open handles would keep the process alive.
      await Promise.all([conn.quit(), workerConn?.quit()]);
    },
  };
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}
