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
  return d.scan ? d.scan(folded, { names: [], has }) : [];
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

  it('needs an @ for an email, the one detector found by its pattern', () => {
    const email = catalogue.find((d) => d.type === 'EMAIL')!;
    expect([email.scan, email.needs]).toEqual([undefined, ['@']]);
    expect(texts.filter((t) => /[@＠]/.test(t)).length).toBeGreaterThan(10);
  });
});

describe('text features', () => {
  it('reads a full-width text as its folded form', () => {
    const read = readText('电话：１３８ Ｍａｉｌ＠');
    expect(read.folded).toBe('电话:138 Mail@');
    expect(read.digits).toBe(3);
    for (const f of ['digit', 'latin', 'han', '@', ':'] as const) expect(hasFeature(read.has, f)).toBe(true);
    expect(hasFeature(readText('abc').has, 'han')).toBe(false);
  });
});
