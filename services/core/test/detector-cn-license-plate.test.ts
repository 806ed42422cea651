import { describe, expect, it } from 'vitest';
import { detectorFor } from '../src/redact/catalogue';
import { detect } from '../src/redact/detect';

const plates = (text: string) => detect(text).filter((f) => f.type === 'CN_LICENSE_PLATE');

describe('mainland licence plate', () => {
  it.each([
    ['我的车牌号是沪A·12345，停在B2层', '沪A·12345', '沪A12345'],
    ['车牌 粤B 6X789 的车主请挪车', '粤B 6X789', '粤B6X789'],
    ['新能源车京AD12345今天限行吗', '京AD12345', '京AD12345'],
    ['大型新能源车苏E12345F', '苏E12345F', '苏E12345F'],
    ['教练车浙A1234学', '浙A1234学', '浙A1234学'],
    ['plate 川a88888', '川a88888', '川A88888'],
  ])('finds %s', (text, value, normalized) => {
    expect(plates(text)).toMatchObject([{ value, normalized }]);
  });

  it('is sure of it next to a context word, fairly sure without', () => {
    expect(plates('车牌沪A12345')[0]!.confidence).toBeGreaterThanOrEqual(0.9);
    const alone = plates('沪A12345停在门口')[0]!.confidence;
    expect(alone).toBeGreaterThanOrEqual(0.5);
    expect(alone).toBeLessThan(0.9);
  });

  it('ignores I and O, letter-heavy serials, other first characters and longer runs', () => {
    expect(plates('车牌沪I12345 沪O12345 沪AB12C3D')).toEqual([]);
    expect(plates('车牌沪AABCD1')).toEqual([]);
    expect(plates('上A12345 港A12345')).toEqual([]);
    expect(plates('车牌沪A123456789')).toEqual([]);
  });

  it('masks the middle of the serial', () => {
    expect(detectorFor('CN_LICENSE_PLATE').mask(plates('车牌沪A·12345')[0]!)).toBe('沪A***45');
    expect(detectorFor('CN_LICENSE_PLATE').mask(plates('车牌京AD12345')[0]!)).toBe('京A****45');
  });
});
