import { CustodianError, type Policy, type RedactOperator } from '@custodian/schemas';
import { detectorFor } from './catalogue';
import type { Finding } from './finding';

/** How one finding reads after redaction under `operator`. */
export function redactFinding(f: Finding, operator: RedactOperator, tokenFor: (f: Finding) => string): string {
  const d = detectorFor(f.type);
  if (operator === 'label') return d.label;
  if (operator === 'token') return `[${f.type}:${tokenFor(f).slice(0, 8)}]`;
  return d.mask(f);
}

/**
 * `text` with every finding replaced as its type's operator says: `mask` (`138****5678`), `label`
 * (`[手机号]`) or `token` (`[CN_MOBILE:1a2b3c4d]`). Findings must come from `detect(text)`: a finding that
 * does not match the text or overlaps another is a bug upstream, and guessing could leak.
 */
export function redactText(
  text: string,
  findings: Finding[],
  operators: Policy['operators'],
  tokenFor: (f: Finding) => string,
): string {
  if (findings.length === 0) return text;
  const ordered = [...findings].sort((a, b) => a.start - b.start);
  let out = '';
  let at = 0;
  for (const f of ordered) {
    if (f.start < at) {
      throw new CustodianError(
        'E_FINDINGS_OVERLAP',
        `Findings overlap at offset ${f.start}; run detect() on this text.`,
        {
          retryable: false,
        },
      );
    }
    if (text.slice(f.start, f.end) !== f.value) {
      throw new CustodianError(
        'E_FINDINGS_MISMATCH',
        `A ${f.type} finding does not match the text at ${f.start}..${f.end}.`,
        {
          retryable: false,
        },
      );
    }
    out += text.slice(at, f.start) + redactFinding(f, operators[f.type] ?? 'mask', tokenFor);
    at = f.end;
  }
  return out + text.slice(at);
}
