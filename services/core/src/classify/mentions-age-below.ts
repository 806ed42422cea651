const CHINESE_DIGITS: { readonly [c: string]: number } = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  兩: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/**
 * An age: `8岁`, `十二周岁`, `7 years old`, `7-year-old`, `aged 7`, with `未满/不满/under` before it meaning "below".
 * Not a range or bound (`3-6岁`, `3岁以上`): that is a product's age rating, not someone's age.
 */
const AGE =
  /(未满|未滿|不满|不滿|不到|未到|under )?(?<![\d\-~～至到])(\d{1,3}|[一二两兩三四五六七八九十]{1,3}) ?(?:周岁|週歲|岁|歲|years? old|-year-old)(?!以上|以下|及以上|及以下|\+|[-~～至到])|aged (\d{1,3})/g;

/** `十二` → 12, `八` → 8, `二十` → 20; NaN for what is no number. */
function chineseNumber(s: string): number {
  const ten = s.indexOf('十');
  if (ten < 0) return s.length === 1 ? (CHINESE_DIGITS[s] ?? Number.NaN) : Number.NaN;
  const tens = ten === 0 ? 1 : (CHINESE_DIGITS[s.slice(0, ten)] ?? Number.NaN);
  const ones = ten === s.length - 1 ? 0 : (CHINESE_DIGITS[s.slice(ten + 1)] ?? Number.NaN);
  return tens * 10 + ones;
}

/** Whether `hay` (width-folded, lower-cased) states someone's age below `limit` (`孩子8岁`, `未满14周岁`). */
export function mentionsAgeBelow(hay: string, limit: number): boolean {
  if (!hay.includes('岁') && !hay.includes('歲') && !hay.includes('year') && !hay.includes('aged')) return false;
  for (const m of hay.matchAll(AGE)) {
    const written = m[2] ?? m[3]!;
    const age = /\d/.test(written) ? Number(written) : chineseNumber(written);
    if (m[1] ? age <= limit : age < limit) return true;
  }
  return false;
}
