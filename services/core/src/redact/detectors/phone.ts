import { Policy } from '@custodian/schemas';
import type { Candidate, Detector, ScanMatch, ValidateOptions } from '../finding';
import { regionNamedNear } from '../foreign-place';
import { ACCOUNT_LABEL, labelledAs, REFERENCE_LABEL } from '../labelled-as';
import { callingCodeOf, numberingPlan, regionsOfCallingCode, regionsSharingCallingCode } from '../numbering-plan';
import { numericMatches } from '../numeric-matches';

/** The policy's default regions, when the caller of `detect` names none. */
const DEFAULT_REGIONS = Policy.parse({}).phoneRegions;

/** `+852 9123 4567`: the country code leaves no doubt. */
const INTERNATIONAL = [0.9, 0.95] as const;
/** In a country's number plan but not (yet) in a block libphonenumber knows to be allocated. */
const PLAUSIBLE_INTERNATIONAL = [0.7, 0.9] as const;
/** A national mobile written in groups, `9123 4567`, `(415) 555-0132`. */
const NATIONAL_MOBILE = [0.7, 0.9] as const;
/** Eight to ten bare digits are order numbers and amounts as often as phones. */
const NATIONAL_PLAIN_MOBILE = [0.5, 0.9] as const;
const NATIONAL_OTHER = [0.5, 0.9] as const;
const CONTEXT_ONLY = [0, 0.85] as const;
/** A national number valid in the country named just before it (`London office: 020 7946 0107`). */
const PLACED = [0.7, 0.9] as const;

const MOBILE_TYPES = new Set(['MOBILE', 'FIXED_LINE_OR_MOBILE']);
const DATE = /^(?:19|20)\d\d[-./ ](?:0?[1-9]|1[0-2])(?:[-./ ]|$)|^\d{1,2}[-./]\d{1,2}[-./](?:19|20)\d\d$/;
/** 11 digits from 1, bare or 3-4-4: the shape of a mainland mobile, even a mistyped one, never a NANP `1 …`. */
const MAINLAND_MOBILE_SHAPE = /^1\d\d([ -]?)\d{4}\1\d{4}$/;

/** An area code and a subscriber number ending in four digits: how mainland fixed lines are written (not `0936-952-257`). */
const MAINLAND_LANDLINE_SHAPE = /^\(?0\d{2,3}\)?[ -]?\d{3,4}[ -]?\d{4}$/;

/** libphonenumber always knows CN. */
const CN = numberingPlan('CN')!;

/** Mainland numbers are CN_MOBILE's and CN_LANDLINE's: a national candidate they could claim is not looked at here. */
function isMainland(match: string, digits: string): boolean {
  if (MAINLAND_MOBILE_SHAPE.test(match)) return true;
  if (digits[0] === '0') return MAINLAND_LANDLINE_SHAPE.test(match) && !!CN.typeOf(digits.slice(1));
  return /^[48]00\d{7}$/.test(digits) && !!CN.typeOf(digits);
}

/**
 * Dots join groups in `415.555.0132` and `9123.4567`, but also make IPs, versions, decimals and dates:
 * with dots, at most three groups and all but the first of three or more digits.
 */
function hasPhoneGroups(match: string): boolean {
  if (!match.includes('.')) return true;
  const groups = match.split('.');
  return groups.length <= 3 && groups.slice(1).every((g) => /^\d{3,}/.test(g));
}

/** An international number (the digits after `+` or `00`) valid, or at least plausible, in a region of its country code. */
function validateInternational(digits: string): Candidate | null {
  const cc = callingCodeOf(digits);
  if (!cc || cc === '86') return null;
  const nsn = digits.slice(cc.length);
  // `+44 (0)20 …`: the trunk 0 some write after the country code is no part of the number.
  const national =
    nsn.startsWith('0') && numberingPlan(regionsOfCallingCode(cc)[0]!)?.nationalPrefix === '0' ? nsn.slice(1) : nsn;
  let plausible = false;
  for (const region of regionsOfCallingCode(cc)) {
    const plan = numberingPlan(region);
    if (plan?.typeOf(national)) return { normalized: `+${cc}${national}`, confidence: INTERNATIONAL };
    plausible ||= !!plan?.plausible(national);
  }
  // `+13812345678` is a mainland mobile with a stray `+` sooner than an unassigned North American number.
  if (!plausible || MAINLAND_MOBILE_SHAPE.test(digits)) return null;
  return { normalized: `+${cc}${national}`, confidence: PLAUSIBLE_INTERNATIONAL };
}

/**
 * A valid number in one of the regions (CN aside), or in a region sharing its country code; a mobile reading
 * wins over other types and then the policy's order decides (`8123 4567` is a Singapore mobile before it is a
 * Hong Kong personal number). With no valid reading, a number merely in a region's plan counts only in context.
 */
function validateNational(match: string, digits: string, regions: readonly string[]): Candidate | null {
  if (digits.length > 14 || isMainland(match, digits)) return null;
  return readNational(match, digits, regions);
}

