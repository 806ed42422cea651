/**
 * `npm run bench`, detection quality: precision, recall and F1 of `detect` per PII type on the shared eval set
 * (../shared/eval/pii-dev.jsonl, labels from Presidio's, validator.js's and python-stdnum's tests) and on our
 * own annotated corpus (test/fixtures/pii-corpus). A report, not a gate: the exit code is 0 whatever the
 * numbers; rows under the issue's goals are marked BELOW GOAL. Eval labels that contradict the issue are
 * "disputed" (see `DISPUTES`): left out of the table, listed, and scored as labelled on a line of their own.
 *
 *   --verbose            list the first false negatives and positives of every type
 *   --examples=N         how many of each (default 5)
 *   --min-confidence=X   count only findings at or above X (default 0: everything `detect` returns is redacted)
 */
import { detect } from '@custodian/core';
import {
  CORPUS_DIR,
  corpusCases,
  corpusRows,
  HOLDOUT_2_CORPUS_DIR,
  HOLDOUT_3_CORPUS_DIR,
  HOLDOUT_4_CORPUS_DIR,
  HOLDOUT_CORPUS_DIR,
  INDEPENDENT_CORPUS_DIR,
  loadCorpus,
} from './pii/corpus';
import { EVAL_SET_URL, evalNotClaimedRows, evalRows, loadEvalSet } from './pii/eval-set';
import { belowGoal, formatReport } from './pii/format-report';
import { type LabelledCase, metrics, type RowScore, type Span, scoreRows, unscoredFindings } from './pii/score-rows';

