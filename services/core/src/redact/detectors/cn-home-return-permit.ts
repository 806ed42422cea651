import { matchesFromDigitRuns } from '../digit-runs';
import type { Candidate, Detector } from '../finding';

/** `H12345678` is as likely any code as a permit: only a context word makes it one. No check digit. */
const CONFIDENCE = [0.3, 0.95] as const;

function validateHomeReturnPermit(match: string): Candidate | null {
  return { normalized: match.toUpperCase(), confidence: CONFIDENCE };
}

/** Tried only at the letter before a run of 8 or 10 digits. */
const PERMIT = /(?<![A-Za-z0-9])[HMhm]\d{8}(?:\d{2})?(?![A-Za-z0-9])/y;

/**
 * Mainland Travel Permit for Hong Kong and Macao Residents (港澳居民来往内地通行证, 回乡证): `H` (Hong Kong) or
 * `M` (Macau) + 8 digits, the old booklet with 2 more digits (times issued). Format only.
 */
export const cnHomeReturnPermit: Detector = {
  type: 'CN_HOME_RETURN_PERMIT',
  scan: (text) => matchesFromDigitRuns(text, PERMIT, 1, (s, e) => e - s === 8 || e - s === 10),
  needs: ['digit', 'latin'],
  minDigits: 8,
  validate: validateHomeReturnPermit,
  context: [
    '回乡证',
    '回鄉證',
    '回乡卡',
    '来往内地通行证',
    '來往內地通行證',
    '港澳居民',
    '通行证',
    '通行證',
    'home return permit',
    'home-return permit',
  ],
  mask: (f) => `${f.normalized[0]}${'*'.repeat(f.normalized.length - 3)}${f.normalized.slice(-2)}`,
  label: '[回乡证号]',
  sensitivity: 'L3',
  piplSensitive: true,
};
