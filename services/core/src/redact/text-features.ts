/**
 * Characters a detector cannot do without: `detect` looks once at a text for each, and skips a detector whose
 * needs are absent without calling it (most turns of a conversation hold no digit and no `@`).
 * `digit` an ASCII digit, `latin` an ASCII letter, `han` a CJK ideograph (U+3400–U+9FFF), `@` and `:` themselves.
 */
export type TextFeature = 'digit' | 'latin' | 'han' | '@' | ':';

const BITS: { readonly [F in TextFeature]: number } = { digit: 1, latin: 2, han: 4, '@': 8, ':': 16 };

/** The features of a (width-folded) text as bits, in one pass over it. */
export function textFeatures(text: string): number {
  let has = 0;
  const length = text.length; // read once: a loop that re-reads it can compile to far slower code
  for (let i = 0; i < length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) {
      if (c >= 48 && c <= 57) has |= 1;
      else if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) has |= 2;
      else if (c === 64) has |= 8;
      else if (c === 58) has |= 16;
    } else if (c >= 0x3400 && c <= 0x9fff) has |= 4;
  }
  return has;
}

/** The bits of a detector's needs, for `(needs & ~textFeatures(text)) === 0`. */
export function featureBits(needs: readonly TextFeature[] | undefined): number {
  let bits = 0;
  for (const f of needs ?? []) bits |= BITS[f];
  return bits;
}
