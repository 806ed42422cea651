import { Policy } from '@custodian/schemas';
import { describe, expect, it } from 'vitest';
import { luhnValid } from '../src/redact/checksums/luhn-valid';
import { detect } from '../src/redact/detect';
import { redactText } from '../src/redact/redact-text';

const cards = (text: string) =>
  detect(text)
    .filter((f) => f.type === 'CREDIT_CARD')
    .map((f) => f.normalized);

describe('Luhn check', () => {
  it('accepts numbers whose check digit is right and rejects any other last digit', () => {
    expect(luhnValid('4111222233334448')).toBe(true);
    expect(luhnValid('4111222233334449')).toBe(false);
    expect(luhnValid('79927398713')).toBe(true);
    expect(luhnValid('')).toBe(false);
    expect(luhnValid('4111-2222')).toBe(false);
  });
});

describe('credit card detector', () => {
  it.each([
    ['Visa', '4111222233334448'],
    ['Visa 19', '4532123456789012345'],
    ['Mastercard', '5425233430109903'],
    ['Mastercard 2-series', '2223000012345671'],
    ['Amex', '378282246310005'],
    ['JCB', '3530111333300000'],
    ['Diners', '30569309025904'],
    ['Discover', '6011000999900016'],
    ['Maestro', '6759649826438453'],
  ])('finds a %s number', (_scheme, number) => {
    expect(cards(`my card is ${number}, thanks`)).toEqual([number]);
  });

  it('finds numbers grouped 4-4-4-4 with spaces or dashes, and Amex grouped 4-6-5', () => {
    expect(cards('信用卡 4111 2222 3333 4448，备用 5425-2334-3010-9903，运通 3782 822463 10005')).toEqual([
      '4111222233334448',
      '5425233430109903',
      '378282246310005',
    ]);
  });

  it('scores grouped numbers above bare ones, and both high next to a context word', () => {
    const [bare] = detect('pay with 4111222233334448');
    const [grouped] = detect('pay with 4111 2222 3333 4448');
    const [withWord] = detect('credit card 4111222233334448');
    expect(bare!.confidence).toBeLessThan(grouped!.confidence);
    expect(withWord!.confidence).toBeGreaterThanOrEqual(0.95);
  });

  it('rejects a wrong Luhn digit, unknown issuer ranges and lengths the scheme does not issue', () => {
    const text = '4111222233334449 / 2220000012345670 / 2721000012345674 / 411122223333444 / 34343434343434';
    expect(cards(`credit card ${text}`)).toEqual([]);
  });

  it('accepts a UATP number only next to a context word', () => {
    expect(cards('ref 122000000000003')).toEqual([]);
    expect(cards('credit card: 122000000000003')).toEqual(['122000000000003']);
  });

  it('does not fire on order numbers, tracking codes, timestamps or longer digit runs', () => {
    const text =
      '订单号 411122223333444812 / 运单 SF4111222233334448 / ts 1709800000000 / 4111222233334448-01 / 0.4111222233334448';
    expect(cards(text)).toEqual([]);
  });

  it('ignores bare digits labelled as an order or waybill number, but not a grouped card', () => {
    expect(cards('订单号：4111222233334448 / order no. 5425233430109903 / ref 2223000012345671')).toEqual([]);
    expect(cards('order 4111 2222 3333 4448')).toEqual(['4111222233334448']);
    // Booking with a card is no booking number: only `预订号`, `booking no.` label one.
    expect(cards('预订：4111222233334448')).toEqual(['4111222233334448']);
    expect(cards('预订号 4111222233334448')).toEqual([]);
  });

  it('does not take an 18-digit resident ID for a card', () => {
    expect(detect('ID 650102199003070355').map((f) => f.type)).toEqual(['CN_RESIDENT_ID']);
  });

  it('is not also reported as a phone', () => {
    expect(detect('电话 4111 2222 3333 4448').map((f) => f.type)).toEqual(['CREDIT_CARD']);
  });

  it('finds full-width digits with true offsets', () => {
    const text = '信用卡：４１１１　２２２２　３３３３　４４４８。';
    const [f] = detect(text);
    expect(f).toMatchObject({ type: 'CREDIT_CARD', normalized: '4111222233334448' });
    expect(text.slice(f!.start, f!.end)).toBe('４１１１　２２２２　３３３３　４４４８');
  });

  it('masks all but the first and last four digits', () => {
    const text = 'Visa 4111 2222 3333 4448 exp 12/27';
    expect(redactText(text, detect(text), Policy.parse({}).operators, () => 'tok')).toBe(
      'Visa 4111 **** **** 4448 exp 12/27',
    );
  });
});
