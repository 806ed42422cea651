import { describe, expect, it } from 'vitest';
import { hasChineseWords, isChineseWord, isChineseWordAt } from '../src/redact/chinese-words';
import { GIVEN_NAME_CHARS } from '../src/redact/given-name-chars';

describe('chinese words', () => {
  it('asks the dictionary Node ships with ICU', () => {
    expect(hasChineseWords).toBe(true);
  });

  it.each(['方便', '付款', '支付', '周末', '明天', '建国', '餘額'])('knows %s as a word', (word) => {
    expect(isChineseWord(word)).toBe(true);
  });

  it.each(['孙睿', '志辉', '丽娟', '睿跟', '张卡'])('knows %s as no word', (word) => {
    expect(isChineseWord(word)).toBe(false);
  });

  it('answers the same the second time, from what it remembers', () => {
    expect([isChineseWord('高兴'), isChineseWord('高兴')]).toEqual([true, true]);
  });
});

describe('given-name characters', () => {
  it.each([...'伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞睿琳輝偉'])('holds %s, common in given names', (ch) => {
    expect(GIVEN_NAME_CHARS.includes(ch)).toBe(true);
  });

  it.each([...'尔斯克程数余额卡的了语'])('does not hold %s, of transliterations and words', (ch) => {
    expect(GIVEN_NAME_CHARS.includes(ch)).toBe(false);
  });
});

describe('chinese words at a place in a text', () => {
  it('answers for the two characters at the place as for the word itself, Han or not', () => {
    const text = '我们周末去方便的地方 ok';
    expect([
      isChineseWordAt(text, 2),
      isChineseWordAt(text, 5),
      isChineseWordAt(text, 3),
      isChineseWordAt(text, 10),
    ]).toEqual([true, true, false, false]);
  });
});
