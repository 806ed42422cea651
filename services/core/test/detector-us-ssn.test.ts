import { Policy } from '@custodian/schemas';
import { describe, expect, it } from 'vitest';
import { classify } from '../src/classify/classify';
import { detect } from '../src/redact/detect';
import { detectInRecord } from '../src/redact/record-findings';
import { redactText } from '../src/redact/redact-text';
import { chatRecord } from './support-chat-record';

const ssns = (text: string) =>
  detect(text)
    .filter((f) => f.type === 'US_SSN')
    .map((f) => [f.value, f.normalized]);

describe('US SSN detector', () => {
  it('finds dashed, spaced and dotted numbers without a context word', () => {
    expect(ssns('Her number is 536-22-1234, his 536 22 1235 and 536.22.1236.')).toEqual([
      ['536-22-1234', '536221234'],
      ['536 22 1235', '536221235'],
      ['536.22.1236', '536221236'],
    ]);
  });

  it('finds nine bare digits and the 3-6 / 5-4 shapes in Chinese text only next to a context word', () => {
    expect(ssns('单号 536221234，邮编 53622-1234')).toEqual([]);
    expect(ssns('QQ号是536221234\nsent from my phone')).toEqual([]);
    expect(ssns('SSN: 536221234')).toEqual([['536221234', '536221234']]);
    expect(ssns('美国社会安全号 536-221234')).toEqual([['536-221234', '536221234']]);
    expect(ssns('social security 53622-1234')).toEqual([['53622-1234', '536221234']]);
  });

  it('reports the weak shapes in text without Chinese at a confidence below the policy minimum', () => {
    const found = detect('Numbers on file: 536221234, 536-221234 and 53622-1234.');
    expect(found.map((f) => [f.type, f.value])).toEqual([
      ['US_SSN', '536221234'],
      ['US_SSN', '536-221234'],
      ['US_SSN', '53622-1234'],
    ]);
    for (const f of found) expect(f.confidence).toBeLessThan(Policy.parse({}).classification.minConfidence);
    for (const f of found) expect(f.confidence).toBeGreaterThan(0);
  });

  it("redacts a weak shape in English text without raising the record's sensitivity or PII types", () => {
    const record = chatRecord('Please check 536221234 for me.');
    const findings = detectInRecord(record);
    expect(findings.all.map((f) => f.type)).toEqual(['US_SSN']);
    expect(classify(record, findings, Policy.parse({})).classification).toMatchObject({
      piiTypes: [],
      sensitivity: 'L1',
    });
  });

  it('raises a weak shape in text without Chinese next to a context word', () => {
    expect(detect('SSN 536221234')[0]!.confidence).toBeGreaterThanOrEqual(0.8);
  });

  it('leaves a weak shape to a context word when a Han character is on its line or near it', () => {
    expect(ssns('Order placed. 客户编号 536221234')).toEqual([]);
    expect(ssns('账户\n536221234')).toEqual([]);
    expect(ssns('客户留言如下\nplease call back, ref code below\n\nthe number is 536221234')).toEqual([
      ['536221234', '536221234'],
    ]);
  });

  it('does not read order, ticket or ZIP+4 numbers in English text as SSNs', () => {
    expect(ssns('Order 536221234 / ticket #536-221234 / invoice no. 536221235')).toEqual([]);
    expect(ssns('Ship to 1 Main St, New York, NY 10001-2345')).toEqual([]);
  });

  it('still rejects the weak shapes the SSA never assigns in text without Chinese', () => {
    expect(ssns('078051120 / 000000000 / 666123456 / 912345678 / 536001234 / 536220000 / 0780511201')).toEqual([]);
  });

  it('scores a dashed number high next to a context word', () => {
    const [f] = detect('SSN 536-22-1234');
    expect(f!.confidence).toBeGreaterThanOrEqual(0.9);
  });

  it.each([
    ['area 000', '000-22-1234'],
    ['area 666', '666-22-1234'],
    ['area 9xx', '912-22-1234'],
    ['group 00', '536-00-1234'],
    ['serial 0000', '536-22-0000'],
    ['one digit repeated', '555-55-5555'],
    ['the Woolworth wallet card', '078-05-1120'],
    ['a counting sample', '123-45-6789'],
  ])('rejects %s even next to a context word', (_why, ssn) => {
    expect(ssns(`SSN ${ssn}`)).toEqual([]);
  });

  it('rejects mixed separators and longer digit chains', () => {
    expect(ssns('SSN 536-22.1234 / 536-22-12345 / 1536-22-1234 / 536-22-1234-5')).toEqual([]);
  });

  it('finds full-width digits with true offsets', () => {
    const text = 'SSN：５３６－２２－１２３４。';
    const [f] = detect(text);
    expect(f).toMatchObject({ type: 'US_SSN', normalized: '536221234', value: '５３６－２２－１２３４' });
  });

  it('masks all but the last four digits', () => {
    const text = 'SSN 536-22-1234.';
    expect(redactText(text, detect(text), Policy.parse({}).operators, () => 'tok')).toBe('SSN ***-**-1234.');
  });
});
