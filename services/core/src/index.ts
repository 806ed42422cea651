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
export { normalizeEmail, type NormalizedEmail } from './normalize/normalize-email';
export { detectLanguage } from './normalize/detect-language';
export { dataKeyContext, objectBase, openRecord, sealRecord, type Sealed, type SealedObject, type SealInput } from './seal/seal-record';
export { authorize, searchScope, type Action, type Decision, type Resource } from './authz/authorize';
