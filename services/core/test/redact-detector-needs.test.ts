import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { catalogue } from '../src/redact/catalogue';
import type { Detector, ScanMatch } from '../src/redact/finding';
import { hasFeature, readText, type TextFeature } from '../src/redact/text-features';

const CORPUS = new URL('../../../test/fixtures/pii-corpus/', import.meta.url);

/** The annotated corpus, each snippet also written in full-width characters (the form detectors must fold). */
const texts = readdirSync(CORPUS)
  .filter((f) => f.endsWith('.jsonl'))
  .flatMap((f) => readFileSync(new URL(f, CORPUS), 'utf8').split('\n'))
  .filter((l) => l.trim())
  .map((l) => (JSON.parse(l) as { text: string }).text)
  .flatMap((t) => [t, t.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0))]);

/** Characters of each feature, to take out of a text. */
const FEATURE_CHARS: { readonly [F in TextFeature]: RegExp } = {
  digit: /[0-9０-９]/g,
  latin: /[A-Za-zＡ-Ｚａ-ｚ]/g,
  han: /[\u3400-\u9fff]/g,
  '@': /[@＠]/g,
  ':': /[:：]/g,
};

const scanned = (d: Detector, text: string): readonly ScanMatch[] => {
  const { folded, has } = readText(text);
  return d.scan(folded, { names: [], has });
};

// detect skips a detector on a text without what it needs, so a detector that could match there would lose findings.
describe('detector needs', () => {
  it('finds nothing in a text without a character it needs', () => {
    let tried = 0;
    for (const d of catalogue) {
      for (const feature of d.needs ?? []) {
        for (const text of texts) {
          const without = text.replace(FEATURE_CHARS[feature], ' ');
          expect([d.type, feature, without, scanned(d, without)]).toEqual([d.type, feature, without, []]);
          tried++;
        }
      }
    }
    expect(tried).toBeGreaterThan(1000);
  });

  it('finds no match with fewer digits than it says a match holds', () => {
    let checked = 0;
    for (const d of catalogue) {
      if (!d.minDigits) continue;
      for (const text of texts) {
        for (const [, match] of scanned(d, text)) {
          expect([d.type, match, readText(match).digits >= d.minDigits]).toEqual([d.type, match, true]);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(200);
  });

  it('needs an @ for an email', () => {
    const email = catalogue.find((d) => d.type === 'EMAIL')!;
    expect(email.needs).toEqual(['@']);
    expect(texts.filter((t) => /[@＠]/.test(t)).length).toBeGreaterThan(10);
  });
});

describe('text features', () => {
  it('folds full-width ASCII and wide spaces one unit for one, and keeps everything else as written', () => {
    const text = '手机：１３８\u30001234\u00a05678，Ｅｍａｉｌ＠例子。\ud800x';
    const read = readText(text);
    expect(read.folded).toBe('手机:138 1234 5678,Email@例子。\ud800x');
    expect(read.folded).toHaveLength(text.length);
    expect(read.digits).toBe(11);
    expect(read.digitRuns).toEqual([3, 6, 7, 11, 12, 16]);
    for (const f of ['digit', 'latin', 'han', '@', ':'] as const) expect(hasFeature(read.has, f)).toBe(true);
  });

  it('returns the text itself when nothing needs folding', () => {
    const text = '您好 hello 123';
    expect(readText(text).folded).toBe(text);
    expect(hasFeature(readText(text).has, '@')).toBe(false);
    expect(hasFeature(readText('abc').has, 'han')).toBe(false);
  });
});
