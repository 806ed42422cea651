import { PiiType, type Policy } from '@custodian/schemas';
import type { IndexQuery } from '../ports/search-index';
import { keyedToken } from '../seal/keyed-token';
import { detect } from './detect';
import type { Finding, ValidateOptions } from './finding';
import { redactText } from './redact-text';

const MASK_ALL = Object.fromEntries(PiiType.options.map((t) => [t, 'mask'])) as Policy['operators'];

/** A finding this sure on its own is an identifier in the documents too, so it is searched by token alone. */
const SURE = 0.5;

export interface ParsedQuery {
  /** Free text, identifiers cut out. */
  text: string;
  /** Tokens of identifiers the query certainly holds: every hit carries them. */
  tokens: string[];
  /** Things that are identifiers only in context (`12345678`: a permit or an order number): token or text. */
  eitherOf: NonNullable<IndexQuery['eitherOf']>;
  /** The query masked, safe for the audit log. */
  redacted: string;
}

const overlaps = (a: Finding, b: Finding) => a.start < b.end && b.start < a.end;

/**
 * Splits a search query into free text and keyed tokens, so identifiers are matched against the tokens in
 * the index and never sent to it. A query is a deliberate lookup, so a value that would be an identifier next
 * to a context word is looked for as one too — but also as plain text, because in the documents it may have
 * stood without context (an order number) and been indexed as text.
 */
export function parseQuery(q: string, tokenKey: Uint8Array, options: ValidateOptions = {}): ParsedQuery {
  const sure = detect(q, options).filter((f) => f.confidence >= SURE);
  const maybe = detect(q, { ...options, assumeContext: true }).filter((f) => !sure.some((s) => overlaps(s, f)));
  const token = (f: Finding) => keyedToken(tokenKey, f.type, f.normalized);
  const cut = [...sure, ...maybe].sort((a, b) => a.start - b.start);
  let text = '';
  let at = 0;
  for (const f of cut) {
    text += `${q.slice(at, f.start)} `;
    at = f.end;
  }
  return {
    text: (text + q.slice(at)).replace(/\s+/g, ' ').trim(),
    tokens: [...new Set(sure.map(token))],
    eitherOf: maybe.map((f) => ({ token: token(f), text: f.value })),
    redacted: redactText(q, cut, MASK_ALL, () => ''),
  };
}
