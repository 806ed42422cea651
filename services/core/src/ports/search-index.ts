import type { Channel } from '@custodian/schemas';

/** The redacted projection of a record: the only form in which content reaches the index. */
export interface IndexDoc {
  tenant: string;
  id: string;
  version: number;
  channel: Channel;
  occurredAt: string;
  /** Redacted subject line. */
  subject: string;
  /** Redacted text of all turns, in order. */
  body: string;
  /** Redacted participant names and addresses. */
  participants: string;
  ownerAgent: string | null;
  ownerTeam: string | null;
  /** Keyed HMAC tokens of every identifier found (see core `keyedToken`): search by phone/ID without storing it. */
  tokens: string[];
  piiTypes: string[];
  topics: string[];
  sensitivity: string;
  retentionClass: string;
}

/** Row-level restriction compiled from the authorization scope; every field present must match. */
export interface IndexScope {
  tenant: string;
  ownerAgent?: string;
  ownerTeam?: string;
}

export interface IndexQuery {
  /** Free text with identifiers removed; empty when the query was only identifiers. */
  text: string;
  /** Keyed tokens of identifiers in the query; a hit must carry all of them. */
  tokens: string[];
  /**
   * Things in the query that may or may not be identifiers (an 8-digit number: a permit, or an order number?):
   * a hit must match each one, either by its token or by its text. Absent: none.
   */
  eitherOf?: Array<{ token: string; text: string }>;
  channel?: Channel;
  from?: string;
  to?: string;
  limit: number;
  offset: number;
}

export interface IndexHit {
  doc: IndexDoc;
  score: number;
  /** A short piece of the redacted body around the match. */
  snippet: string;
}

export interface SearchIndex {
  /** Creates indices/templates/tables if missing. */
  init(): Promise<void>;
  /** Idempotent by (tenant, id): a newer version replaces an older one, an older one never replaces a newer. */
  upsert(docs: IndexDoc[]): Promise<void>;
  /** Text terms are ANDed (CJK text as bigrams), tokens are ANDed, scope is always applied. */
  search(query: IndexQuery, scope: IndexScope): Promise<{ total: number; hits: IndexHit[] }>;
  /** Makes writes visible to search (ES refresh); a no-op where writes are visible at once. */
  refresh(): Promise<void>;
  close(): Promise<void>;
}