/** `validateNational` without its exclusion of mainland shapes. */
function readNational(match: string, digits: string, regions: readonly string[]): Candidate | null {
  const grouped = /\D/.test(match);
  let other: Candidate | undefined;
  let plausible: string | undefined;
  for (const region of regions) {
    if (region === 'CN') continue;
    for (const shared of regionsSharingCallingCode(region)) {
      const plan = numberingPlan(shared);
      if (!plan?.mayHold(digits.length)) continue;
      const nsns = plan.nationalNumbers(digits);
      for (let i = 0; i < nsns.length; i++) {
        const nsn = nsns[i]!;
        if (nsns.indexOf(nsn) < i) continue; // NANP's `1…` is both the trunk and the country code: read it once
        const type = plan.reading(nsn);
        if (type === undefined) continue;
        const e164 = `+${plan.callingCode}${nsn}`;
        if (type === 'MOBILE' || (type && grouped && MOBILE_TYPES.has(type))) {
          return { normalized: e164, confidence: grouped ? NATIONAL_MOBILE : NATIONAL_PLAIN_MOBILE };
        }
        if (type) other ??= { normalized: e164, confidence: grouped ? NATIONAL_OTHER : CONTEXT_ONLY };
        else plausible ??= e164;
      }
    }
  }
  // Macau's newer 6xxx mobiles are in its plan but in no block libphonenumber knows to be allocated.
  return other ?? (plausible ? { normalized: plausible, confidence: CONTEXT_ONLY } : null);
}

/** E.164 form of a phone number of one of the regions (or any with `+`), not a mainland one; null otherwise. */
function validatePhone(match: string, options: ValidateOptions): Candidate | null {
  if (DATE.test(match) || !hasPhoneGroups(match)) return null;
  const digits = match.replace(/\D/g, '');
  const prefix = /^\(?(?:(\+)|00)/.exec(match);
  if (prefix) return validateInternational(prefix[1] ? digits : digits.slice(2));
  return validateNational(match, digits, options.phoneRegions ?? DEFAULT_REGIONS);
}

/** Sticky: tried only where a numeric run starts (see `numericMatches`). */
const PHONE =
  /(?<![0-9A-Za-z+(])(?<![0-9][ .-])(?<![A-Za-z]-)(?:\(?(?:\+|00) ?)?\(?\d(?:[ .()-]{0,2}\d){5,15}\d(?![0-9A-Za-z]|[.:-][0-9])/y;

/**
 * A number shaped like a mainland fixed line read in the country named near it, in its line (`London office: 020
 * 7946 0107` is London's, not Guangzhou's), when it is valid there; null otherwise. CN_LANDLINE leaves such a number to
 * PHONE.
 */
export function foreignReading(text: string, start: number, match: string): Candidate | null {
  if (!MAINLAND_LANDLINE_SHAPE.test(match)) return null;
  const region = regionNamedNear(text, start, start + match.length);
  const read = region ? readNational(match, match.replace(/\D/g, ''), [region]) : null;
  return read && { normalized: read.normalized, confidence: PLACED };
}

/**
 * Candidates, except national numbers labelled as an order, ticket, waybill or account number (`order 2024-118832`);
 * a mainland fixed line's shape in a foreign country named near it comes with its reading there.
 */
function scanPhone(text: string): ScanMatch[] {
  const out: ScanMatch[] = [];
  for (const m of numericMatches(text, PHONE, 7)) {
    if (/^\(?(?:\+|00)/.test(m[1])) out.push(m);
    else if (!(labelledAs(text, m[0], REFERENCE_LABEL) || labelledAs(text, m[0], ACCOUNT_LABEL))) {
      const foreign = foreignReading(text, m[0], m[1]);
      out.push(foreign ? [m[0], m[1], foreign] : m);
    }
  }
  return out;
}

/**
 * Phone number outside the mainland: international (`+852 9123 4567`, `+44 (20) 7123 4567`, `00853 6612 3456`)
 * or national in one of the policy's `phoneRegions` (`9123 4567` in Hong Kong, `0912 345 678` in Taiwan,
 * `(415) 555-0132`). A candidate is 7 to 17 digits in groups joined by single spaces, dashes, dots or
 * parentheses, never inside a longer digit run (so a card number is no phone); libphonenumber's numbering
 * plans decide. A number written as a mainland fixed line is another country's when that country or one of its
 * cities is named near it, in the same line (`London office: 020 7946 0107`, `… after 5pm London time`).
 */
export const phone: Detector = {
  type: 'PHONE',
  scan: scanPhone,
  needs: ['digit'],
  minDigits: 7,
  validate: validatePhone,
  context: [
    '电话',
    '電話',
    '手机',
    '手機',
    '联系',
    '聯絡',
    '聯繫',
    '致电',
    '来电',
    '热线',
    '传真',
    'tel',
    'phone',
    'mobile',
    'cell',
    'call',
    'contact',
    'whatsapp',
    'fax',
  ],
  mask: (f) => `+${callingCodeOf(f.normalized.slice(1)) ?? ''} ****${f.normalized.slice(-4)}`,
  label: '[电话]',
  sensitivity: 'L2',
  piplSensitive: false,
};
