import { matchesFromDigitRuns } from '../digit-runs';
import type { Candidate, Detector } from '../finding';

/** A letter and nine digits with a valid check digit is still 1 in 10 of such codes: high only in context. */
const VALID = [0.45, 0.99] as const;
const BAD_CHECK = [0, 0.6] as const;

/** The two-digit number each leading letter stands for (I, O, W, X, Y, Z are out of alphabetical order). */
const LETTER_CODES = 'ABCDEFGHJKLMNPQRSTUVXYWZIO';

/** True when a Taiwan ID (`A123456789`) passes its weighted mod-10 check. */
export function isValidTwNationalId(id: string): boolean {
  const code = LETTER_CODES.indexOf(id[0]!.toUpperCase()) + 10;
  let sum = Math.floor(code / 10) + (code % 10) * 9;
  for (let i = 1; i <= 8; i++) sum += Number(id[i]) * (9 - i);
  return (sum + Number(id[9])) % 10 === 0;
}

function validateTwNationalId(match: string): Candidate | null {
  const id = match.toUpperCase();
  return { normalized: id, confidence: isValidTwNationalId(id) ? VALID : BAD_CHECK };
}

/** Tried only at the letter before a run of 9 digits. */
const TW_ID = /(?<![A-Za-z0-9])[A-Za-z][1289]\d{8}(?![A-Za-z0-9])/y;

/**
 * Taiwan national identification number (國民身分證統一編號): a letter, `1`/`2` (sex) or `8`/`9` (the 2021
 * resident certificates for foreigners), seven digits and a check digit.
 */
export const twNationalId: Detector = {
  type: 'TW_NATIONAL_ID',
  scan: (text) => matchesFromDigitRuns(text, TW_ID, 1, (s, e) => e - s === 9),
  needs: ['digit', 'latin'],
  minDigits: 9,
  validate: validateTwNationalId,
  context: ['身分證', '身份證', '身分证', '身份证', '居留證', '居留证', '統一編號', 'Taiwan ID', 'national ID', 'ID'],
  mask: (f) => `${f.normalized[0]}${'*'.repeat(7)}${f.normalized.slice(-2)}`,
  label: '[台湾身份证]',
  sensitivity: 'L3',
  piplSensitive: true,
};
