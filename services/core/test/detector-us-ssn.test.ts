import { Policy } from '@custodian/schemas';
import { describe, expect, it } from 'vitest';
import { detect } from '../src/redact/detect';
import { redactText } from '../src/redact/redact-text';

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

  it('finds nine bare digits and the 3-6 / 5-4 shapes only next to a context word', () => {
    expect(ssns('单号 536221234，邮编 53622-1234')).toEqual([]);
    expect(ssns('SSN: 536221234')).toEqual([['536221234', '536221234']]);
    expect(ssns('美国社会安全号 536-221234')).toEqual([['536-221234', '536221234']]);
    expect(ssns('social security 53622-1234')).toEqual([['53622-1234', '536221234']]);
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
