import { matchesFromDigitRuns } from '../digit-runs';
import type { Candidate, Detector, ScanMatch } from '../finding';
import { labelledAs } from '../labelled-as';

/** `H12345678` is as likely any code as a permit: only a context word makes it one. No check digit. */
const CONFIDENCE = [0.3, 0.95] as const;
/** `H20240315`: a letter and a date is a batch, approval or document number sooner than a permit. */
const DATED = [0, 0.95] as const;

/** A body starting with a real date (19xx/20xx, month, day). */
const DATE_BODY = /^[A-Za-z](?:19|20)\d\d(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])/;

function validateHomeReturnPermit(match: string): Candidate | null {
  return { normalized: match.toUpperCase(), confidence: DATE_BODY.test(match) ? DATED : CONFIDENCE };
}

/**
 * Labels of drug, device, food and cosmetics approval numbers (国药准字H20240315, 批准文号, 注册证号), whose
 * letter-and-digits bodies look like a permit.
 */
const APPROVAL_LABEL = /(?:[准準]字|[文批][号號]|[注註][册冊](?:[证證])?[号號]|[备備]案[号號])(?:[:\s]\s*)?$/;

/** Tried only at the letter before a run of 8 or 10 digits. */
const PERMIT = /(?<![A-Za-z0-9])[HMhm]\d{8}(?:\d{2})?(?![A-Za-z0-9])/y;

/** Candidates, except approval numbers introduced by their label. */
function scanHomeReturnPermit(text: string): ScanMatch[] {
  return matchesFromDigitRuns(text, PERMIT, 1, (s, e) => e - s === 8 || e - s === 10).filter(
    ([start]) => !labelledAs(text, start, APPROVAL_LABEL),
  );
}

/**
 * Mainland Travel Permit for Hong Kong and Macao Residents (港澳居民来往内地通行证, 回乡证): `H` (Hong Kong) or
 * `M` (Macau) + 8 digits, the old booklet with 2 more digits (times issued). Format only; never after an approval
 * number's label, and a date-like body only next to a context word.
 */
export const cnHomeReturnPermit: Detector = {
  type: 'CN_HOME_RETURN_PERMIT',
  scan: scanHomeReturnPermit,
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
