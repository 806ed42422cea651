import { CustodianError, type Policy, type Record } from '@custodian/schemas';
import type { IndexDoc } from '../ports/search-index';
import { keyedToken } from '../seal/keyed-token';
import { assertFindingsFit } from './assert-findings-fit';
import { detectorFor } from './catalogue';
import { normalizeEmailAddress } from './detectors/email';
import type { Finding } from './finding';
import { participantText } from './participant-text';
import type { RecordFindings } from './record-findings';
import { redactParticipant } from './redact-participant';
import { redactText } from './redact-text';

/**
 * The keyed token an agent's own records carry as `ownerAgent`: the index never holds an address, so the
 * API compiles an agent's search scope with this same function.
 */
export function agentScopeToken(tokenKey: Uint8Array, email: string): string {
  return keyedToken(tokenKey, 'AGENT', agentScopeValue(email));
}

const agentScopeValue = (email: string) => email.trim().toLowerCase();

/** The most staff tokens kept per token key; past it the cache starts over. */
const STAFF_TOKENS = 4096;
/**
 * Staff token caches by token key, the key object itself: a keyring hands out the same one for as long as the key
 * is unchanged (`KeyRing.tokenKey`), and a cache goes with its key.
 */
const staffCaches = new WeakMap<Uint8Array, Map<string, string>>();

/** The cache of staff tokens under `tokenKey`. */
function staffTokens(tokenKey: Uint8Array): Map<string, string> {
  let cache = staffCaches.get(tokenKey);
  if (!cache) {
    cache = new Map();
    staffCaches.set(tokenKey, cache);
  }
  return cache;
}

/**
 * The token of a staff member's identifier (an agent's address or display name, the owner agent), remembered across
 * records: a handful of agents own every record, so most of these HMACs would be computed again and again. The cache
 * holds those names and addresses in memory with their tokens, never a customer's: a customer's identifiers are
 * tokenized anew for each record, never held between them.
 */
function staffToken(cache: Map<string, string>, tokenKey: Uint8Array, type: string, normalized: string): string {
  const key = `${type}\u0000${normalized}`;
  let t = cache.get(key);
  if (t === undefined) {
    if (cache.size >= STAFF_TOKENS) cache.clear();
    t = keyedToken(tokenKey, type, normalized);
    cache.set(key, t);
  }
  return t;
}

/**
 * The redacted projection of a classified record: the only way content reaches the search index.
 * Text fields are redacted with the policy's operators; identifiers survive only as keyed tokens, so a
 * search by phone, ID or address still finds the record.
 */
export function projectRecord(
  record: Record,
  findings: RecordFindings,
  policy: Policy,
  tokenKey: Uint8Array,
): IndexDoc {
  const { classification, retention } = record;
  if (!classification || !retention) {
    throw new CustodianError('E_RECORD_UNCLASSIFIED', `Record ${record.id} must be classified before it is indexed.`, {
      retryable: false,
      details: { recordId: record.id },
    });
  }
  assertFindingsFit(record, findings);
  // One HMAC per distinct identifier: a record repeats its names, numbers and addresses (kept for this call only).
  const memo = new Map<string, Map<string, string>>();
  const token = (type: string, normalized: string, staff?: Map<string, string>) => {
    let ofType = memo.get(type);
    if (!ofType) {
      ofType = new Map();
      memo.set(type, ofType);
    }
    let t = ofType.get(normalized);
    if (t === undefined) {
      t = staff ? staffToken(staff, tokenKey, type, normalized) : keyedToken(tokenKey, type, normalized);
      ofType.set(normalized, t);
    }
    return t;
  };
  const tokenFor = (f: Finding) => token(f.type, f.normalized);
  const staff = staffTokens(tokenKey);
  const staffTokenFor = (f: Finding) => token(f.type, f.normalized, staff);
  const ops = policy.operators;
  const participants = record.participants.map((p, i) => {
    const found = findings.participants[i] ?? [];
    // A staff member's name and address tokens come from the cache across records (then `tokenFor` finds them too);
    // anything else a display name holds (a phone number) is tokenized for this record only.
    if (p.role === 'agent' || p.role === 'bot') {
      for (const f of found) if (f.type === 'PERSON_NAME' || f.type === 'EMAIL') staffTokenFor(f);
    }
    return participantText(redactParticipant(p, found, ops, tokenFor)).text;
  });

  const tokens = new Set(findings.all.map(tokenFor));
  const addresses = [...record.participants.map((p) => p.address), record.customer.address];
  for (const a of addresses) {
    if (a?.trim()) tokens.add(token('EMAIL', normalizeEmailAddress(a)));
  }
  // The customer's name, like a participant's, is found by token: a search for `张三` finds their records.
  const customer = record.customer.name?.trim();
  const name = customer ? detectorFor('PERSON_NAME').validate(customer, {}) : null;
  if (name) tokens.add(token('PERSON_NAME', name.normalized));

  return {
    tenant: record.tenant,
    id: record.id,
    version: record.version,
    channel: record.channel,
    occurredAt: record.occurredAt,
    subject: redactText(record.subject, findings.subject, ops, tokenFor),
    body: record.turns.map((t, i) => redactText(t.text, findings.turns[i] ?? [], ops, tokenFor)).join('\n'),
    participants: participants.join('\n'),
    ownerAgent: record.owner.agent ? staffToken(staff, tokenKey, 'AGENT', agentScopeValue(record.owner.agent)) : null,
    ownerTeam: record.owner.team ?? null,
    tokens: [...tokens],
    piiTypes: [...classification.piiTypes],
    topics: [...classification.topics],
    sensitivity: classification.sensitivity,
    retentionClass: retention.class,
  };
}
