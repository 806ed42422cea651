export { type EmailItemInput, emailItem } from './email-item';
export { emlSourceId } from './eml-import';
export { type FetchOutcome, ImapFolderCheckpoint, MAX_FETCH_ROUNDS, settleFetchOutcomes } from './imap-checkpoint';
export {
  createImapConnector,
  type ImapConnector,
  type ImapConnectorDeps,
  imapSourceId,
  planBatches,
} from './imap-connector';
export { type ImportMailFilesDeps, importMailFiles } from './import-mail-files';
export { type HeaderInspection, inspectMailHeaders } from './inspect-mail-headers';
export { MboxCheckpoint, mboxSourceId } from './mbox-import';
export { type MboxMessage, PREAMBLE_SAMPLE, type SplitMboxOptions, splitMbox } from './split-mbox';