function flag(name: string): string | undefined {
  const arg = process.argv.find((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  return arg === undefined ? undefined : (arg.split('=')[1] ?? '');
}

const verbose = flag('verbose') !== undefined;
const examples = Number(flag('examples') ?? 5);
const minConfidence = Number(flag('min-confidence') ?? 0);
const out = (s = '') => process.stdout.write(`${s}\n`);

function findAll(cases: readonly LabelledCase[]): Map<string, Span[]> {
  const found = new Map<string, Span[]>();
  for (const c of cases) {
    const spans = detect(c.text)
      .filter((f) => f.confidence >= minConfidence)
      .map((f) => ({ type: f.type, start: f.start, end: f.end, value: f.value }));
    found.set(c.id, spans);
  }
  return found;
}

/** Full-width ASCII and the ideographic space as ASCII, as the issue asks detectors to read text. */
const foldWidth = (text: string) =>
  text.replace(/[\uff01-\uff5e\u3000]/g, (c) => (c === '\u3000' ? ' ' : String.fromCharCode(c.charCodeAt(0) - 0xfee0)));

/** One type's rule: why a whole-string "not a T" names a value the issue requires T to find, or null. */
type Dispute = (text: string) => string | null;

const MOBILE_FORMAT = /^(?:\+86|0086)?1[3-9]\d{9}$/;
const PLAIN_ADDRESS = /^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$/;

/**
 * Disputed labels: a validator test's whole-string negative is disputed when, with full-width ASCII folded and
 * the separators the issue allows for its type removed, it is a value that type's positive format accepts. The
 * issue requires mainland mobiles "+86/0086, spaces/dashes" and folding full-width ASCII before matching, so
 * `+86-13838389438` and `somename@ｇｍａｉｌ.com` are found on purpose, whatever validator.js says of them.
 */
const DISPUTES: ReadonlyMap<string, Dispute> = new Map<string, Dispute>([
  [
    'CN_MOBILE',
    (text) => {
      const bare = foldWidth(text).replace(/[ -]/g, '');
      return MOBILE_FORMAT.test(bare) ? `without spaces and dashes it is ${bare}, a mobile the issue requires` : null;
    },
  ],
  [
    'EMAIL',
    (text) => {
      const folded = foldWidth(text);
      return folded !== text && PLAIN_ADDRESS.test(folded) ? `width-folded it is the plain address ${folded}` : null;
    },
  ],
]);

interface Disputed {
  id: string;
  type: string;
  text: string;
  reason: string;
}

/** The disputed labels of whole-string negatives, and the cases without them (a case left with no type is dropped). */
function withoutDisputed(cases: readonly LabelledCase[]): { scored: LabelledCase[]; disputed: Disputed[] } {
  const scored: LabelledCase[] = [];
  const disputed: Disputed[] = [];
  for (const c of cases) {
    if (!c.wholeString || c.gold.length > 0 || c.labelledFor === null) {
      scored.push(c);
      continue;
    }
    const kept = new Set<string>();
    for (const type of c.labelledFor) {
      const reason = DISPUTES.get(type)?.(c.text);
      if (reason) disputed.push({ id: c.id, type, text: c.text, reason });
      else kept.add(type);
    }
    if (kept.size === c.labelledFor.size) scored.push(c);
    else if (kept.size > 0) scored.push({ ...c, labelledFor: kept });
  }
  return { scored, disputed };
}

const f1Of = (s: RowScore) => {
  const m = metrics(s);
  const n = (x: number | null) => (x === null ? '—' : x.toFixed(3));
  return `F1 ${n(m.f1)} (precision ${n(m.precision)}, recall ${n(m.recall)}, FP ${s.pred - s.predHit}, FN ${s.gold - s.goldHit})`;
};

function evalSection(): RowScore[] {
  const all = loadEvalSet();
  out('━━ Shared eval set: shared/eval/pii-dev.jsonl');
  if (!all) {
    out(`   not found at ${EVAL_SET_URL.pathname.split('/').slice(-3).join('/')} next to the repository: skipped.`);
    out('   (Clone the repository next to the `shared/` folder to evaluate on it.)');
    return [];
  }
  const { scored: cases, disputed } = withoutDisputed(all);
  const bySource = new Map<string, number>();
  for (const c of all) bySource.set(c.id.split(':')[0]!, (bySource.get(c.id.split(':')[0]!) ?? 0) + 1);
  out(
    `   ${all.length} records (${[...bySource].map(([s, n]) => `${s} ${n}`).join(', ')}). Presidio records are scored span by span;`,
  );
  out('   validator.js / python-stdnum records say whether the whole text is a valid value of one type. A record is');
  out('   scored only for the types it names; a finding of another type counts against us only on a gold span.');
  out('   On a whole-string negative ("not a T"), a finding of T is wrong only when it covers the whole text.');
  out('   A negative is disputed, and not scored, when folded and without the separators the issue allows for T it');
  out("   is a value of T's positive format (the issue requires +86/0086 with spaces/dashes, full-width folding).");
  out();
  const found = findAll(all);
  const rows = [...evalRows, ...evalNotClaimedRows];
  const scores = scoreRows(cases, found, rows);
  const claimed = scores.slice(0, evalRows.length);
  out(formatReport(claimed, { verbose, examples }));
  out('   Not claimed (labels of types we do not detect, or that need a model):');
  out(formatReport(scores.slice(evalRows.length), { verbose, examples }));
  const unscored = unscoredFindings(cases, found, rows);
  if (unscored.size > 0) {
    const list = [...unscored].map(([t, n]) => `${t} ×${n}`).join(', ');
    out(`   Findings on records not labelled for their type, on no gold span (not scored): ${list}`);
  }
  const partial = claimed.filter((s) => s.partial > 0).map((s) => `${s.row.label} ×${s.partial}`);
  if (partial.length > 0) {
    out(`   Findings inside a whole-string negative, not covering it (not scored): ${partial.join(', ')}`);
  }
  if (disputed.length > 0) reportDisputed(all, found, disputed);
  out();
  return claimed;
}

/** The disputed labels (each one under --verbose), and every affected type scored as the set labels it. */
function reportDisputed(all: readonly LabelledCase[], found: Map<string, Span[]>, disputed: readonly Disputed[]) {
  const types = [...new Set(disputed.map((d) => d.type))];
  const count = types.map((t) => `${t} ×${disputed.filter((d) => d.type === t).length}`).join(', ');
  out(`   Disputed labels (${disputed.length}, not scored above): ${count}`);
  if (verbose) for (const d of disputed) out(`     ${d.id} not ${d.type} ${JSON.stringify(d.text)}: ${d.reason}`);
  // Scored with every row, as the table is: a row alone would not know which other types its golds accept.
  const affected = scoreRows(all, found, [...evalRows, ...evalNotClaimedRows]).filter((s) =>
    s.row.gold.some((t) => types.includes(t)),
  );
  for (const s of affected) out(`   ${s.row.label} as labelled, disputed records scored: ${f1Of(s)}`);
}

function corpusSection(dir = CORPUS_DIR, title = 'Our corpus', about?: string): RowScore[] {
  const snippets = loadCorpus(dir);
  const cases = corpusCases(snippets);
  const byChannel = new Map<string, number>();
  for (const s of snippets) byChannel.set(s.channel, (byChannel.get(s.channel) ?? 0) + 1);
  const golds = snippets.reduce((n, s) => n + s.entities.length, 0);
  const clean = snippets.filter((s) => s.entities.length === 0).length;
  out(`━━ ${title}: test/fixtures/${dir.pathname.split('/').slice(-2).join('/')}`);
  if (about) out(`   ${about}`);
  out(
    `   ${snippets.length} snippets (${[...byChannel].map(([c, n]) => `${c} ${n}`).join(', ')}), ${golds} gold identifiers, ${clean} snippets with none. Labels are`,
  );
  out('   exhaustive: any finding on no gold span of its type is a false positive.');
  out();
  const scores = scoreRows(cases, findAll(cases), corpusRows);
  out(formatReport(scores, { verbose, examples }));
  return scores;
}

function main() {
  out(`PII detection quality: detect() from @custodian/core, findings with confidence ≥ ${minConfidence} counted.`);
  out('A finding is correct when it overlaps a gold span of its type ("exact F1": same offsets).');
  out();
  const evalScores = evalSection();
  const corpusScores = corpusSection();
  const independentScores = corpusSection(
    INDEPENDENT_CORPUS_DIR,
    'Independent corpus',
    'Written to the same conventions by authors who did not read the detectors (see its README.md).',
  );
  const holdoutScores = corpusSection(
    HOLDOUT_CORPUS_DIR,
    'Held-out corpus',
    'Written the same way after the rules were last changed for the independent corpus; never fitted on (README.md).',
  );
  const holdout2Scores = corpusSection(
    HOLDOUT_2_CORPUS_DIR,
    'Second held-out corpus',
    'Written while rules were fitted on the first held-out corpus; fitted on once, after it was scored (README.md).',
  );
  const holdout3Scores = corpusSection(
    HOLDOUT_3_CORPUS_DIR,
    'Third held-out corpus',
    'Written while rules were fitted on the second held-out corpus; fitted on once, after it was scored (README.md).',
  );
  const holdout4Scores = corpusSection(
    HOLDOUT_4_CORPUS_DIR,
    'Fourth held-out corpus',
    'Written while rules were fitted on the third held-out corpus; never fitted on (README.md).',
  );
  const below = [
    ...belowGoal(evalScores).map((s) => `eval ${s.row.label}`),
    ...belowGoal(corpusScores).map((s) => `corpus ${s.row.label}`),
    ...belowGoal(independentScores).map((s) => `independent corpus ${s.row.label}`),
    ...belowGoal(holdoutScores).map((s) => `held-out corpus ${s.row.label}`),
    ...belowGoal(holdout2Scores).map((s) => `second held-out corpus ${s.row.label}`),
    ...belowGoal(holdout3Scores).map((s) => `third held-out corpus ${s.row.label}`),
    ...belowGoal(holdout4Scores).map((s) => `fourth held-out corpus ${s.row.label}`),
  ];
  out(
    below.length === 0 ? '✓ Every claimed type meets its goal.' : `✗ BELOW GOAL (${below.length}): ${below.join(', ')}`,
  );
  if (!verbose) out('  (--verbose lists the first misses of each type.)');
}

main();
