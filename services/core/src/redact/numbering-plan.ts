import {
  type CountryCode,
  getCountries,
  getCountryCallingCode,
  isSupportedCountry,
  Metadata,
  type PhoneNumberType,
} from 'libphonenumber-js/max';
import { mayHaveLength, patternLengths } from './pattern-lengths';

/** What is read of libphonenumber's numbering-plan metadata: there at runtime, partly missing from its typings. */
interface PlanMetadata {
  nationalPrefix(): string | undefined;
  nationalNumberPattern(): string;
  possibleLengths(): number[];
  type(name: PhoneNumberType): { pattern(): string; possibleLengths(): number[] | undefined } | undefined;
}

/** libphonenumber's order of types after FIXED_LINE (`getNumberType`). */
const OTHER_TYPES: readonly PhoneNumberType[] = [
  'MOBILE',
  'PREMIUM_RATE',
  'TOLL_FREE',
  'SHARED_COST',
  'VOIP',
  'PERSONAL_NUMBER',
  'PAGER',
  'UAN',
  'VOICEMAIL',
];

/**
 * One region's phone numbering plan from libphonenumber's "max" metadata, as compiled regular expressions:
 * the same answers as `parsePhoneNumber(…).isValid()/getType()` for a national significant number, at a
 * fraction of the cost (no parsing, no formatting), so detectors can afford to ask for every candidate.
 */
export interface NumberingPlan {
  region: string;
  callingCode: string;
  /** The trunk prefix dialled before a national number (`0`; `1` in NANP), or '' when there is none. */
  nationalPrefix: string;
  /**
   * Whether a number of `digits` digits can be read as one of the plan's, with or without trunk prefix or calling
   * code: a test of lengths that spares reading two dozen NANP plans for a 7-digit order number.
   */
  mayHold(digits: number): boolean;
  /** Whether a national significant number lies in the plan at all (libphonenumber's "min" validity). */
  plausible(nsn: string): boolean;
  /** The number's type, undefined when it is no valid number of the region. */
  typeOf(nsn: string): PhoneNumberType | undefined;
  /** `typeOf` and `plausible` at once: the type, null when the number is in the plan but of no type, else undefined. */
  reading(nsn: string): PhoneNumberType | null | undefined;
  /**
   * The national significant numbers written digits may stand for: as they are (unless the trunk prefix is 0),
   * without the trunk prefix, without the country code.
   */
  nationalNumbers(digits: string): string[];
}

const plans = new Map<string, NumberingPlan | null>();

/** The numbering plan of a region (ISO 3166 alpha-2), or null when libphonenumber does not know it. */
export function numberingPlan(region: string): NumberingPlan | null {
  let plan = plans.get(region);
  if (plan === undefined) {
    plan = isSupportedCountry(region) ? compile(region) : null;
    plans.set(region, plan);
  }
  return plan;
}

let byCallingCode: Map<string, string[]> | undefined;

/** The regions dialled with a country calling code (`44`: GB, GG, IM, JE), the main one first; [] for none. */
export function regionsOfCallingCode(callingCode: string): readonly string[] {
  if (!byCallingCode) {
    byCallingCode = new Map();
    for (const r of getCountries()) {
      const cc = getCountryCallingCode(r);
      byCallingCode.set(cc, [...(byCallingCode.get(cc) ?? []), r]);
    }
  }
  return byCallingCode.get(callingCode) ?? [];
}

const sharing = new Map<string, readonly string[]>();

/**
 * The region and every other region dialled with its country code (GB: GG, JE, IM; US: CA and the rest of
 * NANP), as libphonenumber reads a national number of `region`: `07911 123456` is a Guernsey mobile.
 */
export function regionsSharingCallingCode(region: string): readonly string[] {
  let regions = sharing.get(region); // asked for every phone candidate: worked out once per region
  if (!regions) {
    regions = Object.freeze(
      isSupportedCountry(region)
        ? [region, ...regionsOfCallingCode(getCountryCallingCode(region)).filter((r) => r !== region)]
        : [],
    );
    sharing.set(region, regions);
  }
  return regions;
}

/** The country calling code an international number (digits after `+`) starts with; codes are prefix-free. */
export function callingCodeOf(digits: string): string | undefined {
  for (let n = 1; n <= 3; n++) {
    if (regionsOfCallingCode(digits.slice(0, n)).length > 0) return digits.slice(0, n);
  }
  return undefined;
}

function compile(region: CountryCode): NumberingPlan {
  const metadata = new Metadata();
  metadata.selectNumberingPlan(region);
  const meta = metadata.numberingPlan as unknown as PlanMetadata;
  const whole = (pattern: string) => new RegExp(`^(?:${pattern})$`);
  const general = whole(meta.nationalNumberPattern());
  // Most candidates are of a length the plan has no number of (25 NANP plans are read for an 8-digit number).
  const generalLengths = patternLengths(meta.nationalNumberPattern());
  const inPlan = (nsn: string) => mayHaveLength(generalLengths, nsn.length) && general.test(nsn);
  const types = new Map<PhoneNumberType, { re: RegExp; lengths: readonly number[] | undefined } | null>();
  for (const t of ['FIXED_LINE', ...OTHER_TYPES] as PhoneNumberType[]) {
    const def = meta.type(t);
    const pattern = def?.pattern();
    types.set(t, pattern ? { re: whole(pattern), lengths: def?.possibleLengths() } : null);
  }
  const is = (nsn: string, t: PhoneNumberType) => {
    const def = types.get(t);
    return !!def && (!def.lengths || def.lengths.includes(nsn.length)) && def.re.test(nsn);
  };
  // An empty or absent MOBILE pattern means libphonenumber dropped it as a duplicate of FIXED_LINE.
  const mobileAsFixed = !types.get('MOBILE');
  const callingCode = getCountryCallingCode(region);
  const nationalPrefix = typeof meta.nationalPrefix() === 'string' ? (meta.nationalPrefix() as string) : '';
  /** The type of a number already known to be in the plan. */
  const typeInPlan = (nsn: string) => {
    if (is(nsn, 'FIXED_LINE')) return mobileAsFixed || is(nsn, 'MOBILE') ? 'FIXED_LINE_OR_MOBILE' : 'FIXED_LINE';
    return OTHER_TYPES.find((t) => is(nsn, t));
  };
  return {
    region,
    callingCode,
    nationalPrefix,
    mayHold: (digits) =>
      mayHaveLength(generalLengths, digits) ||
      mayHaveLength(generalLengths, digits - nationalPrefix.length) ||
      mayHaveLength(generalLengths, digits - callingCode.length),
    plausible: inPlan,
    typeOf: (nsn) => (inPlan(nsn) ? typeInPlan(nsn) : undefined),
    reading: (nsn) => (inPlan(nsn) ? (typeInPlan(nsn) ?? null) : undefined),
    nationalNumbers: (digits) => {
      // Where the trunk prefix is 0 (TW, GB…) a national number is written with it; NANP's 1 is optional.
      const out = nationalPrefix === '0' ? [] : [digits];
      if (nationalPrefix && digits.startsWith(nationalPrefix)) out.push(digits.slice(nationalPrefix.length));
      if (digits.startsWith(callingCode)) out.push(digits.slice(callingCode.length));
      return out;
    },
  };
}
