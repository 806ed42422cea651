export { auditHash, type ChainBreak, canonicalJson, GENESIS_HASH, verifyChain } from './audit/chain';
export { type Action, authorize, type Decision, type Resource, searchScope } from './authz/authorize';
export { classify } from './classify/classify';
export { jobIdFor, recordIdFor, sha256Hex } from './ids/record-id';
export { detectLanguage } from './normalize/detect-language';
export type { EmailItem } from './normalize/normalize-email';
export { type NormalizedEmail, normalizeEmail } from './normalize/normalize-email';
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
export { type DetectOptions, detect } from './redact/detect';
export { normalizeEmailAddress } from './redact/detectors/email';
export type { Candidate, Detector, Finding } from './redact/finding';
export { agentScopeToken, projectRecord } from './redact/project';
export { type ParsedQuery, parseQuery } from './redact/query';
export { detectInRecord, type RecordFindings } from './redact/record-findings';
export { redactRecord } from './redact/redact-record';
export { redactText } from './redact/redact-text';
export { FIELD_BREAK } from './redact/text-features';
export { DEFAULT_CHUNK, decrypt, encrypt, newDataKey, unwrapKey, wrapKey } from './seal/aead';
export { keyedToken } from './seal/keyed-token';
export { openItem, queueKey, sealItem } from './seal/queue-payload';
export {
  dataKeyContext,
  objectBase,
  openRecord,
  type Sealed,
  type SealedObject,
  type SealInput,
  sealRecord,
} from './seal/seal-record';
export { cjkTerms } from './text/cjk-terms';
