import { describe, expect, it } from 'vitest';
import { detectorFor } from '../src/redact/catalogue';
import { detect } from '../src/redact/detect';

const passports = (text: string) => detect(text).filter((f) => f.type === 'CN_PASSPORT');

describe('PRC passport number', () => {
  it.each([
    ['我的护照号是E12345678，下周出发', 'E12345678'],
    ['护照号码：G87654321', 'G87654321'],
    ['新版护照 EA1234567 已经寄出', 'EA1234567'],
    ['公务护照号SE1234567', 'SE1234567'],
    ['Passport No. e12345678', 'E12345678'],
  ])('finds %s with high confidence next to a context word', (text, normalized) => {
    const [f] = passports(text);
    expect(f).toMatchObject({ normalized });
    expect(f!.confidence).toBeGreaterThanOrEqual(0.9);
  });

  it('redacts an E-number without a context word at a confidence too low to count', () => {
    const [f] = passports('订单E12345678已发货，请注意查收');
    expect(f).toMatchObject({ value: 'E12345678' });
    expect(f!.confidence).toBeLessThan(0.5);
  });

  it('ignores the wrong letters, lengths and codes glued to letters or digits', () => {
    expect(passports('护照 A12345678')).toEqual([]);
    expect(passports('护照 E1234567')).toEqual([]);
    expect(passports('护照 E123456789')).toEqual([]);
    expect(passports('护照 EI1234567 EO1234567')).toEqual([]);
    expect(passports('护照 XE12345678 E12345678X')).toEqual([]);
  });

  it('masks all but the first letter and the last two digits', () => {
    const [f] = passports('护照E12345678');
    expect(detectorFor('CN_PASSPORT').mask(f!)).toBe('E******78');
  });
});
