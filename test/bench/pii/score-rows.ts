/** A labelled identifier: `text.slice(start, end) === value`. */
export interface Span {
  type: string;
  start: number;
  end: number;
  value: string;
}

/** One text with its gold identifiers, from our corpus or from the shared eval set. */
export interface LabelledCase {
  id: string;
  text: string;
  gold: Span[];
  /**
   * The (gold-label) types this case speaks about, or null when its labels are exhaustive. A validator test
   * that says "not a CN_MOBILE" says nothing about other types, so a finding of another type is not wrong there.
   */
  labelledFor: ReadonlySet<string> | null;
  /**
   * The label speaks of the whole text (validator.js, python-stdnum: "this string is / is not a valid T"). A
   * finding inside a negative such text (`foo@bar.com` in `foo@bar.com.`) is then not wrong, only unscored.
   */
  wholeString: boolean;
}

/**
 * One line of the report: gold spans of `gold` types against findings of `accept` types. Most rows are one
 * type; a group row (bank card = CN_BANK_CARD + CREDIT_CARD) accepts any of its types for any of its golds.
 */
export interface Row {
  label: string;
  gold: readonly string[];
  accept: readonly string[];
  /** F1 the issue asks for; null for a type we do not claim (reported, never judged). */
  goal: number | null;
  note?: string;
}

/** A gold span nothing of the row's types overlapped, or a finding that overlapped no gold span of them. */
export interface Miss {
  caseId: string;
  type: string;
  value: string;
  /** The text around it, on one line. */
  context: string;
  /** FN: the types of other findings that covered it. FP: the gold type it sat on, if any. */
  other: string[];
}

export interface RowScore {
  row: Row;
  gold: number;
  /** Gold spans overlapped by a finding of an accepted type. */
  goldHit: number;
  pred: number;
  /** Findings that overlap a gold span of the row's types. */
  predHit: number;
  /** Findings with exactly a gold span's offsets. */
  exact: number;
  fn: Miss[];
  fp: Miss[];
  /** Gold spans of this row overlapped by findings of any type, by that type (what we make of types we don't claim). */
  overlappedBy: Map<string, number>;
  /** Findings inside a whole-string negative that do not cover the whole text: not scored. */
  partial: number;
}

export interface Metrics {
  precision: number | null;
  recall: number | null;
  f1: number | null;
  exactF1: number | null;
}

const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;

function context(text: string, s: Span): string {
  const from = Math.max(0, s.start - 16);
  const to = Math.min(text.length, s.end + 16);
  return `${from > 0 ? '…' : ''}${text.slice(from, s.start)}⟦${s.value}⟧${text.slice(s.end, to)}${to < text.length ? '…' : ''}`.replace(
    /\s+/g,
    ' ',
  );
}

/**
 * Scores findings against gold spans, per row. A finding counts when it overlaps a gold span (also counted
 * exact when the offsets are equal). On a case labelled only for some types, a finding of another row's
 * types is a false positive only when it sits on a gold span that no row would accept it for (it mistook a
 * known identifier for something else); elsewhere that case says nothing about it and it is left out.
 */
export function scoreRows(
  cases: readonly LabelledCase[],
  found: ReadonlyMap<string, Span[]>,
  rows: readonly Row[],
): RowScore[] {
  const fits = (predType: string, goldType: string) =>
    rows.some((r) => r.gold.includes(goldType) && r.accept.includes(predType));
  return rows.map((row) => {
    const score: RowScore = {
      row,
      gold: 0,
      goldHit: 0,
      pred: 0,
      predHit: 0,
      exact: 0,
      fn: [],
      fp: [],
      overlappedBy: new Map(),
      partial: 0,
    };
    for (const c of cases) {
      const preds = found.get(c.id) ?? [];
      const inScope = c.labelledFor === null || row.gold.some((t) => c.labelledFor!.has(t));
      const golds = c.gold.filter((g) => row.gold.includes(g.type));
      const mine = preds.filter((p) => row.accept.includes(p.type));
      if (inScope) {
        for (const g of golds) {
          score.gold++;
          const covering = preds.filter((p) => overlaps(p, g));
          for (const p of covering) score.overlappedBy.set(p.type, (score.overlappedBy.get(p.type) ?? 0) + 1);
          if (covering.some((p) => row.accept.includes(p.type))) score.goldHit++;
          else
            score.fn.push({
              caseId: c.id,
              type: g.type,
              value: g.value,
              context: context(c.text, g),
              other: covering.map((p) => p.type),
            });
        }
      }
      for (const p of mine) {
        const onGold = c.gold.filter((g) => overlaps(p, g));
        const hit = golds.some((g) => overlaps(p, g));
        if (!inScope && !onGold.some((g) => !fits(p.type, g.type))) continue;
        if (inScope && c.wholeString && !hit && (p.start > 0 || p.end < c.text.trimEnd().length)) {
          score.partial++;
          continue;
        }
        score.pred++;
        if (hit) {
          score.predHit++;
          if (golds.some((g) => g.start === p.start && g.end === p.end)) score.exact++;
        } else {
          score.fp.push({
            caseId: c.id,
            type: p.type,
            value: p.value,
            context: context(c.text, p),
            other: onGold.map((g) => g.type),
          });
        }
      }
    }
    return score;
  });
}

export function metrics(s: RowScore): Metrics {
  const precision = s.pred > 0 ? s.predHit / s.pred : null;
  const recall = s.gold > 0 ? s.goldHit / s.gold : null;
  const f = (p: number | null, r: number | null) => {
    if (p === null && r === null) return null;
    const pp = p ?? 0;
    const rr = r ?? 1; // findings but no gold spans: F1 is precision's business (0 when all are wrong)
    return pp + rr === 0 ? 0 : (2 * pp * rr) / (pp + rr);
  };
  const exactP = s.pred > 0 ? s.exact / s.pred : null;
  const exactR = s.gold > 0 ? s.exact / s.gold : null;
  return { precision, recall, f1: f(precision, recall), exactF1: f(exactP, exactR) };
}

/** Findings on cases not labelled for their type and sitting on no gold span: not scored, only counted. */
export function unscoredFindings(
  cases: readonly LabelledCase[],
  found: ReadonlyMap<string, Span[]>,
  rows: readonly Row[],
): Map<string, number> {
  const out = new Map<string, number>();
  for (const c of cases) {
    if (c.labelledFor === null) continue;
    for (const p of found.get(c.id) ?? []) {
      const scored = rows.some((r) => r.accept.includes(p.type) && r.gold.some((t) => c.labelledFor!.has(t)));
      if (!scored && !c.gold.some((g) => overlaps(p, g))) out.set(p.type, (out.get(p.type) ?? 0) + 1);
    }
  }
  return out;
}
