import type { ArchiveQueue } from '@custodian/core';
import { type ChannelItem, isCustodianError } from '@custodian/schemas';
import type { StatsRecorder } from './stats-recorder';

export interface EnqueueWindowOptions<M> {
  queue: ArchiveQueue;
  stats: StatsRecorder;
  /** Reading pauses while this many enqueues are unacknowledged (backpressure). */
  maxInFlight?: number;
  /** The queue refused this item for good (`retryable: false`): it is counted as failed and passed over. */
  onRejected?: (mark: M, reason: string) => void;
}

interface Slot<M> {
  mark: M;
  done: boolean;
}

export const DEFAULT_MAX_IN_FLIGHT = 16;

/**
 * Enqueues items in source order with at most `maxInFlight` unacknowledged, and tracks the last position
 * (`mark`) up to which every item was acknowledged: the only position a checkpoint may move to.
 * A retryable queue error stops the window (the source must be re-read from the checkpoint);
 * a non-retryable one is the item's fault, so it is recorded as failed and the window goes on.
 */
export class EnqueueWindow<M> {
  private readonly maxInFlight: number;
  private readonly slots = new Map<number, Slot<M>>();
  private nextSeq = 0;
  private nextToSettle = 0;
  private settledMark: M | undefined;
  private inFlight = 0;
  private fatal: unknown;
  private wakers: Array<() => void> = [];

  constructor(private readonly opts: EnqueueWindowOptions<M>) {
    this.maxInFlight = Math.max(1, opts.maxInFlight ?? DEFAULT_MAX_IN_FLIGHT);
  }

  /** Starts enqueuing `item`; resolves once there is room for the next one. Rejects after a fatal queue error. */
  async push(item: ChannelItem, mark: M): Promise<void> {
    this.throwIfFatal();
    const seq = this.open(mark);
    this.inFlight += 1;
    this.opts.queue.enqueue(item).then(
      (result) => {
        this.opts.stats.enqueued(result.duplicate);
        this.close(seq);
      },
      (error: unknown) => {
        if (isCustodianError(error) && !error.retryable) {
          this.opts.stats.failed({ ...item.source, code: error.code, reason: error.message });
          this.opts.onRejected?.(mark, `${error.code}: ${error.message}`);
          this.close(seq);
        } else {
          this.fatal ??= error;
          this.inFlight -= 1;
          this.wake();
        }
      },
    );
    while (this.inFlight >= this.maxInFlight && this.fatal === undefined) await this.nextChange();
    this.throwIfFatal();
  }

  /** A position that settles without an enqueue (an item that failed to read, or vanished), so order is kept. */
  skip(mark: M): void {
    this.close(this.open(mark), false);
  }

  /** The last mark up to which every item is acknowledged or skipped; `undefined` before the first. */
  settled(): M | undefined {
    return this.settledMark;
  }

  /** Waits for every enqueue in flight; rejects with the first fatal queue error. */
  async drain(): Promise<M | undefined> {
    while (this.inFlight > 0) await this.nextChange();
    this.throwIfFatal();
    return this.settledMark;
  }

  private open(mark: M): number {
    const seq = this.nextSeq++;
    this.slots.set(seq, { mark, done: false });
    return seq;
  }

  private close(seq: number, wasInFlight = true): void {
    const slot = this.slots.get(seq);
    if (slot) slot.done = true;
    if (wasInFlight) this.inFlight -= 1;
    for (let s = this.slots.get(this.nextToSettle); s?.done; s = this.slots.get(this.nextToSettle)) {
      this.settledMark = s.mark;
      this.slots.delete(this.nextToSettle);
      this.nextToSettle += 1;
    }
    this.wake();
  }

  private throwIfFatal(): void {
    if (this.fatal !== undefined) throw this.fatal;
  }

  private nextChange(): Promise<void> {
    return new Promise((resolve) => this.wakers.push(resolve));
  }

  private wake(): void {
    const wakers = this.wakers;
    this.wakers = [];
    for (const w of wakers) w();
  }
}
