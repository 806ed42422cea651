import {
  type ConnectorStats,
  emptyStats,
  type ItemFailure,
  MAX_LISTED_FAILURES,
  type ProgressListener,
} from './connector-stats';

/** Counts what a run does and reports each change to the progress listener. */
export class StatsRecorder {
  private readonly stats: ConnectorStats = emptyStats();
  private unit: 'items' | 'bytes' = 'items';
  private done: number | undefined;
  private total: number | undefined;

  constructor(private readonly onProgress?: ProgressListener) {}

  seen(count = 1): void {
    this.stats.seen += count;
    this.emit();
  }

  enqueued(duplicate: boolean): void {
    if (duplicate) this.stats.duplicates += 1;
    else this.stats.enqueued += 1;
    this.emit();
  }

  failed(failure: ItemFailure): void {
    this.stats.failed += 1;
    if (this.stats.failures.length < MAX_LISTED_FAILURES) this.stats.failures.push(failure);
    this.emit();
  }

  warn(message: string): void {
    this.stats.warnings.push(message);
    this.emit();
  }

  /** Sets the position a progress bar shows; `total` stays as it was when omitted. */
  progress(unit: 'items' | 'bytes', done: number, total?: number): void {
    this.unit = unit;
    this.done = done;
    if (total !== undefined) this.total = total;
    this.emit();
  }

  snapshot(): ConnectorStats {
    return { ...this.stats, failures: [...this.stats.failures], warnings: [...this.stats.warnings] };
  }

  private emit(): void {
    if (!this.onProgress) return;
    this.onProgress({ stats: this.snapshot(), unit: this.unit, done: this.done, total: this.total });
  }
}
