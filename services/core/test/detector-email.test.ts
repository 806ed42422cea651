import { describe, expect, it } from 'vitest';
import { detect } from '../src/redact/detect';
import { email, normalizeEmailAddress } from '../src/redact/detectors/email';

const emails = (text: string) =>
  detect(text)
    .filter((f) => f.type === 'EMAIL')
    .map((f) => f.value);

describe('email detector', () => {
  it('finds plain addresses in Chinese and English running text', () => {
    expect(emails('客户邮箱：wang.fang-2024@mail.example.cn，请尽快回复')).toEqual(['wang.fang-2024@mail.example.cn']);
    expect(emails("Please cc support_team+cn@help.example.org and o'neil@example.ie.")).toEqual([
      'support_team+cn@help.example.org',
      "o'neil@example.ie",
    ]);
    expect(emails('两个地址：chen_li@example.com.hk、13900001111@189.cn。')).toEqual([
      'chen_li@example.com.hk',
      '13900001111@189.cn',
    ]);
  });

  it('keeps RFC 5322 atext characters inside a local part', () => {
    expect(emails('回复到 ops|billing@example.org 即可')).toEqual(['ops|billing@example.org']);
    expect(emails('write to team!ops@corp.example.net, x~y@example.io or in{box}7@example.com')).toEqual([
      'team!ops@corp.example.net',
      'x~y@example.io',
      'in{box}7@example.com',
    ]);
    expect(emails('order#42*gift@shop.example.com')).toEqual(['order#42*gift@shop.example.com']);
  });

  it('leaves table bars, Markdown and punctuation around an address out of it', () => {
    expect(emails('价格|联系 tom@example.com')).toEqual(['tom@example.com']);
    expect(emails('价格|联系tom@example.com')).toEqual(['tom@example.com']);
    expect(emails('| 王五 |wang5@example.com|')).toEqual(['wang5@example.com']);
    expect(emails('请用 **tom@example.com** 或 `ann@example.com` 登录')).toEqual([
      'tom@example.com',
      'ann@example.com',
    ]);
    expect(emails('(tom@example.com)、[ann@example.com]、<li@example.com>')).toEqual([
      'tom@example.com',
      'ann@example.com',
      'li@example.com',
    ]);
    expect(emails('邮箱:tom@example.com，谢谢')).toEqual(['tom@example.com']);
  });

  it('treats / = ? & as URL and query delimiters, not address characters', () => {
    expect(emails('https://crm.example.com/find?user=tom@example.com&page=2')).toEqual(['tom@example.com']);
    expect(emails('path/to/ann@example.com')).toEqual(['ann@example.com']);
  });

  it('does not end an atom with atext, so templates and stray symbols are no address', () => {
    expect(emails('模板 {name}@example.com 与 tom|@example.com')).toEqual([]);
    expect(emails('tom*.lee@example.com')).toEqual(['lee@example.com']);
  });

  it('finds quoted local parts, with spaces, escapes and Unicode inside the quotes', () => {
    expect(emails('写信到 "li wei"@example.com 即可')).toEqual(['"li wei"@example.com']);
    expect(emails('to "sales\\@hq"@example.com and "a\\"b"@example.com')).toEqual([
      '"sales\\@hq"@example.com',
      '"a\\"b"@example.com',
    ]);
    expect(emails('收件人 "张 三"@例子.中国。')).toEqual(['"张 三"@例子.中国']);
    expect(detect('"Li Wei"@Example.com')[0]?.normalized).toBe('"li wei"@example.com');
  });

  it('rejects quoted local parts that are unpaired, escaped shut, blank, broken by a line or too long', () => {
    expect(emails('"li\\"@example.com')).toEqual([]);
    expect(emails('"   "@example.com')).toEqual([]);
    expect(emails('"li\nwei"@example.com')).toEqual([]);
    expect(emails(`"${'q'.repeat(63)}"@example.com`)).toEqual([]);
    expect(emails(`"${'q'.repeat(62)}"@example.com`)).toHaveLength(1);
    // An opening quote alone is prose punctuation: the address after it is still found.
    expect(emails('He wrote "wei@example.com and left')).toEqual(['wei@example.com']);
  });

  it('finds an IDN domain whose first label mixes Han with Latin letters', () => {
    expect(emails('info@shop东方.com')).toEqual(['info@shop东方.com']);
    expect(emails('联系 admin@博客blog.cn，谢谢')).toEqual(['admin@博客blog.cn']);
    expect(detect('Info@Shop东方.COM')[0]?.normalized).toBe('info@shop东方.com');
  });

  it('does not let Chinese prose after the TLD run on into a mixed label', () => {
    expect(emails('发到a@b.com和c.com都行')).toEqual(['a@b.com']);
    expect(emails('请发tom@example.com或者www.example.cn')).toEqual(['tom@example.com']);
  });

  it('finds Unicode local parts and domains of other scripts and CJK TLDs', () => {
    expect(emails('пишите: почта@пример.рф')).toEqual(['почта@пример.рф']);
    expect(emails('联系王芳@例子.公司谢谢')).toEqual(['联系王芳@例子.公司']);
    expect(emails('mail ana.núñez@correo.es')).toEqual(['ana.núñez@correo.es']);
  });

  it('finds full-width addresses with offsets true on the original text', () => {
    const text = '邮箱ＬＩ．ＷＥＩ＠ｅｘａｍｐｌｅ．ｃｏｍ，谢谢';
    const [found] = detect(text);
    expect(found).toMatchObject({
      type: 'EMAIL',
      value: 'ＬＩ．ＷＥＩ＠ｅｘａｍｐｌｅ．ｃｏｍ',
      normalized: 'li.wei@example.com',
    });
    expect(text.slice(found!.start, found!.end)).toBe(found!.value);
  });

  it('never takes consecutive dots, a trailing dot or a dot-led local part', () => {
    expect(emails('li..wei@example.com')).toEqual(['wei@example.com']);
    expect(emails('wei.@example.com')).toEqual([]);
    expect(emails('.wei@example.com')).toEqual(['wei@example.com']);
    expect(emails('wei@example..com')).toEqual([]);
    expect(emails('see wei@example.com.')).toEqual(['wei@example.com']);
  });

  it('rejects domain labels that start with _ or a hyphen, or run past 63 characters', () => {
    expect(emails('wei@_mail.example.com')).toEqual([]);
    expect(emails('wei@-mail.example.com')).toEqual([]);
    expect(emails('wei@mail-.example.com')).toEqual([]);
    expect(emails(`wei@${'d'.repeat(64)}.com`)).toEqual([]);
    expect(emails(`wei@${'d'.repeat(63)}.com`)).toHaveLength(1);
    expect(emails(`wei@${`${'d'.repeat(60)}.`.repeat(5)}com`)).toEqual([]); // a domain over 253 characters
  });

  it('takes at most 64 characters of a local part', () => {
    const [found] = emails(`${'l'.repeat(70)}@example.com`);
    expect(found).toBe(`${'l'.repeat(64)}@example.com`);
  });

  it('splits at a no-break space and stops at lone surrogates', () => {
    expect(emails('li\u00a0wei@example.com')).toEqual(['wei@example.com']);
    expect(emails('\udc00@example.com')).toEqual([]);
    expect(emails('\ud83dli@example.com')).toEqual(['li@example.com']);
    expect(emails('li@exa\ud800mple.com')).toEqual([]);
  });

  it('ignores @-mentions, hosts without a TLD and numbers', () => {
    expect(emails('@王芳 请看一下，user@localhost，5@3.5，v1.2@beta')).toEqual([]);
  });

  it('masks all of the local part but its first character', () => {
    const [found] = detect('联系 wang.fang@example.com');
    expect(email.mask(found!)).toBe('w***@example.com');
  });

  it('stays linear on long runs of address characters, quotes and backslashes', () => {
    const blobs = [
      `${'a.'.repeat(100_000)}@${'b.'.repeat(100_000)}`,
      `${'"@'.repeat(100_000)}x.com`,
      `${'\\'.repeat(100_000)}"${'"a"@b'.repeat(20_000)}`,
      `${'中'.repeat(100_000)}@${'中'.repeat(100_000)}`,
      'x@y.'.repeat(50_000),
    ];
    const t0 = performance.now();
    for (const blob of blobs) email.scan!(blob, { names: [], has: 0 });
    expect(performance.now() - t0).toBeLessThan(5_000);
  });
});

describe('normalizeEmailAddress', () => {
  it('lower-cases, trims and writes a punycode domain in Unicode', () => {
    expect(normalizeEmailAddress('Wang.Fang@Example.COM')).toBe('wang.fang@example.com');
    expect(normalizeEmailAddress('  Wang@Example.com ')).toBe('wang@example.com');
    expect(normalizeEmailAddress('wang@XN--fiqs8s')).toBe('wang@中国');
    expect(normalizeEmailAddress('wang@例子.xn--fiqs8s')).toBe('wang@例子.中国');
    expect(normalizeEmailAddress('Cafe\u0301@example.com')).toBe('café@example.com');
  });
});
