import { PiiType, type Policy } from '@custodian/schemas';
import { keyedToken } from '../seal/keyed-token';
import { detect } from './detect';
import { redactText } from './redact-text';

const MASK_ALL = Object.fromEntries(PiiType.options.map((t) => [t, 'mask'])) as Policy['operators'];

/**
 * Splits a search query into free text and keyed tokens: identifiers become tokens (matched against the
 * tokens in the index) and are cut out of `text`; `redacted` is the query masked, safe for the audit log.
 * A query is a deliberate lookup, so identifiers count as if a context word stood next to them.
 */
export function parseQuery(q: string, tokenKey: Uint8Array): { text: string; tokens: string[]; redacted: string } {
  const findings = detect(q, { assumeContext: true });
  const tokens = [...new Set(findings.map((f) => keyedToken(tokenKey, f.type, f.normalized)))];
  let text = '';
  let at = 0;
  for (const f of findings) {
    text += `${q.slice(at, f.start)} `;
    at = f.end;
  }
  text = (text + q.slice(at)).replace(/\s+/g, ' ').trim();
  return { text, tokens, redacted: redactText(q, findings, MASK_ALL, () => '') };
}
