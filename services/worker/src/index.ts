export { type ArchiveOutcome, archiveItem, type PipelineDeps } from './archive-item';
export { startWorker } from './start-worker';
