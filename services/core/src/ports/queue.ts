import type { ChannelItem } from '@custodian/schemas';

export interface EnqueueResult {
  jobId: string;
  /** True when a job with this id was already queued or done: a replay, nothing new was added. */
  duplicate: boolean;
}

export interface JobContext {
  jobId: string;
  /** 1 on the first try. */
  attempt: number;
}

export type JobHandler = (item: ChannelItem, ctx: JobContext) => Promise<void>;

export interface DeadLetter {
  jobId: string;
  /** The payload as it was queued (may be invalid: that can be why it is here). */
  payload: unknown;
  code: string;
  reason: string;
  attempts: number;
  failedAt: string;
}

export interface QueueCounts {
  waiting: number;
  active: number;
  completed: number;
  dead: number;
}

export interface ConsumeOptions {
  concurrency: number;
  /** Tries before a job goes to the dead-letter queue. */
  attempts: number;
  /** Base of the exponential backoff between tries. */
  backoffMs: number;
}

/**
 * The archive queue (BullMQ on Redis, or a durable table in the embedded database).
 * Job ids come from core `jobIdFor(item)`, so the same source item is never queued twice.
 * A handler error with `retryable === false` (CustodianError) dead-letters at once; others retry with backoff.
 */
export interface ArchiveQueue {
  /** Resolves once the queue has durably accepted the item. */
  enqueue(item: ChannelItem): Promise<EnqueueResult>;
  /** Starts consuming; returns at once. */
  consume(handler: JobHandler, opts: ConsumeOptions): void;
  /** Resolves when no job is waiting, delayed or active (used by `demo`, `up --once` and tests). */
  drained(): Promise<void>;
  deadLetters(limit?: number): Promise<DeadLetter[]>;
  counts(): Promise<QueueCounts>;
  close(): Promise<void>;
}
