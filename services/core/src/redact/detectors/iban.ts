import { mod97 } from '../checksums/mod97';
import { digitRuns } from '../digit-runs';
import type { Candidate, Detector, ScanMatch } from '../finding';
import { isAsciiLetter } from '../text-features';

/**
 * BBAN format per country in the SWIFT IBAN registry's notation (`n` digits, `a` capitals, `c` either), plus
 * countries outside the registry that print national IBANs (Iran's Sheba, Morocco, Algeria…) where only
 * the length is known. The length of each IBAN is 4 + its BBAN's.
 */
const BBAN: Readonly<Record<string, string>> = {
  AD: '4n4n12c',
  AE: '3n16n',
  AL: '8n16c',
  AT: '5n11n',
  AZ: '4a20c',
  BA: '3n3n8n2n',
  BE: '3n7n2n',
  BG: '4a4n2n8c',
  BH: '4a14c',
  BI: '5n5n11n2n',
  BR: '8n5n10n1a1c',
  BY: '4c4n16c',
  CH: '5n12c',
  CR: '4n14n',
  CY: '3n5n16c',
  CZ: '4n6n10n',
  DE: '8n10n',
  DJ: '5n5n11n2n',
  DK: '4n9n1n',
  DO: '4c20n',
  EE: '2n2n11n1n',
  EG: '4n4n17n',
  ES: '4n4n1n1n10n',
  FI: '3n11n',
  FK: '2a12n',
  FO: '4n9n1n',
  FR: '5n5n11c2n',
  GB: '4a6n8n',
  GE: '2a16n',
  GI: '4a15c',
  GL: '4n9n1n',
  GR: '3n4n16c',
  GT: '4c20c',
  HN: '4a20n',
  HR: '7n10n',
  HU: '3n4n1n15n1n',
  IE: '4a6n8n',
  IL: '3n3n13n',
  IQ: '4a3n12n',
  IS: '4n2n6n10n',
  IT: '1a5n5n12c',
  JO: '4a4n18c',
  KW: '4a22c',
  KZ: '3n13c',
  LB: '4n20c',
  LC: '4a24c',
  LI: '5n12c',
  LT: '5n11n',
  LU: '3n13c',
  LV: '4a13c',
  LY: '3n3n15n',
  MC: '5n5n11c2n',
  MD: '2c18c',
  ME: '3n13n2n',
  MK: '3n10c2n',
  MN: '4n12n',
  MR: '5n5n11n2n',
  MT: '4a5n18c',
  MU: '4a2n2n12n3n3a',
  NI: '4a20n',
  NL: '4a10n',
  NO: '4n6n1n',
  OM: '3n16c',
  PK: '4a16c',
  PL: '8n16n',
  PS: '4a21c',
  PT: '4n4n11n2n',
  QA: '4a21c',
  RO: '4a16c',
  RS: '3n13n2n',
  RU: '9n5n15c',
  SA: '2n18c',
  SC: '4a2n2n16n3a',
  SD: '2n12n',
  SE: '3n16n1n',
  SI: '5n8n2n',
  SK: '4n6n10n',
  SM: '1a5n5n12c',
  SO: '4n3n12n',
  ST: '4n4n11n2n',
  SV: '4a20n',
  TL: '3n14n2n',
  TN: '2n3n13n2n',
  TR: '5n1n16c',
  UA: '6n19c',
  VA: '3n15n',
  VG: '4a16n',
  XK: '4n10n2n',
  YE: '4a4n18c',
  AO: '21c',
  BF: '24c',
  BJ: '24c',
  CF: '23c',
  CG: '23c',
  CI: '24c',
  CM: '23c',
  CV: '21c',
  DZ: '22c',
  GA: '23c',
  GQ: '23c',
  GW: '21c',
  IR: '22c',
  KM: '23c',
  MA: '24c',
  MG: '23c',
  ML: '24c',
  MZ: '21c',
  NE: '24c',
  SN: '24c',
  TD: '23c',
  TG: '24c',
};

