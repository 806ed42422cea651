/**
 * Search terms for text that mixes Chinese and Latin scripts, matching Elasticsearch's `cjk` analyzer:
 * runs of Han/Kana/Hangul become overlapping bigrams (a lone character stays a unigram), other words
 * are lower-cased. Used for PostgreSQL full-text on both documents and queries so `退款` finds `申请退款`.
 */
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const TOKEN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]+|[\p{L}\p{N}]+/gu;

export function cjkTerms(text: string): string[] {
  const out: string[] = [];
  for (const m of text.normalize('NFKC').matchAll(TOKEN)) {
    const run = m[0];
    if (!CJK.test(run)) {
      out.push(run.toLowerCase());
      continue;
    }
    const chars = Array.from(run);
    if (chars.length === 1) out.push(run);
    for (let i = 0; i + 1 < chars.length; i++) out.push(`${chars[i]}${chars[i + 1]}`);
  }
  return out;
}
