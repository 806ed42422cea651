import { describe, expect, it } from 'vitest';
import { detectorFor } from '../src/redact/catalogue';
import { detect } from '../src/redact/detect';

const moIds = (text: string) => detect(text).filter((f) => f.type === 'MO_ID');

describe('Macau resident identity card number', () => {
  it('finds a bracketed ID next to a Macau context word with high confidence', () => {
    const [f] = moIds('我是澳门居民，身份证号1234567(8)');
    expect(f).toMatchObject({ value: '1234567(8)', normalized: '12345678' });
    expect(f!.confidence).toBeGreaterThanOrEqual(0.9);
    expect(moIds('BIR 5123456(0)')).toMatchObject([{ normalized: '51234560' }]);
  });

  it('redacts a bracketed number elsewhere at low confidence, and bare digits not at all', () => {
    expect(moIds('编号7123456(1)')[0]!.confidence).toBeLessThan(0.5);
    expect(moIds('订单号12345678')).toEqual([]);
  });

  it('takes eight bare digits only after a Macau context word, at medium confidence', () => {
    const [f] = moIds('澳門身份證 71234561');
    expect(f!.confidence).toBeGreaterThanOrEqual(0.5);
    expect(f!.confidence).toBeLessThan(0.9);
  });

  it('ignores other leading digits', () => {
    expect(moIds('澳门身份证 3123456(7)')).toEqual([]);
  });

  it('masks the middle six digits', () => {
    const [f] = moIds('澳门身份证 1234567(8)');
    expect(detectorFor('MO_ID').mask(f!)).toBe('1******(8)');
  });
});
