import type { AuditEvent, AuditEventInput, Channel, Role, SourceRef } from '@custodian/schemas';

/** One sealed version of a record, as the catalog keeps it (no plaintext content, no raw identifiers). */
export interface CatalogRecord {
  tenant: string;
  id: string;
  version: number;
  channel: Channel;
  occurredAt: string;
  receivedAt: string;
  conversationKey: string;
  /** Same-message detection across sources (`email:<Message-ID>` or `sha256:<raw hash>`). */
  dedupeKey: string;
  /** Keyed token naming the data subject whose key wraps this record's data key. */
  subjectId: string;
  ownerAgent: string | null;
  ownerTeam: string | null;
  sensitivity: string;
  retentionClass: string;
  retainUntil: string;
  worm: boolean;
  /** Blob key of the sealed record object. */
  objectKey: string;
  /** Blob keys of everything else sealed with the same data key (raw message, attachments). */
  blobKeys: string[];
  /** The record's data key, wrapped by the subject key (opaque string from core's seal). */
  wrappedDataKey: string;
  rawSha256: string;
  sealedSha256: string;
}

export type CommitOutcome = 'created' | 'source-added' | 'unchanged';

export interface CatalogUser {
  id: string;
  tenant: string;
  email: string;
  name: string;
  role: Role;
  team: string | null;
  active: boolean;
}

export interface NewUser {
  tenant: string;
  email: string;
  name: string;
  role: Role;
  team?: string;
  /** SHA-256 hex of the API token; the token itself is never stored. */
  tokenHash: string;
}

export interface AuditQuery {
  tenant: string;
  afterSeq?: number;
  limit?: number;
}

/** The system of record (PostgreSQL or PGlite, one SQL dialect, versioned migrations). */
export interface Catalog {
  migrate(): Promise<void>;

  /**
   * In one transaction: insert the record version if absent and attach the source.
   * Idempotent: committing the same entry twice returns `unchanged`.
   */
  commit(record: CatalogRecord, source: SourceRef): Promise<CommitOutcome>;
  /** Attaches another source to an existing version (the same email found in a second mailbox). */
  addSource(tenant: string, id: string, source: SourceRef): Promise<boolean>;
  getVersion(tenant: string, id: string, version: number): Promise<CatalogRecord | undefined>;
  /** The newest version of a record. */
  getLatest(tenant: string, id: string): Promise<CatalogRecord | undefined>;
  findByDedupeKey(tenant: string, dedupeKey: string): Promise<CatalogRecord | undefined>;
  sources(tenant: string, id: string): Promise<SourceRef[]>;
  countRecords(tenant: string): Promise<number>;

  /**
   * Returns the subject's wrapped key, creating it with `create()` if the subject is new (race-safe).
   * Throws `E_SUBJECT_ERASED` (not retryable) when the subject's key was destroyed.
   */
  subjectKey(tenant: string, subjectId: string, create: () => Promise<string>): Promise<string>;
  /** Null when the subject key was destroyed (crypto-shredded). */
  getSubjectKey(tenant: string, subjectId: string): Promise<string | null>;

  createUser(user: NewUser): Promise<CatalogUser>;
  findUserByTokenHash(tokenHash: string): Promise<CatalogUser | undefined>;
  setUserActive(tenant: string, email: string, active: boolean): Promise<boolean>;

  /**
   * Appends to the tenant's hash chain under a lock, so no two entries share a predecessor.
   * `seal` computes the entry's hash from its predecessor's (core's audit chain).
   */
  appendAudit(input: AuditEventInput): Promise<AuditEvent>;
  listAudit(q: AuditQuery): Promise<AuditEvent[]>;

  /** Connector checkpoints (opaque JSON per source). */
  getCheckpoint(sourceId: string, key: string): Promise<unknown | undefined>;
  setCheckpoint(sourceId: string, key: string, value: unknown): Promise<void>;

  close(): Promise<void>;
}
