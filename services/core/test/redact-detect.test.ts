import { describe, expect, it } from 'vitest';
import { detect } from '../src/redact/detect';
import { residentIdCheckChar } from '../src/redact/detectors/cn-resident-id';
import { foldWidth } from '../src/redact/fold-width';

// Resident IDs below carry check characters computed by GB 11643 (see residentIdCheckChar).
const ID = '110101199003077774';
const ID_LEAP = '440306199602291237';
const ID_X = '42010619771103456X';
const ID_FOREIGN = '911011198501010014';

const types = (text: string) => detect(text).map((f) => [f.type, f.value]);

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

describe('email', () => {
  it('finds an address and lower-cases it', () => {
    expect(detect('Mail Zhang.San+cs@Example.COM now')).toMatchObject([
      { type: 'EMAIL', value: 'Zhang.San+cs@Example.COM', normalized: 'zhang.san+cs@example.com' },
    ]);
  });

  it('does not eat trailing Chinese punctuation or prose', () => {
    expect(types('请发到zhangsan@example.com。')).toEqual([['EMAIL', 'zhangsan@example.com']]);
    expect(types('邮箱：li@example.com.cn，谢谢')).toEqual([['EMAIL', 'li@example.com.cn']]);
    expect(types('发到a@b.com请回复')).toEqual([['EMAIL', 'a@b.com']]);
    expect(types('see a@b.com.')).toEqual([['EMAIL', 'a@b.com']]);
  });

  it('stops at Han characters glued to an ASCII local part', () => {
    expect(types('张三zhangsan@example.com')).toEqual([['EMAIL', 'zhangsan@example.com']]);
  });

  it('keeps an apostrophe inside a local part but not punctuation before it', () => {
    expect(types("mail o'brien@example.ie or name=john@example.com")).toEqual([
      ['EMAIL', "o'brien@example.ie"],
      ['EMAIL', 'john@example.com'],
    ]);
  });

  it('finds IDN domains and Unicode local parts', () => {
    expect(types('联系 admin@中文.中国。')).toEqual([['EMAIL', 'admin@中文.中国']]);
    expect(types('联系：张三@例子.公司')).toEqual([['EMAIL', '张三@例子.公司']]);
    expect(types('write to josé@bücher.de')).toEqual([['EMAIL', 'josé@bücher.de']]);
  });

  it('normalizes a punycode domain to Unicode so both spellings give one token', () => {
    expect(detect('a@xn--fiq228c.xn--fiqs8s')[0]?.normalized).toBe('a@中文.中国');
  });

  it('ignores things that only look like addresses', () => {
    expect(detect('@张三 你好')).toEqual([]);
    expect(detect('user@localhost and a@b')).toEqual([]);
    expect(detect('price 5@3.5')).toEqual([]);
  });

  it('wins over a phone number used as its local part', () => {
    expect(types('邮箱 13812345678@163.com')).toEqual([['EMAIL', '13812345678@163.com']]);
  });

  it('stays fast on a long run of characters that is no address', () => {
    const blob = `${'a'.repeat(200_000)}@${'b'.repeat(200_000)}`;
    expect(detect(blob)).toEqual([]);
  });
});

describe('full-width text', () => {
  it('folds full-width ASCII and the ideographic space one unit for one', () => {
    const wide = 'Ａ＠ｂ．ｃｏｍ　１３８';
    expect(foldWidth(wide)).toBe('A@b.com 138');
    expect(foldWidth(wide)).toHaveLength(wide.length);
  });

  it('finds full-width identifiers with offsets true on the original text', () => {
    const text =
      '客户手机：１３８１２３４５６７８，邮箱ＺＨＡＮＧ＠ｅｘａｍｐｌｅ．ｃｏｍ，身份证１１０１０１１９９００３０７７７７４。';
    const found = detect(text);
    expect(found.map((f) => [f.type, f.normalized])).toEqual([
      ['CN_MOBILE', '13812345678'],
      ['EMAIL', 'zhang@example.com'],
      ['CN_RESIDENT_ID', ID],
    ]);
    for (const f of found) expect(text.slice(f.start, f.end)).toBe(f.value);
    expect(found[0]!.value).toBe('１３８１２３４５６７８');
  });

  it('finds a mobile grouped with ideographic spaces', () => {
    expect(detect('手机 １３８　１２３４　５６７８')).toMatchObject([{ normalized: '13812345678' }]);
  });
});

describe('overlaps and negatives', () => {
  it('returns findings sorted by start and never overlapping', () => {
    const text = `a@b.com ${ID} 13812345678 ${ID_LEAP}@qq.com 15012345678`;
    const found = detect(text);
    for (let i = 1; i < found.length; i++) expect(found[i]!.start).toBeGreaterThanOrEqual(found[i - 1]!.end);
    expect(found.map((f) => f.type)).toEqual(['EMAIL', 'CN_RESIDENT_ID', 'CN_MOBILE', 'EMAIL', 'CN_MOBILE']);
  });

  it('breaks a confidence tie by the longer span', () => {
    // An ID next to its context word scores as high as an email; the address is the longer reading.
    expect(types(`身份证 ${ID}@qq.com`)).toEqual([['EMAIL', `${ID}@qq.com`]]);
  });

  it('is deterministic for the same text', () => {
    const text = `身份证${ID}，邮箱${ID_LEAP}@qq.com，手机＋８６１３８１２３４５６７８`;
    expect(detect(text)).toEqual(detect(text));
  });

  it('finds nothing in order numbers, timestamps and bank-card-like runs', () => {
    const text = '订单号：2024030712345678 时间 2024-03-07 12:34:56 / 1709800000 6222021234567890123 金额 ¥1380.00';
    expect(detect(text)).toEqual([]);
  });

  it('returns nothing for empty text', () => {
    expect(detect('')).toEqual([]);
  });
});
