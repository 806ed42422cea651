import type { Candidate, Detector } from '../finding';
import { numberingPlan } from '../numbering-plan';
import { numericMatches, startsWithOneOf } from '../numeric-matches';

const CONFIDENCE = [0.9, 0.95] as const;

/** libphonenumber always knows CN. */
const CN = numberingPlan('CN')!;

/**
 * The 11 national digits of a matched mobile number, or null when libphonenumber's CN plan says it is no mainland
 * mobile. The compiled plan answers as `parsePhoneNumber(digits, 'CN')` does for every `1[3-9]` + 8 digits (checked
 * over all 7-digit prefixes, the depth of CN's mobile patterns), where no carrier code is ever stripped.
 */
function validateMobile(match: string): Candidate | null {
  let digits = match.replace(/\D/g, '');
  if (digits.length === 15)
    digits = digits.slice(4); // 0086…
  else if (digits.length === 13) digits = digits.slice(2); // 86…
  const type = CN.typeOf(digits);
  if (type !== 'MOBILE' && type !== 'FIXED_LINE_OR_MOBILE') return null;
  return { normalized: digits, confidence: CONFIDENCE };
}

/**
 * Sticky: tried only where a numeric run starts (see `numericMatches`): 11 digits at least, the `+`/`(` of a
 * `(+86)` before them, at most `) ` between two of them.
 */
/** The first character of `(+86)`, `+86`, `0086`, `86` or the number's own `1`. */
const STARTS = startsWithOneOf('(+018');
const MOBILE = /(?<![0-9+])(?<![0-9][.-])(?:\(?(?:\+|00)?86\)?[ -]?)?1[3-9]\d([ -]?)\d{4}\1\d{4}(?![0-9]|[.-][0-9])/y;

/**
 * Mainland mobile number (手机号): 1[3-9]x and 8 more digits, optionally after +86 / 0086 / 86, plain or grouped
 * 3-4-4 by one kind of separator. Letters may touch it (`Tel13812345678`, `wxid13812345678`); digits may not
 * (order numbers, timestamps), nor a `+` (another country's number), nor a decimal point or a dashed number chain.
 */
export const cnMobile: Detector = {
  type: 'CN_MOBILE',
  scan: (text) => numericMatches(text, MOBILE, 11, STARTS),
  needs: ['digit'],
  minDigits: 11,
  validate: validateMobile,
  context: ['手机', '手機', '电话', '電話', '联系', '聯繫', '致电', 'mobile', 'phone', 'tel', 'cell'],
  mask: (f) => `${f.normalized.slice(0, 3)}****${f.normalized.slice(-4)}`,
  label: '[手机号]',
  sensitivity: 'L2',
  piplSensitive: false,
};
