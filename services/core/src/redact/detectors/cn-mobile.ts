import type { Candidate, Detector } from '../finding';
import { numberingPlan } from '../numbering-plan';
import { numericMatches, startsWithOneOf } from '../numeric-matches';

/** In a block libphonenumber's CN metadata lists as mobile. */
const LISTED = [0.9, 0.95] as const;
/** `1[3-9]` outside the listed blocks: data-only SIMs (148/149), satellite (174x), IoT, blocks newer than the data. */
const UNLISTED = [0.6, 0.9] as const;
/** After an explicit `+86`/`0086`, 11 digits that are no landline: the country code is evidence enough, any digits. */
const COUNTRY_CODED = [0.7, 0.9] as const;

/** libphonenumber always knows CN. */
const CN = numberingPlan('CN')!;

/** `+86`, `0086`, `(+86)`: a written country code, not the bare `86` an order number may start with. */
const EXPLICIT_COUNTRY_CODE = /^\(?(?:\+|00)86/;

/**
 * The 11 national digits of a matched mainland number, or null when libphonenumber's CN plan reads them as a
 * landline or service number (CN_LANDLINE's). The compiled plan answers as `parsePhoneNumber(digits, 'CN')` does
 * for every `1[3-9]` + 8 digits (checked over all 7-digit prefixes, the depth of CN's mobile patterns), where no
 * carrier code is ever stripped. A number the plan does not know is still a subscriber's: mainland numbering
 * runs ahead of the metadata, and an explicit country code says "phone" on its own.
 */
function validateMobile(match: string): Candidate | null {
  let digits = match.replace(/\D/g, '');
  if (digits.length === 15)
    digits = digits.slice(4); // 0086…
  else if (digits.length === 13) digits = digits.slice(2); // 86…
  const type = CN.typeOf(digits);
  if (type === 'MOBILE' || type === 'FIXED_LINE_OR_MOBILE') return { normalized: digits, confidence: LISTED };
  if (type) return null;
  if (EXPLICIT_COUNTRY_CODE.test(match)) return { normalized: digits, confidence: COUNTRY_CODED };
  // Without a country code the pattern let through only `1[3-9]`.
  return { normalized: digits, confidence: UNLISTED };
}

/** The first character of `(+86)`, `+86`, `0086`, `86` or the number's own `1`. */
const STARTS = startsWithOneOf('(+018');
/**
 * Sticky: tried only where a numeric run starts (see `numericMatches`): 11 digits at least, the `+`/`(` of a
 * `(+86)` before them, at most `) ` between two of them. After an explicit country code the national number may
 * start with any digit but the trunk 0; otherwise with `1[3-9]`.
 */
const MOBILE =
  /(?<![0-9+])(?<![0-9][.-])(?:\(?(?:\+|00)86\)?[ -]?[1-9]\d\d|(?:\(?86\)?[ -]?)?1[3-9]\d)([ -]?)\d{4}\1\d{4}(?![0-9]|[.-][0-9])/y;

/**
 * Mainland mobile number (手机号): 1[3-9]x and 8 more digits, optionally after +86 / 0086 / 86, plain or grouped
 * 3-4-4 by one kind of separator; less sure when libphonenumber does not list its block. After an explicit +86 or
 * 0086, any 11-digit national number that is no landline (`+86 921 3838 9438`). Letters may touch it
 * (`Tel13812345678`, `wxid13812345678`); digits may not (order numbers, timestamps), nor a `+` (another country's
 * number), nor a decimal point or a dashed number chain.
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
