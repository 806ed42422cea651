import type { Candidate, Detector, ScanMatch } from '../finding';
import { ACCOUNT_LABEL, labelledAs } from '../labelled-as';
import { numberingPlan } from '../numbering-plan';
import { numericMatches, startsWithOneOf } from '../numeric-matches';
import { foreignReading } from './phone';

/** A fixed line with its area code (`010-62345678`); written without any separator it could be any 11 digits. */
const GROUPED = [0.7, 0.95] as const;
const PLAIN = [0.5, 0.95] as const;
/** 400/800 numbers are company hotlines more often than a person's: identifying, but less so. */
const SERVICE = [0.6, 0.9] as const;
const SERVICE_TYPES = new Set(['TOLL_FREE', 'SHARED_COST', 'UAN']);

/** libphonenumber always knows CN. */
const CN = numberingPlan('CN')!;

/** The national significant number (area code without its 0) of a written mainland number. */
function nationalNumber(written: string): string {
  let digits = written.replace(/\D/g, '');
  if (digits.startsWith('0086')) digits = digits.slice(4);
  else if (digits.startsWith('86')) digits = digits.slice(2); // a national number starts with 0 or 400/800
  return digits.startsWith('0') ? digits.slice(1) : digits; // `+86 (0)10 …` keeps the trunk 0 too
}

/**
 * Whether a grouped number separates its area code where the area code ends: `0901-2345678` is Tacheng,
 * `090-1234-5678` is not (a Japanese mobile). After `+86`/`0086` the leading 0 is optional.
 */
function groupsAreaCode(match: string, nsn: string): boolean {
  const local = match.replace(/^\(?(?:\+|00)?86\)?[ -]?(?:\(0\) ?)?/, '');
  const first = /^\(?0?(\d+)/.exec(local)?.[1] ?? '';
  return first.length === local.replace(/\D/g, '').replace(/^0/, '').length || first.length === areaCodeLength(nsn);
}

/** The national number of a mainland fixed line or 400/800 number; null for anything else (mobiles included). */
function validateLandline(match: string): Candidate | null {
  let nsn = nationalNumber(match);
  let type = CN.typeOf(nsn);
  const ext = match.search(/转|-\d{1,6}$/);
  // A trailing `-123` is an extension when the number is only valid without it.
  if (!type && ext > 0) {
    nsn = nationalNumber(match.slice(0, ext));
    type = CN.typeOf(nsn);
  }
  if (type === 'FIXED_LINE') {
    if (!groupsAreaCode(match, nsn)) return null;
    return { normalized: nsn, confidence: /\D/.test(match) ? GROUPED : PLAIN };
  }
  if (type && SERVICE_TYPES.has(type)) return { normalized: nsn, confidence: SERVICE };
  return null;
}

/** Beijing, Shanghai, Tianjin, Chongqing and the 02x cities have two-digit area codes, everyone else three. */
function areaCodeLength(national: string): number {
  return national.startsWith('10') || national.startsWith('2') ? 2 : 3;
}

/** Sticky: tried only where a numeric run starts (see `numericMatches`). */
const LANDLINE =
  /(?<![0-9A-Za-z+])(?<![0-9][.-])(?<![A-Za-z]-)(?:(?:(?:\+|00)86[ -]?|\(\+?86\)[ -]?)(?:\(0\) ?)?(?:\(0?[1-9]\d{1,2}\)|0?[1-9]\d{1,2})|\(0[1-9]\d{1,2}\)|0[1-9]\d{1,2})[ -]?\d{3,4}[ -]?\d{4}(?:(?:-|转)\d{1,6})?(?![0-9A-Za-z]|[.-][0-9])|(?<![0-9A-Za-z+])(?<![0-9][.-])(?<![A-Za-z]-)[48]00[ -]?\d{3}[ -]?\d{4}(?![0-9A-Za-z]|[.-][0-9])/y;

/** The first character of `+86`, `0086`, `(…`, an area code's `0`, or `400`/`800`. */
const STARTS = startsWithOneOf('+(048');

/** `+44 `, `0044 `, `+44 (0)`: another country's calling code right before a number makes it that country's. */
const FOREIGN_CODE_BEFORE = /(?:\+|(?<![0-9])00)(?!86)[1-9]\d{0,2}[ -]?(?:\(0\)[ -]?)?$/;

/**
 * Candidates; one may follow a house number and a space (`305 028-63282850`), but not when it is itself grouped
 * by spaces: then it is the inside of a card or account number (`6222 0755 8123 4567 890`). None right after
 * another country's calling code: `+44 020 7946 0958` is London's, not Guangzhou's (PHONE's), nor where that
 * country is named near it in its line and the number is valid there (`London office: 020 7946 0107`), nor after an
 * account's label (`A/C 8003216574`).
 */
function scanLandline(text: string): ScanMatch[] {
  return numericMatches(text, LANDLINE, 10, STARTS).filter(
    ([start, match]) =>
      !(match.includes(' ') && /\d $/.test(text.slice(start - 2, start))) &&
      !FOREIGN_CODE_BEFORE.test(text.slice(Math.max(0, start - 9), start)) &&
      !labelledAs(text, start, ACCOUNT_LABEL) &&
      !foreignReading(text, start, match),
  );
}

/**
 * Mainland fixed-line number with its area code (`010-62345678`, `(021)61234567`, `0755 8123 4567`,
 * `+86 (0)10 6234 5678`, an extension `-8001` or `转8001` after it) and 400/800 service numbers (`400-820-1234`).
 * libphonenumber's numbering plan checks the area code and the length; mobiles are left to CN_MOBILE.
 */
export const cnLandline: Detector = {
  type: 'CN_LANDLINE',
  scan: scanLandline,
  needs: ['digit'],
  minDigits: 10,
  validate: validateLandline,
  context: [
    '电话',
    '電話',
    '座机',
    '座機',
    '固话',
    '热线',
    '熱線',
    '客服',
    '总机',
    '传真',
    '傳真',
    '致电',
    'tel',
    'phone',
    'fax',
    'hotline',
  ],
  mask: (f) => {
    const n = f.normalized;
    if (n.startsWith('400') || n.startsWith('800')) return `${n.slice(0, 3)}***${n.slice(-4)}`;
    return `0${n.slice(0, areaCodeLength(n))}****${n.slice(-4)}`;
  },
  label: '[座机]',
  sensitivity: 'L2',
  piplSensitive: false,
};
