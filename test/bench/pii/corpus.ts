import { readdirSync, readFileSync } from 'node:fs';
import { PiiType } from '@custodian/schemas';
import type { CorpusSnippet } from '../../fixtures/pii-corpus/snippet';
import type { LabelledCase, Row } from './score-rows';

export const CORPUS_DIR = new URL('../../fixtures/pii-corpus/', import.meta.url);
/** Snippets written to the same conventions by authors who had not read the detectors: how the rules generalize. */
export const INDEPENDENT_CORPUS_DIR = new URL('../../fixtures/pii-corpus-independent/', import.meta.url);
/** Written the same way after the rules were last fitted on the independent corpus, and never fitted on: held out. */
export const HOLDOUT_CORPUS_DIR = new URL('../../fixtures/pii-corpus-holdout/', import.meta.url);
/** A second held-out set, written while rules were fitted on the first one, and never fitted on. */
export const HOLDOUT_2_CORPUS_DIR = new URL('../../fixtures/pii-corpus-holdout-2/', import.meta.url);
/** A third, written while rules were fitted on the second one, by an author who read neither detectors nor corpora. */
export const HOLDOUT_3_CORPUS_DIR = new URL('../../fixtures/pii-corpus-holdout-3/', import.meta.url);
/** A fourth, written while rules were fitted on the third one, by an author who read neither detectors nor corpora. */
export const HOLDOUT_4_CORPUS_DIR = new URL('../../fixtures/pii-corpus-holdout-4/', import.meta.url);

/** Every snippet of our annotated corpus (test/fixtures/pii-corpus/*.jsonl), in file order. */
export function loadCorpus(dir: URL = CORPUS_DIR): CorpusSnippet[] {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl'))
    .sort();
  return files.flatMap((f) =>
    readFileSync(new URL(f, dir), 'utf8')
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => JSON.parse(l) as CorpusSnippet),
  );
}

/** Our corpus is labelled exhaustively: a finding on no gold span of its type is a false positive. */
export function corpusCases(snippets: readonly CorpusSnippet[]): LabelledCase[] {
  return snippets.map((s) => ({ id: s.id, text: s.text, gold: s.entities, labelledFor: null, wholeString: false }));
}

/** The types the issue holds to F1 ≥ 0.97; every other claimed type must reach 0.9. */
export const SPINE_GOAL_TYPES: readonly PiiType[] = ['CN_RESIDENT_ID', 'CN_MOBILE', 'CN_USCC', 'EMAIL'];

const PHONES: PiiType[] = ['CN_MOBILE', 'CN_LANDLINE', 'PHONE'];
const CARDS: PiiType[] = ['CN_BANK_CARD', 'CREDIT_CARD'];

/** One strict row per PiiType, then the groups whose members are easily told apart only by policy (cards, phones). */
export const corpusRows: readonly Row[] = [
  ...PiiType.options.map((t) => ({
    label: t,
    gold: [t],
    accept: [t],
    goal: SPINE_GOAL_TYPES.includes(t) ? 0.97 : 0.9,
  })),
  { label: 'bank card (CN_BANK_CARD+CREDIT_CARD)', gold: CARDS, accept: CARDS, goal: 0.97 },
  { label: 'phone, any type (CN_MOBILE+CN_LANDLINE+PHONE)', gold: PHONES, accept: PHONES, goal: 0.9 },
];
