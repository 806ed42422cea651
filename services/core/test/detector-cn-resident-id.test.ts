import { describe, expect, it } from 'vitest';
import { detect } from '../src/redact/detect';
import { residentIdCheckChar } from '../src/redact/detectors/cn-resident-id';

// Resident IDs below carry check characters computed by GB 11643 (see residentIdCheckChar).
const ID = '110101199003077774';
const ID_LEAP = '440306199602291237';
const ID_X = '42010619771103456X';
const ID_FOREIGN = '911011198501010014';

describe('mainland resident ID', () => {
  it('computes the GB 11643 check character, X included', () => {
    expect(residentIdCheckChar(ID)).toBe('4');
    expect(residentIdCheckChar(ID_X)).toBe('X');
  });

  it('finds a valid ID in Chinese running text with its true offsets', () => {
    const text = `我的身份证号是${ID}，手机13812345678`;
    const [id, mobile] = detect(text);
    expect(id).toMatchObject({ type: 'CN_RESIDENT_ID', start: 7, end: 25, value: ID, normalized: ID });
    expect(id!.confidence).toBeGreaterThanOrEqual(0.95);
    expect(mobile).toMatchObject({ type: 'CN_MOBILE', start: 28, end: 39, normalized: '13812345678' });
    expect(text.slice(mobile!.start, mobile!.end)).toBe('13812345678');
  });

  it('finds a valid ID without any context word', () => {
    expect(detect(`ref ${ID_LEAP} ok`)).toMatchObject([{ type: 'CN_RESIDENT_ID', normalized: ID_LEAP }]);
  });

  it('accepts a lower-case x check character and normalizes it to upper case', () => {
    const lower = ID_X.toLowerCase();
    expect(detect(`证件号码:${lower}`)).toMatchObject([{ value: lower, normalized: ID_X }]);
  });

  it('accepts 29 February only in leap years', () => {
    expect(detect(`id ${ID_LEAP}`)).toHaveLength(1); // 1996
    expect(detect('id 330102200002294569')).toHaveLength(1); // 2000, divisible by 400
    expect(detect('身份证 110101190002291233')).toEqual([]); // 1900 is not a leap year
    expect(detect('身份证 440306200102291236')).toEqual([]); // 2001
  });

  it('rejects 18-digit strings with an impossible date even next to a context word', () => {
    expect(detect('身份证号 110101199902301231')).toEqual([]); // 30 February
    expect(detect('身份证号 110101199013071237')).toEqual([]); // month 13
  });

  it('rejects a region prefix that is no province', () => {
    expect(detect('身份证号 990101199003071237')).toEqual([]);
    expect(detect(`身份证号 0${ID.slice(1)}`)).toEqual([]);
  });

  it('finds the 9-prefixed foreign permanent-resident ID', () => {
    expect(detect(`永久居留身份证 ${ID_FOREIGN}`)).toMatchObject([{ type: 'CN_RESIDENT_ID', normalized: ID_FOREIGN }]);
  });

  it('keeps a bad check digit next to a context word as a medium-confidence finding', () => {
    const bad = `${ID.slice(0, 17)}7`;
    const [f] = detect(`身份证号：${bad}`);
    expect(f).toMatchObject({ type: 'CN_RESIDENT_ID', normalized: bad });
    expect(f!.confidence).toBeGreaterThanOrEqual(0.5);
    expect(f!.confidence).toBeLessThan(0.9);
    expect(detect(`ID card ${bad}`)).toHaveLength(1);
  });

  it('ignores a bad check digit with no context word nearby', () => {
    expect(detect(`编号 ${ID.slice(0, 17)}7`)).toEqual([]);
  });

  it('does not take ID inside an English word for a context word', () => {
    expect(detect(`valid ${ID.slice(0, 17)}7`)).toEqual([]);
  });

  it('trusts a 15-digit legacy ID highly only next to a context word', () => {
    const [withWord] = detect('旧身份证 110101900307777');
    const [alone] = detect('编号 110101900307777');
    expect(withWord).toMatchObject({ type: 'CN_RESIDENT_ID', normalized: '110101900307777' });
    expect(withWord!.confidence).toBeGreaterThanOrEqual(0.8);
    expect(alone!.confidence).toBeLessThan(0.5);
  });

  it('finds an ID grouped 6-8-4 with spaces', () => {
    expect(detect('身份证 110101 19900307 7774')).toMatchObject([{ value: '110101 19900307 7774', normalized: ID }]);
  });

  it('does not find an ID inside a longer digit run', () => {
    expect(detect(`9${ID}`)).toEqual([]);
    expect(detect(`${ID}1`)).toEqual([]);
  });
});
