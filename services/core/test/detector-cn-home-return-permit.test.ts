import { describe, expect, it } from 'vitest';
import { detectorFor } from '../src/redact/catalogue';
import { detect } from '../src/redact/detect';

const permits = (text: string) => detect(text).filter((f) => f.type === 'CN_HOME_RETURN_PERMIT');

describe('Home-Return Permit (港澳居民来往内地通行证)', () => {
  it('finds the card number, Hong Kong and Macau, next to a context word with high confidence', () => {
    const [f] = permits('我用回乡证H12345678办理的入住');
    expect(f).toMatchObject({ normalized: 'H12345678' });
    expect(f!.confidence).toBeGreaterThanOrEqual(0.9);
    expect(permits('港澳居民来往内地通行证：M87654321')).toMatchObject([{ normalized: 'M87654321' }]);
  });

  it('finds the old booklet number with its two issue digits', () => {
    expect(permits('回鄉證號碼 H1234567801')).toMatchObject([{ normalized: 'H1234567801' }]);
  });

  it('redacts an H-number without context at a confidence too low to count', () => {
    expect(permits('型号H12345678')[0]!.confidence).toBeLessThan(0.5);
  });

  it('ignores a drug, device or filing approval number introduced by its label', () => {
    expect(permits('批准文号国药准字H20240315，规格 0.25g×24片')).toEqual([]);
    expect(permits('国药准字 H12345678 / 国藥準字H12345678')).toEqual([]);
    expect(permits('批准文号：H12345678；注册证号 M12345678；备案号:H87654321')).toEqual([]);
  });

  it('takes a letter and a date for a permit only next to a context word', () => {
    expect(permits('生产批次 H20240315，包装 M19991231')).toEqual([]);
    const [f] = permits('回乡证 H20240315');
    expect(f).toMatchObject({ normalized: 'H20240315' });
    expect(f!.confidence).toBeGreaterThanOrEqual(0.9);
  });

  it('still redacts a number whose digits are no date without context', () => {
    expect(permits('编号 H20241399 / H20243215')).toHaveLength(2);
  });

  it('ignores other letters and lengths', () => {
    expect(permits('回乡证 K12345678')).toEqual([]);
    expect(permits('回乡证 H1234567')).toEqual([]);
    expect(permits('回乡证 H123456789')).toEqual([]);
  });

  it('masks all but the letter and the last two digits', () => {
    const [f] = permits('回乡证H12345678');
    expect(detectorFor('CN_HOME_RETURN_PERMIT').mask(f!)).toBe('H******78');
  });
});
