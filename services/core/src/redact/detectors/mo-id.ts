import { matchesFromDigitRuns } from '../digit-runs';
import type { Candidate, Detector } from '../finding';

/** Macau publishes no check digit: the bracketed digit is the only sign of one, and still a weak one alone. */
const WRITTEN = [0.3, 0.9] as const;
/** Eight bare digits are any number at all unless the text speaks of Macau. */
const BARE = [0, 0.6] as const;

function validateMoId(match: string): Candidate | null {
  return { normalized: match.replace(/\D/g, ''), confidence: match.includes('(') ? WRITTEN : BARE };
}

/** Tried only at runs of 7 or 8 digits that start with 1, 5 or 7. */
const MO_ID = /(?<![A-Za-z0-9])[157]\d{6}(?: ?\(\d\)|\d)(?![A-Za-z0-9(])/y;

/**
 * Macau resident identity card number (澳门居民身份证, BIR): `1`, `5` or `7`, six digits and a bracketed
 * digit, `1234567(8)`. Format only.
 */
export const moId: Detector = {
  type: 'MO_ID',
  scan: (text) =>
    matchesFromDigitRuns(text, MO_ID, 0, (s, e) => (e - s === 7 || e - s === 8) && '157'.includes(text[s]!)),
  needs: ['digit'],
  minDigits: 8,
  validate: validateMoId,
  context: ['澳门', '澳門', 'BIR', 'Macau', 'Macao'],
  mask: (f) => `${f.normalized[0]}******(${f.normalized.at(-1)})`,
  label: '[澳门身份证]',
  sensitivity: 'L3',
  piplSensitive: true,
};
