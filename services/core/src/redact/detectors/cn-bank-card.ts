import { isResidentId } from '../checksums/is-resident-id';
import { luhnValid } from '../checksums/luhn-valid';
import type { Candidate, Detector } from '../finding';
import { numericMatches, startsWithOneOf } from '../numeric-matches';

/** A UnionPay number with a right Luhn digit: the prefix, length and check all agree. */
const LUHN = [0.9, 0.97] as const;
/** Many UnionPay debit cards carry no Luhn digit; written in groups of four it still reads as a card. */
const GROUPED = [0.6, 0.9] as const;
/** 16–19 bare digits after 62 without a Luhn digit: only a word like 卡号 makes it a card. */
const PLAIN = [0, 0.85] as const;

/** The digits of a UnionPay card; null when neither the check digit nor the way it is written makes it one. */
function validateBankCard(match: string): Candidate | null {
  const digits = match.replace(/[ -]/g, '');
  if (digits.length < 16 || digits.length > 19) return null;
  if (digits.length === 18 && isResidentId(digits)) return null; // 62…: Gansu; 81…: Hong Kong residence permits
  if (luhnValid(digits)) return { normalized: digits, confidence: LUHN };
  // The 81 range is newer and shared with residence-permit numbers: it must carry its check digit.
  if (digits.startsWith('81')) return null;
  return { normalized: digits, confidence: digits.length === match.length ? PLAIN : GROUPED };
}

/** Sticky: tried only where a numeric run starts (see `numericMatches`). */
const BANK_CARD =
  /(?<![0-9A-Za-z])(?<![0-9][.-])(?:(?:62|81)\d{2}([ -])\d{4}\1\d{4}\1\d{4}(?:\1\d{1,3})?|(?:62|81)\d{14,17})(?![0-9A-Za-z]|[.-][0-9])/y;

/** The first character of `62…` or `81…`. */
const STARTS = startsWithOneOf('68');

/**
 * Mainland bank card (UnionPay, 银联): 62 or 81 and 16–19 digits in all, bare or in groups of four joined by
 * one kind of separator (`6222 0212 3456 7890 123`). Luhn is not reliable for UnionPay, so a failed check
 * lowers the confidence instead of rejecting; letters or digits touching it make it part of another code.
 */
export const cnBankCard: Detector = {
  type: 'CN_BANK_CARD',
  scan: (text) => numericMatches(text, BANK_CARD, 16, STARTS),
  needs: ['digit'],
  minDigits: 16,
  validate: validateBankCard,
  context: [
    '银行卡',
    '銀行卡',
    '卡号',
    '卡號',
    '账号',
    '帳號',
    '帐号',
    '账户',
    '帳戶',
    '开户行',
    '开户银行',
    '借记卡',
    '储蓄卡',
    '信用卡',
    '银联',
    '转账',
    '汇款',
    'card',
    'account',
    'UnionPay',
    'debit',
  ],
  mask: (f) => `${f.normalized.slice(0, 4)} **** **** ${f.normalized.slice(-4)}`,
  label: '[银行卡号]',
  sensitivity: 'L3',
  piplSensitive: true,
};
