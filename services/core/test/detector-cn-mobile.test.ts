import { Policy } from '@custodian/schemas';
import { describe, expect, it } from 'vitest';
import { detect } from '../src/redact/detect';
import { redactText } from '../src/redact/redact-text';

const types = (text: string) => detect(text).map((f) => [f.type, f.value]);
const mobiles = (text: string) =>
  detect(text)
    .filter((f) => f.type === 'CN_MOBILE')
    .map((f) => [f.value, f.normalized, f.confidence]);

describe('mainland mobile', () => {
  it.each([
    ['13812345678', '13812345678'],
    ['+8613812345678', '13812345678'],
    ['+86 138 1234 5678', '13812345678'],
    ['0086-139-1234-5678', '13912345678'],
    ['86 15012345678', '15012345678'],
    ['(+86)19912345678', '19912345678'],
    ['138-1234-5678', '13812345678'],
  ])('finds %s as %s', (written, national) => {
    expect(detect(`联系 ${written} 谢谢`)).toMatchObject([{ type: 'CN_MOBILE', value: written, normalized: national }]);
  });

  it('scores a number in a listed mobile block high, with or without a context word', () => {
    expect(mobiles('编号 13812345678')).toEqual([['13812345678', '13812345678', 0.9]]);
    expect(mobiles('手机 13812345678')).toEqual([['13812345678', '13812345678', 0.95]]);
  });

  it('rejects prefixes outside 1[3-9] (12x, 11x, 10x)', () => {
    expect(detect('电话12345678901')).toEqual([]);
    expect(detect('电话11012345678')).toEqual([]);
    expect(detect('电话10012345678')).toEqual([]);
  });

  it.each([
    ['a data-only SIM', '14812345678'],
    ['a data-only SIM', '14912345678'],
    ['a satellite phone', '17491234567'],
    ['an IoT or not yet listed block', '14012345678'],
    ['a block newer than the metadata', '16912345678'],
  ])('finds %s (%s), in a block libphonenumber does not list, at a lower confidence', (_what, digits) => {
    const [[, normalized, alone]] = mobiles(`编号 ${digits}`) as [[string, string, number]];
    expect(normalized).toBe(digits);
    expect(alone).toBeGreaterThanOrEqual(0.5);
    expect(alone).toBeLessThan(0.9);
    expect(mobiles(`手机号 ${digits}`)[0]![2]).toBeGreaterThanOrEqual(0.9);
  });

  it.each([
    ['+8692138389438', '92138389438'],
    ['008698099649964', '98099649964'],
    ['(+86) 921 3838 9438', '92138389438'],
    ['+86-521-3838-9438', '52138389438'],
  ])('finds %s, 11 digits after an explicit country code that are no landline, as %s', (written, national) => {
    const [f] = detect(`号码 ${written}`);
    expect(f).toMatchObject({ type: 'CN_MOBILE', value: written, normalized: national });
    expect(f!.confidence).toBeGreaterThanOrEqual(0.5);
    expect(f!.confidence).toBeLessThan(0.9);
  });

  it('leaves 11 digits after +86 that make a landline or a service number to CN_LANDLINE', () => {
    expect(types('+86 755 8123 4567')).toEqual([['CN_LANDLINE', '+86 755 8123 4567']]);
    expect(types('+86 95099649964').map(([t]) => t)).not.toContain('CN_MOBILE');
  });

  it('needs the + or 00 of an explicit country code for a number not starting with 1', () => {
    expect(mobiles('号码 92138389438 / 8692138389438 / 98199649964')).toEqual([]);
    expect(mobiles('+08613811211114 / +008613811211114 / 08613811211114')).toEqual([]);
    expect(mobiles('+86 02138389438')).toEqual([]);
  });

  it('rejects mixed separators that break the 3-4-4 grouping', () => {
    expect(detect('138 1234-5678')).toEqual([]);
    expect(detect('1381 234 5678')).toEqual([]);
    expect(detect('+86 921 3838-9438')).toEqual([]);
  });

  it('does not find a mobile inside longer digit runs, decimals, dashed chains or after a foreign +', () => {
    expect(detect('订单号 202403071381234567890')).toEqual([]);
    expect(detect('时间戳 1709800000000')).toEqual([]);
    expect(detect('3.13812345678 and 13812345678.5')).toEqual([]);
    expect(detect('SN 2024-13812345678')).toEqual([]);
    expect(detect('US +13812345678')).toEqual([]);
    expect(detect('订单号 201481234567890 / 3.14812345678 / SN 2024-14812345678')).toEqual([]);
    expect(mobiles('UK +44 92138389438')).toEqual([]);
  });

  it('finds a mobile glued to letters, as in Tel13812345678 or a WeChat id', () => {
    expect(types('Tel13812345678 / wxid13912345678a')).toEqual([
      ['CN_MOBILE', '13812345678'],
      ['CN_MOBILE', '13912345678'],
    ]);
  });

  it('masks the middle four digits of the national number, whatever block it is in', () => {
    const text = '手机 14812345678，+86 921 3838 9438';
    expect(redactText(text, detect(text), Policy.parse({}).operators, () => 'tok')).toBe(
      '手机 148****5678，921****9438',
    );
  });
});
