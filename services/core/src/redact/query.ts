import { PiiType, type Policy } from '@custodian/schemas';
import type { IndexQuery } from '../ports/search-index';
import { keyedToken } from '../seal/keyed-token';
import { detectorFor } from './catalogue';
import { surnameLength } from './chinese-surnames';
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

/** `张三`, `欧阳娜娜`: a Chinese name as a query term, surname first. */
const HAN_NAME = /^\p{sc=Han}{2,4}$/u;
/** `Li Si`, `Mary Ann Lee`: a whole query of two or three capitalized words. */
const LATIN_NAME = /^\s*([A-Z][a-z'-]+(?: [A-Z][a-z'-]+){1,2})\s*$/;

/**
 * Query terms that may be a person's name: records hold names only masked and as PERSON_NAME tokens (a
 * participant's, or one found in the text), so such a term is looked for by token or as text.
 */
function nameTerms(q: string, taken: readonly Finding[]): Finding[] {
  const terms: [start: number, value: string][] = [];
  const latin = LATIN_NAME.exec(q);
  if (latin) terms.push([q.indexOf(latin[1]!), latin[1]!]);
  else {
    for (const m of q.matchAll(/\S+/g)) {
      if (HAN_NAME.test(m[0]) && surnameLength(m[0]) > 0) terms.push([m.index, m[0]]);
    }
  }
  const out: Finding[] = [];
  for (const [start, value] of terms) {
    const candidate = detectorFor('PERSON_NAME').validate(value, {});
    if (!candidate) continue;
    const f: Finding = {
      type: 'PERSON_NAME',
      start,
      end: start + value.length,
      value,
      normalized: candidate.normalized,
      confidence: candidate.confidence[0],
    };
    if (!taken.some((t) => overlaps(t, f))) out.push(f);
  }
  return out;
}

/**
 * Splits a search query into free text and keyed tokens, so identifiers are matched against the tokens in
 * the index and never sent to it. A query is a deliberate lookup, so a value that would be an identifier next
 * to a context word is looked for as one too — but also as plain text, because in the documents it may have
 * stood without context (an order number) and been indexed as text.
 */
export function parseQuery(q: string, tokenKey: Uint8Array, options: ValidateOptions = {}): ParsedQuery {
  const sure = detect(q, options).filter((f) => f.confidence >= SURE);
  const found = detect(q, { ...options, assumeContext: true }).filter((f) => !sure.some((s) => overlaps(s, f)));
  const maybe = [...found, ...nameTerms(q, [...sure, ...found])];
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
