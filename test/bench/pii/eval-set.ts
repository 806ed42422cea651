import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { LabelledCase, Row } from './score-rows';

/** The shared development set: the repository is cloned next to `shared/` (see shared/eval/README.md). */
export const EVAL_SET_URL = new URL('../../../../shared/eval/pii-dev.jsonl', import.meta.url);

interface EvalLine {
  text: string;
  entities: { type: string; value: string; start: number; end: number }[];
  source_repo: string;
  label_origin: string;
  negative_for?: string[];
}

/**
 * The eval set as labelled cases, or null when the file is not there (a clone without `shared/`). Presidio
 * records label spans in running text for the one recognizer their test covers; validator.js and python-stdnum
 * records say whether the whole text is a valid value of one type. Either way a record speaks only about the
 * types it names, in `entities` or `negative_for`.
 */
export function loadEvalSet(url: URL = EVAL_SET_URL): LabelledCase[] | null {
  const path = fileURLToPath(url);
  if (!existsSync(path)) return null;
  const lines = readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim());
  return lines.map((line, i) => {
    const r = JSON.parse(line) as EvalLine;
    const types = new Set([...r.entities.map((e) => e.type), ...(r.negative_for ?? [])]);
    return {
      id: `${r.source_repo.split('/')[1]}:${i + 1}`,
      text: r.text,
      gold: r.entities.map((e) => ({ type: e.type, start: e.start, end: e.end, value: e.value })),
      labelledFor: types,
      wholeString: r.label_origin.startsWith('whole-string'),
    };
  });
}

const PHONES = ['PHONE', 'CN_MOBILE', 'CN_LANDLINE'];

/** Eval labels → our types, with the goals (F1 ≥ 0.97 on the spine types, ≥ 0.9 on every other claimed one). */
export const evalRows: readonly Row[] = [
  { label: 'CN_RESIDENT_ID', gold: ['CN_RESIDENT_ID'], accept: ['CN_RESIDENT_ID'], goal: 0.97 },
  { label: 'CN_MOBILE', gold: ['CN_MOBILE'], accept: ['CN_MOBILE'], goal: 0.97 },
  {
    label: 'PHONE',
    gold: ['PHONE', 'HK_MOBILE', 'MO_MOBILE', 'TW_MOBILE'],
    accept: PHONES,
    goal: 0.9,
    note: 'Presidio PHONE_NUMBER + validator.js HK/MO/TW mobiles; any of our phone types counts',
  },
  {
    label: 'bank card',
    gold: ['CREDIT_CARD'],
    accept: ['CREDIT_CARD', 'CN_BANK_CARD'],
    goal: 0.97,
    note: 'CREDIT_CARD labels; CN_BANK_CARD or CREDIT_CARD counts',
  },
  { label: 'IBAN', gold: ['IBAN'], accept: ['IBAN'], goal: 0.9 },
  { label: 'US_SSN', gold: ['US_SSN'], accept: ['US_SSN'], goal: 0.9 },
  { label: 'CN_USCC', gold: ['CN_USCC'], accept: ['CN_USCC'], goal: 0.97 },
  { label: 'CN_PASSPORT', gold: ['CN_PASSPORT'], accept: ['CN_PASSPORT'], goal: 0.9 },
  { label: 'HK_ID', gold: ['HK_ID'], accept: ['HK_ID'], goal: 0.9 },
  { label: 'TW_NATIONAL_ID', gold: ['TW_NATIONAL_ID'], accept: ['TW_NATIONAL_ID'], goal: 0.9 },
  { label: 'EMAIL', gold: ['EMAIL'], accept: ['EMAIL'], goal: 0.97 },
  { label: 'IP_ADDRESS', gold: ['IP_ADDRESS'], accept: ['IP_ADDRESS'], goal: 0.9 },
];

/** Labels of types we do not claim: shown with what our findings made of them, never judged against a goal. */
export const evalNotClaimedRows: readonly Row[] = [
  {
    label: 'PERSON_NAME',
    gold: ['PERSON_NAME'],
    accept: ['PERSON_NAME'],
    goal: null,
    note: 'Presidio\'s spaCy NER test: bare names ("Dan Tailor") need a model; ours come from cues and participants',
  },
  { label: 'URL', gold: ['URL'], accept: [], goal: null, note: 'plain URLs; we claim only URLs with credentials' },
  { label: 'MAC_ADDRESS', gold: ['MAC_ADDRESS'], accept: [], goal: null },
  { label: 'CRYPTO_WALLET', gold: ['CRYPTO_WALLET'], accept: [], goal: null },
  { label: 'CN_POSTAL_CODE', gold: ['CN_POSTAL_CODE'], accept: [], goal: null },
  { label: 'TW_POSTAL_CODE', gold: ['TW_POSTAL_CODE'], accept: [], goal: null },
];
