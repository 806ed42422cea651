import { metrics, type RowScore } from './score-rows';

export interface ReportOptions {
  /** List the first `examples` false negatives and positives of each row. */
  verbose: boolean;
  examples: number;
}

const num = (x: number | null, w: number) => (x === null ? '—' : x.toFixed(3)).padStart(w);

function status(s: RowScore): string {
  const { f1 } = metrics(s);
  if (s.row.goal === null) return 'not claimed';
  if (f1 === null) return 'no cases';
  const mark = f1 >= s.row.goal ? '✓' : '✗ BELOW GOAL';
  const none = s.pred === 0 && s.gold > 0 ? ' (no findings of this type)' : '';
  return `≥${s.row.goal.toFixed(2)} ${mark}${none}`;
}

/** Precision, recall and F1 per row as a fixed-width table, the misses under it when verbose. */
export function formatReport(scores: readonly RowScore[], opts: ReportOptions): string {
  const w = Math.max(14, ...scores.map((s) => s.row.label.length)) + 2;
  const head = `${'type'.padEnd(w)}${'gold'.padStart(6)}${'found'.padStart(7)}${'FP'.padStart(6)}${'FN'.padStart(6)}${'precision'.padStart(11)}${'recall'.padStart(8)}${'F1'.padStart(7)}${'exact F1'.padStart(10)}  goal`;
  const lines = [head, '─'.repeat(head.length + 14)];
  for (const s of scores) {
    const m = metrics(s);
    lines.push(
      `${s.row.label.padEnd(w)}${String(s.gold).padStart(6)}${String(s.pred).padStart(7)}${String(s.pred - s.predHit).padStart(6)}${String(s.gold - s.goldHit).padStart(6)}${num(m.precision, 11)}${num(m.recall, 8)}${num(m.f1, 7)}${num(m.exactF1, 10)}  ${status(s)}`,
    );
  }
  const notes = scores.filter((s) => s.row.note || (s.row.goal === null && s.overlappedBy.size > 0));
  if (notes.length > 0) lines.push('');
  for (const s of notes) {
    const by = [...s.overlappedBy].map(([t, n]) => `${t} ×${n}`).join(', ');
    const parts = [s.row.note, s.row.goal === null && by ? `gold spans covered by our findings: ${by}` : undefined];
    lines.push(`  ${s.row.label}: ${parts.filter(Boolean).join('; ')}`);
  }
  if (opts.verbose) {
    for (const s of scores) {
      if (s.fn.length === 0 && s.fp.length === 0) continue;
      lines.push('', `${s.row.label}:`);
      for (const m of s.fn.slice(0, opts.examples)) {
        const as = m.other.length ? ` (found as ${m.other.join(', ')})` : '';
        lines.push(`  FN ${m.caseId} ${m.type}${as}: ${m.context}`);
      }
      if (s.fn.length > opts.examples) lines.push(`  … ${s.fn.length - opts.examples} more FN`);
      for (const m of s.fp.slice(0, opts.examples)) {
        const on = m.other.length ? ` (on a ${m.other.join(', ')})` : '';
        lines.push(`  FP ${m.caseId} ${m.type}${on}: ${m.context}`);
      }
      if (s.fp.length > opts.examples) lines.push(`  … ${s.fp.length - opts.examples} more FP`);
    }
  }
  return `${lines.join('\n')}\n`;
}

/** Rows of claimed types whose F1 misses their goal. */
export function belowGoal(scores: readonly RowScore[]): RowScore[] {
  return scores.filter((s) => {
    const { f1 } = metrics(s);
    return s.row.goal !== null && f1 !== null && f1 < s.row.goal;
  });
}
