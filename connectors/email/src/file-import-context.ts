import type { CheckpointStore, ConnectorLog, EnqueueWindow, StatsRecorder } from '@custodian/connector-kit';
import type { ArchiveQueue } from '@custodian/core';

/** What the per-file importers share during one `importMailFiles` run. */
export interface FileImportContext {
  tenant: string;
  queue: ArchiveQueue;
  stats: StatsRecorder;
  checkpoints?: CheckpointStore;
  log: ConnectorLog;
  maxInFlight?: number;
  signal?: AbortSignal;
  /** Shared by all .eml files of the run, so a folder of small files keeps the queue busy (they need no checkpoint). */
  emlWindow: EnqueueWindow<string>;
  /** Called with the bytes of the file just read past, for the progress bar. */
  advance(bytes: number): void;
}
