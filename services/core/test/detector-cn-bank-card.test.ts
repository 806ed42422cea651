import { Policy } from '@custodian/schemas';
import { describe, expect, it } from 'vitest';
import { detect } from '../src/redact/detect';
import { redactText } from '../src/redact/redact-text';

// Check digits computed with luhnValid; *_BAD differ only in the last digit.
const UP16 = '6222021234567894';
const UP19 = '6217000012345678907';
const UP19_BAD = '6217000012345678900';
const UP81 = '8171999900000000';
const GANSU_ID = '620102199003070069'; // a valid resident ID that also passes Luhn

const types = (text: string) => detect(text).map((f) => [f.type, f.value]);

describe('mainland bank card detector', () => {
  it('finds a Luhn-valid UnionPay number alone, bare or grouped', () => {
    expect(detect(`退款到 ${UP16} 了吗`)).toMatchObject([{ type: 'CN_BANK_CARD', normalized: UP16 }]);
    const [f] = detect('refund to 6217 0000 1234 5678 907 please');
    expect(f).toMatchObject({ type: 'CN_BANK_CARD', value: '6217 0000 1234 5678 907', normalized: UP19 });
    expect(f!.confidence).toBeGreaterThanOrEqual(0.9);
  });

  it('keeps a UnionPay number without a Luhn digit when it is grouped or next to a context word', () => {
    const grouped = '6217-0000-1234-5678-900';
    expect(detect(`编号 ${grouped}`)).toMatchObject([{ type: 'CN_BANK_CARD', normalized: UP19_BAD }]);
    const [withWord] = detect(`我的银行卡号是${UP19_BAD}，开户行工商银行`);
    expect(withWord).toMatchObject({ type: 'CN_BANK_CARD', normalized: UP19_BAD });
    expect(withWord!.confidence).toBeGreaterThanOrEqual(0.8);
  });

  it('ignores bare 62… digits without a Luhn digit or a context word', () => {
    expect(detect(`流水号 ${UP19_BAD}`)).toEqual([]);
  });

  it('accepts the 81 range only with a right Luhn digit', () => {
    expect(detect(`card ${UP81}`)).toMatchObject([{ type: 'CN_BANK_CARD', normalized: UP81 }]);
    expect(detect('银行卡 8171999900000001')).toEqual([]);
  });

  it('does not take an 18-digit resident ID for a bank card', () => {
    expect(types(`身份证 ${GANSU_ID}`)).toEqual([['CN_RESIDENT_ID', GANSU_ID]]);
    expect(types(`卡号 ${GANSU_ID}`)).toEqual([['CN_RESIDENT_ID', GANSU_ID]]);
  });

  it('is not also reported as a credit card or a phone', () => {
    expect(types(`卡号 ${UP16}，6222 0212 3456 7894`)).toEqual([
      ['CN_BANK_CARD', UP16],
      ['CN_BANK_CARD', '6222 0212 3456 7894'],
    ]);
  });

  it('rejects wrong lengths, mixed separators and numbers glued to letters or digits', () => {
    const text = `卡号 622202123456789 / 62220212345678901234 / 6222 0212-3456 7894 / NO${UP16} / ${UP16}A / 1${UP16}`;
    expect(detect(text).filter((f) => f.type === 'CN_BANK_CARD')).toEqual([]);
  });

  it('finds full-width digits with true offsets', () => {
    const text = '卡号：６２２２０２１２３４５６７８９４。';
    const [f] = detect(text);
    expect(f).toMatchObject({ type: 'CN_BANK_CARD', normalized: UP16, value: '６２２２０２１２３４５６７８９４' });
  });

  it('masks all but the first and last four digits and labels it as a bank card', () => {
    const text = `卡号${UP19}。`;
    const found = detect(text);
    expect(redactText(text, found, Policy.parse({}).operators, () => 'tok')).toBe('卡号6217 **** **** 8907。');
    const labels = Policy.parse({ operators: { CN_BANK_CARD: 'label' } }).operators;
    expect(redactText(text, found, labels, () => 'tok')).toBe('卡号[银行卡号]。');
  });
});
