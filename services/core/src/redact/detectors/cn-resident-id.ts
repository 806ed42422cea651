import type { Candidate, Detector } from '../finding';
import { numericMatches, startsWithOneOf } from '../numeric-matches';

/** GB/T 2260 province-level codes: the first two digits of a mainland ID (81/82/83: HK/Macau/Taiwan residence permits). */
const PROVINCES = new Set([
  11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63,
  64, 65, 71, 81, 82, 83,
]);
/** GB 11643 / ISO 7064 MOD 11-2 weights of the first 17 digits, and the check character for each remainder. */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

const VALID = [0.95, 0.99] as const;
/** A typo'd check digit still hides an ID, but only a context word ("身份证…") tells it from any other number. */
const BAD_CHECK = [0, 0.6] as const;
/** 15-digit IDs (before 1999) have no check digit: a region plus a yymmdd date is too common to trust alone. */
const LEGACY = [0.4, 0.85] as const;

/** The GB 11643 check character of an 18-character ID (computed from its first 17 digits). */
export function residentIdCheckChar(id: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(id[i]) * WEIGHTS[i]!;
  return CHECK[sum % 11]!;
}

function isRealDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]!;
  return d <= days;
}

/** Mainland prefixes are a province code; the 2023 foreign permanent-resident ID is `9` + the issuing province. */
function hasRealRegion(id: string): boolean {
  return id[0] === '9' ? PROVINCES.has(Number(id.slice(1, 3))) : PROVINCES.has(Number(id.slice(0, 2)));
}

function validateResidentId(match: string): Candidate | null {
  const id = match.replace(/[ -]/g, '').toUpperCase();
  if (!hasRealRegion(id)) return null;
  if (id.length === 15) {
    const ok = isRealDate(1900 + Number(id.slice(6, 8)), Number(id.slice(8, 10)), Number(id.slice(10, 12)));
    return ok ? { normalized: id, confidence: LEGACY } : null;
  }
  if (!isRealDate(Number(id.slice(6, 10)), Number(id.slice(10, 12)), Number(id.slice(12, 14)))) return null;
  return { normalized: id, confidence: residentIdCheckChar(id) === id[17] ? VALID : BAD_CHECK };
}

/** A resident ID starts with its first digit, never `0`. */
const STARTS = startsWithOneOf('123456789');
/** Sticky: tried only where a numeric run starts (see `numericMatches`); 15 digits at least, joined by spaces or dashes. */
const RESIDENT_ID =
  /(?<![0-9])(?:[1-9]\d{5}([ -]?)(?:19|20)\d{6}\1\d{3}[0-9Xx]|[1-8]\d{5}([ -]?)\d{6}\2\d{3}(?![Xx]))(?![0-9])/y;

/**
 * Mainland resident identity card number (居民身份证号码, GB 11643): 18 characters with a MOD 11-2 check
 * character, or the legacy 15 digits; also the 9-prefixed foreign permanent-resident ID. Written plain or
 * grouped 6-8-4 (6-6-3) with spaces or dashes.
 */
export const cnResidentId: Detector = {
  type: 'CN_RESIDENT_ID',
  scan: (text) => numericMatches(text, RESIDENT_ID, 15, STARTS),
  needs: ['digit'],
  minDigits: 15,
  validate: validateResidentId,
  context: [
    '身份证',
    '身份證',
    '身份号码',
    '身份號碼',
    '证件',
    '證件',
    '居住证',
    '永久居留',
    'ID',
    'ID card',
    'identity',
  ],
  mask: (f) => `${f.normalized[0]}${'*'.repeat(f.normalized.length - 3)}${f.normalized.slice(-2)}`,
  label: '[身份证号]',
  sensitivity: 'L3',
  piplSensitive: true,
};
