import { describe, expect, it } from 'vitest';
import { detectorFor } from '../src/redact/catalogue';
import { detect } from '../src/redact/detect';
import { hkIdCheckChar } from '../src/redact/detectors/hk-id';

const hkIds = (text: string) => detect(text).filter((f) => f.type === 'HK_ID');

describe('Hong Kong identity card number', () => {
  it('computes the mod-11 check character for one- and two-letter prefixes, A for ten', () => {
    expect(hkIdCheckChar('A123456')).toBe('3');
    expect(hkIdCheckChar('AB987654')).toBe('3');
    expect(hkIdCheckChar('X000009')).toBe('A');
  });

  it('finds an ID written with its check digit in brackets, full-width brackets too', () => {
    expect(hkIds('香港身份证号码A123456(3)，请核对')).toMatchObject([{ value: 'A123456(3)', normalized: 'A1234563' }]);
    expect(hkIds('HKID: AB987654（3）')).toMatchObject([{ value: 'AB987654（3）', normalized: 'AB9876543' }]);
    expect(hkIds('身份證 X000009(A)')).toMatchObject([{ normalized: 'X000009A' }]);
  });

  it('is sure of it only next to a context word', () => {
    expect(hkIds('身份证 A123456(3)')[0]!.confidence).toBeGreaterThanOrEqual(0.95);
    expect(hkIds('编号 A123456(3)')[0]!.confidence).toBeLessThan(0.9);
    expect(hkIds('编号 A1234563')[0]!.confidence).toBeLessThan(0.5);
  });

  it('keeps a bad check digit only next to a context word', () => {
    expect(hkIds('编号 A123456(4)')).toEqual([]);
    const [f] = hkIds('香港身份证 A123456(4)');
    expect(f!.confidence).toBeGreaterThanOrEqual(0.5);
    expect(f!.confidence).toBeLessThan(0.9);
  });

  it('reads square brackets and lower-case letters too', () => {
    expect(hkIds('HKID A123456[3]')).toMatchObject([{ value: 'A123456[3]', normalized: 'A1234563' }]);
    expect(hkIds('身份证 a123456(3)')).toMatchObject([{ value: 'a123456(3)', normalized: 'A1234563' }]);
  });

  it('ignores longer runs', () => {
    expect(hkIds('身份证 ABC123456(3)')).toEqual([]);
    expect(hkIds('身份证 A1234567(3)')).toEqual([]);
  });

  it('masks the digits and keeps the prefix and check character', () => {
    const [f] = hkIds('身份证 A123456(3)');
    expect(detectorFor('HK_ID').mask(f!)).toBe('A******(3)');
  });
});
