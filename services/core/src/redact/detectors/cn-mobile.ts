import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import type { Candidate, Detector } from '../finding';

const CONFIDENCE = [0.9, 0.95] as const;

/** The 11 national digits of a matched mobile number, or null when libphonenumber says it is no mainland mobile. */
function validateMobile(match: string): Candidate | null {
  let digits = match.replace(/\D/g, '');
  if (digits.length === 15)
    digits = digits.slice(4); // 0086…
  else if (digits.length === 13) digits = digits.slice(2); // 86…
  const phone = parsePhoneNumberFromString(digits, 'CN');
  if (!phone?.isValid()) return null;
  const type = phone.getType();
  if (type !== 'MOBILE' && type !== 'FIXED_LINE_OR_MOBILE') return null;
  return { normalized: phone.nationalNumber, confidence: CONFIDENCE };
}

/**
 * Mainland mobile number (手机号): 1[3-9]x and 8 more digits, optionally after +86 / 0086 / 86, plain or grouped
 * 3-4-4 by one kind of separator. Letters may touch it (`Tel13812345678`, `wxid13812345678`); digits may not
 * (order numbers, timestamps), nor a `+` (another country's number), nor a decimal point or a dashed number chain.
 */
export const cnMobile: Detector = {
  type: 'CN_MOBILE',
  pattern: /(?<![0-9+])(?<![0-9][.-])(?:\(?(?:\+|00)?86\)?[ -]?)?1[3-9]\d([ -]?)\d{4}\1\d{4}(?![0-9]|[.-][0-9])/g,
  validate: validateMobile,
  context: ['手机', '手機', '电话', '電話', '联系', '聯繫', '致电', 'mobile', 'phone', 'tel', 'cell'],
  mask: (f) => `${f.normalized.slice(0, 3)}****${f.normalized.slice(-4)}`,
  label: '[手机号]',
  sensitivity: 'L2',
  piplSensitive: false,
};
