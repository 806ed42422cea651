/**
 * `npm run bench`, detection quality: precision, recall and F1 of `detect` per PII type on the shared eval set
 * (../shared/eval/pii-dev.jsonl, labels from Presidio's, validator.js's and python-stdnum's tests) and on our
 * own annotated corpus (test/fixtures/pii-corpus). A report, not a gate: the exit code is 0 whatever the
 * numbers; rows under the issue's goals are marked BELOW GOAL.
 *
 *   --verbose            list the first false negatives and positives of every type
 *   --examples=N         how many of each (default 5)
 *   --min-confidence=X   count only findings at or above X (default 0: everything `detect` returns is redacted)
 */
import { detect } from '@custodian/core';
import { CORPUS_DIR, corpusCases, corpusRows, loadCorpus } from './pii/corpus';
import { EVAL_SET_URL, evalNotClaimedRows, evalRows, loadEvalSet } from './pii/eval-set';
import { belowGoal, formatReport } from './pii/format-report';
import { type LabelledCase, type RowScore, type Span, scoreRows, unscoredFindings } from './pii/score-rows';

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

function evalSection(): RowScore[] {
  const cases = loadEvalSet();
  out('━━ Shared eval set: shared/eval/pii-dev.jsonl');
  if (!cases) {
    out(`   not found at ${EVAL_SET_URL.pathname.split('/').slice(-3).join('/')} next to the repository: skipped.`);
    out('   (Clone the repository next to the `shared/` folder to evaluate on it.)');
    return [];
  }
  const bySource = new Map<string, number>();
  for (const c of cases) bySource.set(c.id.split(':')[0]!, (bySource.get(c.id.split(':')[0]!) ?? 0) + 1);
  out(
    `   ${cases.length} records (${[...bySource].map(([s, n]) => `${s} ${n}`).join(', ')}). Presidio records are scored span by span;`,
  );
  out('   validator.js / python-stdnum records say whether the whole text is a valid value of one type. A record is');
  out('   scored only for the types it names; a finding of another type counts against us only on a gold span.');
  out('   On a whole-string negative ("not a T"), a finding of T is wrong only when it covers the whole text.');
  out();
  const found = findAll(cases);
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
  out();
  return claimed;
}

function corpusSection(): RowScore[] {
  const snippets = loadCorpus();
  const cases = corpusCases(snippets);
  const byChannel = new Map<string, number>();
  for (const s of snippets) byChannel.set(s.channel, (byChannel.get(s.channel) ?? 0) + 1);
  const golds = snippets.reduce((n, s) => n + s.entities.length, 0);
  const clean = snippets.filter((s) => s.entities.length === 0).length;
  out(`━━ Our corpus: test/fixtures/${CORPUS_DIR.pathname.split('/').slice(-2).join('/')}`);
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
  const below = [
    ...belowGoal(evalScores).map((s) => `eval ${s.row.label}`),
    ...belowGoal(corpusScores).map((s) => `corpus ${s.row.label}`),
  ];
  out(
    below.length === 0 ? '✓ Every claimed type meets its goal.' : `✗ BELOW GOAL (${below.length}): ${below.join(', ')}`,
  );
  if (!verbose) out('  (--verbose lists the first misses of each type.)');
}

main();
