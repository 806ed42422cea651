import { describe, expect, it } from 'vitest';
import { detectorFor } from '../src/redact/catalogue';
import { detect } from '../src/redact/detect';
import { isValidTwNationalId } from '../src/redact/detectors/tw-national-id';

const twIds = (text: string) => detect(text).filter((f) => f.type === 'TW_NATIONAL_ID');

describe('Taiwan national identification number', () => {
  it('checks the weighted mod-10 sum with the letter table (I, O, W, X, Y, Z out of order)', () => {
    expect(isValidTwNationalId('A123456789')).toBe(true);
    expect(isValidTwNationalId('A800000014')).toBe(true);
    expect(isValidTwNationalId('Y200000002')).toBe(true);
    expect(isValidTwNationalId('A123456788')).toBe(false);
  });

  it('finds a valid ID next to a context word with high confidence, the new resident format too', () => {
    expect(twIds('我的身分證字號是A123456789，謝謝')).toMatchObject([{ normalized: 'A123456789' }]);
    expect(twIds('身分證 A123456789')[0]!.confidence).toBeGreaterThanOrEqual(0.95);
    expect(twIds('居留證號碼 A800000014')).toMatchObject([{ normalized: 'A800000014' }]);
    expect(twIds('ID: b198765436')).toMatchObject([{ value: 'b198765436', normalized: 'B198765436' }]);
  });

  it('redacts a valid ID without context at a confidence too low to count', () => {
    expect(twIds('单号 Z123456780')[0]!.confidence).toBeLessThan(0.5);
  });

  it('drops a bad check digit unless a context word is near', () => {
    expect(twIds('单号 A123456788')).toEqual([]);
    expect(twIds('身分證 A123456788')[0]!.confidence).toBeLessThan(0.9);
  });

  it('ignores a second digit other than 1, 2, 8 or 9 and longer runs', () => {
    expect(twIds('身分證 A323456789')).toEqual([]);
    expect(twIds('身分證 A1234567890')).toEqual([]);
    expect(twIds('身分證 BA123456789')).toEqual([]);
  });

  it('masks the middle seven digits', () => {
    const [f] = twIds('身分證 A123456789');
    expect(detectorFor('TW_NATIONAL_ID').mask(f!)).toBe('A*******89');
  });
});
