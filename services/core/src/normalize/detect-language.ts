const HAN = /\p{Script=Han}/gu;
const LATIN = /\p{Script=Latin}/gu;

/** Coarse language tag for analysis and reports: `zh` when Han characters carry the text, else `en`/`und`. */
export function detectLanguage(text: string): 'zh' | 'en' | 'und' {
  const sample = text.slice(0, 4000);
  const han = sample.match(HAN)?.length ?? 0;
  const latin = sample.match(LATIN)?.length ?? 0;
  if (han === 0 && latin === 0) return 'und';
  // A Han character carries about as much as a Latin word, so weigh them accordingly.
  return han * 4 >= latin ? 'zh' : 'en';
}
