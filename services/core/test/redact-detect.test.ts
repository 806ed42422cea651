import { describe, expect, it } from 'vitest';
import { detect } from '../src/redact/detect';
import { foldWidth } from '../src/redact/fold-width';

// Resident IDs below carry check characters computed by GB 11643 (see residentIdCheckChar).
const ID = '110101199003077774';
const ID_LEAP = '440306199602291237';

const types = (text: string) => detect(text).map((f) => [f.type, f.value]);

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
