import { matchesFromDigitRuns } from '../digit-runs';
import type { Candidate, Detector } from '../finding';

/** `E12345678` is as likely a product or order code as a passport: only a context word makes it one. */
const CONFIDENCE = [0.3, 0.95] as const;

function validatePassport(match: string): Candidate | null {
  return { normalized: match.toUpperCase(), confidence: CONFIDENCE };
}

/** Tried only at the one or two letters before a run of 7 or 8 digits. */
const PASSPORT = /(?<![A-Za-z0-9])(?:[EGeg]\d{8}|[Ee][A-HJ-NP-Za-hj-np-z]\d{7}|[DSPdsp][Ee]\d{7})(?![A-Za-z0-9])/y;

/**
 * PRC passport number (护照号): ordinary passports `E`/`G` + 8 digits, e-passports `E` + a letter (no I/O) +
 * 7 digits, diplomatic/service/public-affairs passports `DE`/`SE`/`PE` + 7 digits. No public check digit.
 */
export const cnPassport: Detector = {
  type: 'CN_PASSPORT',
  scan: (text) => matchesFromDigitRuns(text, PASSPORT, 2, (s, e) => e - s === 7 || e - s === 8),
  needs: ['digit', 'latin'],
  minDigits: 7,
  validate: validatePassport,
  context: ['护照', '護照', '证件', '證件', 'passport'],
  mask: (f) => `${f.normalized[0]}${'*'.repeat(f.normalized.length - 3)}${f.normalized.slice(-2)}`,
  label: '[护照号]',
  sensitivity: 'L3',
  piplSensitive: true,
};