const CLASS = { n: '[0-9]', a: '[A-Z]', c: '[A-Z0-9]' } as const;
/** Each country's BBAN as a regex over the compact upper-case form, and its length. */
const FORMATS = new Map(
  Object.entries(BBAN).map(([country, format]) => {
    let source = '';
    let length = 0;
    for (const [, n, kind] of format.matchAll(/(\d+)([nac])/g)) {
      source += `${CLASS[kind as keyof typeof CLASS]}{${n}}`;
      length += Number(n);
    }
    return [country, { bban: new RegExp(`^${source}$`), length }] as const;
  }),
);

/**
 * One alternative per length: the countries of that length, two check digits, then exactly that many
 * characters, bare or in the printed groups of four joined by spaces or dashes. Knowing the length keeps a
 * word after the IBAN out of it; an `@` after it makes it an email's local part.
 */
function ibanPattern(): RegExp {
  const byLength = new Map<number, string[]>();
  for (const [country, { length }] of FORMATS) byLength.set(length, [...(byLength.get(length) ?? []), country]);
  const alternatives = [...byLength].map(([bban, countries], i) => {
    const sep = `\\${i + 1}`;
    const rest = bban % 4 ? `${sep}[A-Z0-9]{${bban % 4}}` : '';
    const groups = `([ -])[A-Z0-9]{4}(?:${sep}[A-Z0-9]{4}){${Math.floor(bban / 4) - 1}}${rest}`;
    return `(?:${countries.join('|')})\\d{2}(?:[A-Z0-9]{${bban}}|${groups})`;
  });
  return new RegExp(`(?:${alternatives.join('|')})(?![A-Za-z0-9@])`, 'iy');
}

const IBAN = ibanPattern();

const isAlnum = (c: number) => isAsciiLetter(c) || (c >= 48 && c <= 57);

/**
 * The long per-country pattern is tried only where a country code and check digits start: two letters with no
 * letter or digit before them, right before a run of at least two digits (so found from the digit runs).
 */
function scanIban(text: string): ScanMatch[] {
  const runs = digitRuns(text);
  const out: ScanMatch[] = [];
  let from = 0;
  for (let i = 0; i < runs.length; i += 2) {
    const start = runs[i]! - 2;
    if (start < from || runs[i + 1]! - runs[i]! < 2) continue;
    if (!isAsciiLetter(text.charCodeAt(start)) || !isAsciiLetter(text.charCodeAt(start + 1))) continue;
    if (start > 0 && isAlnum(text.charCodeAt(start - 1))) continue;
    if (!FORMATS.has(text.slice(start, start + 2).toUpperCase())) continue;
    IBAN.lastIndex = start;
    const m = IBAN.exec(text);
    if (!m) continue;
    out.push([start, m[0]]);
    from = start + m[0].length;
  }
  return out;
}

/** The compact upper-case IBAN; null unless one case throughout, the country's BBAN format and a MOD 97-10 check of 1. */
function validateIban(match: string): Candidate | null {
  const compact = match.replace(/[ -]/g, '');
  const letters = compact.replace(/[^A-Za-z]/g, '');
  if (letters !== letters.toUpperCase() && letters !== letters.toLowerCase()) return null;
  const iban = compact.toUpperCase();
  if (!FORMATS.get(iban.slice(0, 2))?.bban.test(iban.slice(4))) return null;
  if (mod97(iban.slice(4) + iban.slice(0, 4)) !== 1) return null;
  return { normalized: iban, confidence: [0.9, 0.99] };
}

/**
 * International bank account number: country code, two check digits and the country's BBAN, with the right
 * length and BBAN format for the country and a MOD 97-10 check of 1; printed with or without spaces, in either case.
 */
export const iban: Detector = {
  type: 'IBAN',
  scan: scanIban,
  needs: ['digit', 'latin'],
  minDigits: 2,
  validate: validateIban,
  context: [
    'IBAN',
    '账户',
    '帳戶',
    '账号',
    '帳號',
    '帐号',
    '汇款',
    '匯款',
    '转账',
    'account',
    'bank',
    'transfer',
    'SWIFT',
  ],
  mask: (f) => `${f.normalized.slice(0, 4)} **** **** ${f.normalized.slice(-4)}`,
  label: '[IBAN]',
  sensitivity: 'L3',
  piplSensitive: true,
};
