import { Policy } from '@custodian/schemas';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { describe, expect, it } from 'vitest';
import { detect } from '../src/redact/detect';
import { numberingPlan, regionsSharingCallingCode } from '../src/redact/numbering-plan';
import { detectInRecord } from '../src/redact/record-findings';
import { redactText } from '../src/redact/redact-text';
import { chatRecord } from './support-chat-record';

const phones = (text: string, phoneRegions?: string[]) =>
  detect(text, { phoneRegions })
    .filter((f) => f.type === 'PHONE')
    .map((f) => [f.value, f.normalized]);

describe('numbering plan', () => {
  it('gives the same validity and type as libphonenumber', () => {
    const cases: [string, string][] = [
      ['CN', '1062345678'],
      ['CN', '4008201234'],
      ['CN', '13812345678'],
      ['HK', '91234567'],
      ['HK', '20240307'],
      ['MO', '66123456'],
      ['MO', '61234567'],
      ['TW', '912345678'],
      ['US', '4155550132'],
      ['GB', '7400123456'],
      ['GB', '2071234567'],
      ['SG', '81234567'],
    ];
    for (const [region, nsn] of cases) {
      const lib = parsePhoneNumberFromString(nsn, region as 'CN');
      const expected = lib?.isValid() ? lib.getType() : undefined;
      expect([region, nsn, numberingPlan(region)!.typeOf(nsn)]).toEqual([region, nsn, expected]);
    }
  });

  it('knows no plan for a region libphonenumber does not know', () => {
    expect(numberingPlan('ZZ')).toBeNull();
  });

  it('lists the regions that share a country code, the given one first', () => {
    expect(regionsSharingCallingCode('GB').slice(0, 1)).toEqual(['GB']);
    expect(regionsSharingCallingCode('GB')).toEqual(expect.arrayContaining(['GG', 'JE', 'IM']));
    expect(regionsSharingCallingCode('HK')).toEqual(['HK']);
  });
});

describe('phone detector', () => {
  it.each([
    ['+852 9123 4567', '+85291234567'],
    ['+852-9123-4567', '+85291234567'],
    ['(+852) 6123 4567', '+85261234567'],
    ['00852 9123 4567', '+85291234567'],
    ['+853 6612 3456', '+85366123456'],
    ['+886 912 345 678', '+886912345678'],
    ['+1 415 555 0132', '+14155550132'],
    ['+44 (20) 7123 4567', '+442071234567'],
    ['+33 1 42 68 53 00', '+33142685300'],
  ])('finds the international number %s in Chinese text', (written, e164) => {
    expect(phones(`客户留的号码是${written}，请回电`)).toEqual([[written, e164]]);
  });

  it.each([
    ['9123 4567', '+85291234567'],
    ['91234567', '+85291234567'],
    ['0912 345 678', '+886912345678'],
    ['0912345678', '+886912345678'],
    ['(415) 555-0132', '+14155550132'],
    ['415.555.0132', '+14155550132'],
    ['07400 123456', '+447400123456'],
    ['0161 496 0123', '+441614960123'],
  ])('finds the national number %s of a default region', (written, e164) => {
    expect(phones(`call me at ${written} tomorrow`)).toEqual([[written, e164]]);
  });

  it('reads a national number as a mobile where one region has it as a mobile and another as something else', () => {
    expect(phones('call 07911 123456')).toEqual([['07911 123456', '+447911123456']]);
    expect(phones('call 8123 4567')).toEqual([['8123 4567', '+6581234567']]);
  });

  it('reads a national number in the first of the regions that has it', () => {
    expect(phones('WhatsApp 6123 4567')).toEqual([['6123 4567', '+85261234567']]);
    expect(phones('WhatsApp 6612 3456', ['MO', 'HK'])).toEqual([['6612 3456', '+85366123456']]);
  });

  it('looks for national numbers only in the regions it is given', () => {
    expect(phones('call 9123 4567', ['US'])).toEqual([]);
    expect(phones('call +852 9123 4567', ['US'])).toEqual([['+852 9123 4567', '+85291234567']]);
  });

  it('takes the regions of a record from the options of detectInRecord', () => {
    const record = chatRecord('', { subject: 'call 9123 4567', turns: [], language: 'en' });
    expect(detectInRecord(record).subject.map((f) => f.normalized)).toEqual(['+85291234567']);
    expect(detectInRecord(record, { phoneRegions: ['US'] }).subject).toEqual([]);
  });

  it('does not read a mainland mobile after a stray + as a North American number', () => {
    expect(phones('US +13812345678')).toEqual([]);
  });

  it('takes an unallocated Macau mobile block only next to a context word', () => {
    expect(phones('+853 6123 4567')[0]?.[1]).toBe('+85361234567');
    expect(phones('编号 853-61234567')).toEqual([]);
    expect(phones('电话 853-61234567')).toEqual([['853-61234567', '+85361234567']]);
  });

  it('trusts bare national fixed lines only next to a context word', () => {
    expect(phones('ref 4155550132')).toEqual([]);
    expect(phones('phone 4155550132')).toEqual([['4155550132', '+14155550132']]);
  });

  it('never reports a mainland number, which CN_MOBILE and CN_LANDLINE own', () => {
    const text = '手机 138 1234 5678，+86 139 1234 5678，座机 010-62345678，热线 400-820-1234，电话12345678901';
    expect(phones(text)).toEqual([]);
    expect(detect(text).map((f) => f.type)).toEqual(['CN_MOBILE', 'CN_MOBILE', 'CN_LANDLINE', 'CN_LANDLINE']);
  });

  it('finds full-width digits with true offsets', () => {
    const text = '香港电话：＋８５２　９１２３　４５６７。';
    const [f] = detect(text);
    expect(f).toMatchObject({ type: 'PHONE', normalized: '+85291234567' });
    expect(text.slice(f!.start, f!.end)).toBe('＋８５２　９１２３　４５６７');
  });

  it('finds nothing in dates, times, amounts, versions, IPs or order numbers', () => {
    const text =
      '日期 2024-03-07 12:34:56，20240307，07.03.2024，金额 12345.67，版本 1.2.3.4.5，IP 192.168.100.200，订单号 2024030712345678';
    expect(phones(text)).toEqual([]);
  });

  it('ignores national numbers labelled as an order, ticket or waybill number, or glued to a code', () => {
    expect(phones('ticket 4471-2290, order no. 9123 4567, 运单号：6123 4567, 工单 WO-240315-0421')).toEqual([]);
    expect(phones('order from +852 9123 4567')).toEqual([['+852 9123 4567', '+85291234567']]);
    expect(phones('Booking confirmation 71048265, 預訂號 91234567, 統一編號 24536806')).toEqual([]);
  });

  it('finds a Taiwan mobile grouped 4-3-3, which no mainland number is', () => {
    expect(phones('聯絡電話：0936-952-257')).toEqual([['0936-952-257', '+886936952257']]);
  });

  it('does not read a card number or a resident ID as a phone', () => {
    expect(phones('4111 1111 1111 1111 / 6222 0212 3456 7890 123 / 110101199003077774')).toEqual([]);
  });

  it('masks all but the country code and the last four digits', () => {
    const text = 'HK +852 9123 4567.';
    expect(redactText(text, detect(text), Policy.parse({}).operators, () => 'tok')).toBe('HK +852 ****4567.');
  });
});
