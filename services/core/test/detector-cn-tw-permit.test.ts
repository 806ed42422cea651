import { describe, expect, it } from 'vitest';
import { detectorFor } from '../src/redact/catalogue';
import { detect } from '../src/redact/detect';

const permits = (text: string) => detect(text).filter((f) => f.type === 'CN_TW_PERMIT');

describe('Taiwan Compatriot Permit (台湾居民来往大陆通行证)', () => {
  it('finds the 8-digit card number next to a context word', () => {
    const [f] = permits('我的台胞证号码是87654321，请帮我查一下');
    expect(f).toMatchObject({ normalized: '87654321' });
    expect(f!.confidence).toBeGreaterThanOrEqual(0.9);
    expect(permits('臺胞證：07654321')).toMatchObject([{ normalized: '07654321' }]);
  });

  it('finds the old booklet number of ten digits and a letter', () => {
    expect(permits('台胞證 0123456789(B)')).toMatchObject([{ normalized: '0123456789B' }]);
  });

  it('finds nothing in eight digits without a context word', () => {
    expect(permits('订单号87654321已经发货')).toEqual([]);
    expect(permits('金额 87654321 元')).toEqual([]);
  });

  it('ignores longer digit runs next to the context word', () => {
    expect(permits('台胞证 876543210')).toEqual([]);
  });

  it('masks the middle digits', () => {
    const [f] = permits('台胞证87654321');
    expect(detectorFor('CN_TW_PERMIT').mask(f!)).toBe('8*****21');
  });
});
