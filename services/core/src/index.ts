export { auditHash, type ChainBreak, canonicalJson, GENESIS_HASH, verifyChain } from './audit/chain';
export { jobIdFor, recordIdFor, sha256Hex } from './ids/record-id';
export type { BlobInfo, BlobStore, PutOptions } from './ports/blob-store';
export type { AuditQuery, Catalog, CatalogRecord, CatalogUser, CommitOutcome, NewUser } from './ports/catalog';
export type { EmailAddress, EmailParser, ParsedAttachment, ParsedEmail } from './ports/email-parser';
export type { KeyRing } from './ports/key-ring';
export type {
  ArchiveQueue,
  ConsumeOptions,
  DeadLetter,
  EnqueueResult,
  JobContext,
  JobHandler,
  QueueCounts,
} from './ports/queue';
export type { IndexDoc, IndexHit, IndexQuery, IndexScope, SearchIndex } from './ports/search-index';
export { DEFAULT_CHUNK, decrypt, encrypt, newDataKey, unwrapKey, wrapKey } from './seal/aead';
export { keyedToken } from './seal/keyed-token';
export { cjkTerms } from './text/cjk-terms';
