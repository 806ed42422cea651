import { isResidentId } from '../checksums/is-resident-id';
import { luhnValid } from '../checksums/luhn-valid';
import type { Candidate, Detector, ScanMatch } from '../finding';
import { labelledAs, REFERENCE_LABEL } from '../labelled-as';
import { numericMatches, startsWithOneOf } from '../numeric-matches';

/** Written in groups (`4111 1111 1111 1111`): how card numbers are printed and typed. */
const GROUPED = [0.9, 0.97] as const;
/** Bare digits with a right IIN, length and Luhn digit; one order number in ten passes Luhn by chance. */
const PLAIN = [0.8, 0.95] as const;
/** Issuer ranges that collide with common Chinese numbers (UATP's 1…, as 15-digit IDs): a card only in context. */
const CONTEXT_ONLY = [0, 0.9] as const;

interface IinRange {
  from: number;
  to: number;
  lengths: readonly number[];
  contextOnly?: boolean;
}

const LONG = [16, 17, 18, 19];
/** Issuer identification ranges of the international schemes (UnionPay's 62/81 are CN_BANK_CARD's). */
const IIN: readonly IinRange[] = [
  { from: 4, to: 4, lengths: [13, 16, 19] }, // Visa
  { from: 51, to: 55, lengths: [16] }, // Mastercard
  { from: 2221, to: 2720, lengths: [16] }, // Mastercard 2-series
  { from: 34, to: 34, lengths: [15] }, // American Express
  { from: 37, to: 37, lengths: [15] },
  { from: 6011, to: 6011, lengths: LONG }, // Discover
  { from: 644, to: 649, lengths: LONG },
  { from: 65, to: 65, lengths: LONG },
  { from: 3528, to: 3589, lengths: LONG }, // JCB
  { from: 300, to: 305, lengths: [14, ...LONG] }, // Diners Club
  { from: 3095, to: 3095, lengths: [14, ...LONG] },
  { from: 36, to: 36, lengths: [14, ...LONG] },
  { from: 38, to: 39, lengths: LONG },
  // Maestro (and Dankort 5019); it also issued 12–15 digits, but those are order numbers far more often.
  { from: 50, to: 50, lengths: LONG },
  { from: 56, to: 58, lengths: LONG },
  { from: 6304, to: 6304, lengths: LONG },
  { from: 6390, to: 6390, lengths: LONG },
  { from: 67, to: 67, lengths: LONG },
  { from: 2200, to: 2204, lengths: LONG }, // Mir
  { from: 60, to: 60, lengths: [16] }, // RuPay
  { from: 9792, to: 9792, lengths: [16] }, // Troy
  { from: 1, to: 1, lengths: [15], contextOnly: true }, // UATP
];

/** Each range with the number of leading digits it is written in. */
const RANGES = IIN.map((r) => ({ ...r, scale: 10 ** (4 - String(r.from).length) }));

/** The issuer range a card number falls in, with a length that range issues; undefined when none. */
function iinRange(digits: string): IinRange | undefined {
  const first4 = Number(digits.slice(0, 4));
  return RANGES.find((r) => {
    const prefix = Math.floor(first4 / r.scale);
    return prefix >= r.from && prefix <= r.to && r.lengths.includes(digits.length);
  });
}

/** The digits of an international card: a known issuer range and length, and a right Luhn digit. */
function validateCreditCard(match: string): Candidate | null {
  const digits = match.replace(/[ -]/g, '');
  if (digits.startsWith('62') || digits.startsWith('81')) return null;
  const range = iinRange(digits);
  if (!range || !luhnValid(digits)) return null;
  if (digits.length === 18 && isResidentId(digits)) return null;
  const confidence = range.contextOnly ? CONTEXT_ONLY : digits.length === match.length ? PLAIN : GROUPED;
  return { normalized: digits, confidence };
}

/** Sticky: tried only where a numeric run starts (see `numericMatches`). */
const CARD =
  /(?<![0-9A-Za-z])(?<![0-9][.-])(?:\d{4}([ -])\d{4}\1\d{4}\1\d{1,4}(?:\1\d{1,3})?|\d{4}([ -])\d{6}\2\d{4,5}|\d{12,19})(?![0-9A-Za-z]|[.-][0-9])/y;

/** A card number starts with its first digit, never a `+` or `(`. */
const STARTS = startsWithOneOf('0123456789');

/** Candidates, except bare digits labelled as an order, ticket or waybill number, which pass Luhn one time in ten. */
function scanCard(text: string): ScanMatch[] {
  return numericMatches(text, CARD, 12, STARTS).filter(
    (m) => /\D/.test(m[1]) || !labelledAs(text, m[0], REFERENCE_LABEL),
  );
}

/**
 * International payment card (Visa, Mastercard, Amex, Discover, JCB, Diners, Maestro, Mir…): 12–19 digits, bare
 * or grouped 4-4-4-4(-3), 4-6-5 or 4-6-4 with one kind of separator. Letters or digits touching it make it part
 * of an order or tracking code, and a digit after a dash or dot makes it part of a longer number.
 */
export const creditCard: Detector = {
  type: 'CREDIT_CARD',
  scan: scanCard,
  needs: ['digit'],
  minDigits: 12,
  validate: validateCreditCard,
  context: [
    '信用卡',
    '银行卡',
    '卡号',
    '卡號',
    '有效期',
    '安全码',
    'credit card',
    'card',
    'visa',
    'mastercard',
    'amex',
    'cvv',
    'expiry',
  ],
  mask: (f) => `${f.normalized.slice(0, 4)} **** **** ${f.normalized.slice(-4)}`,
  label: '[信用卡号]',
  sensitivity: 'L3',
  piplSensitive: true,
};
