export { assertTenant } from './assert-tenant';
export { type BackoffOptions, backoffDelay, DEFAULT_BACKOFF } from './backoff-delay';
export type { CheckpointStore } from './checkpoint-store';
export { type ConnectorLog, silentLog } from './connector-log';
export {
  type ConnectorStats,
  emptyStats,
  type ItemFailure,
  MAX_LISTED_FAILURES,
  type ProgressEvent,
  type ProgressListener,
} from './connector-stats';
export { DEFAULT_MAX_IN_FLIGHT, EnqueueWindow, type EnqueueWindowOptions } from './enqueue-window';
export { createMemoryCheckpointStore } from './memory-checkpoint-store';
export { readCheckpoint } from './read-checkpoint';
export { sleep } from './sleep';
export { StatsRecorder } from './stats-recorder';
export { writeCheckpoint } from './write-checkpoint';
