import { catalogue } from './catalogue';
import { rememberDigitRuns } from './digit-runs';
import type { Detector, Finding, ScanMatch, ScanScope, ValidateOptions } from './finding';
import { hasContextWord } from './has-context-word';
import { featureBits, readText } from './text-features';

export interface DetectOptions extends ValidateOptions {
  /** Score every match as if a context word were near: a search query is a deliberate lookup of an identifier. */
  assumeContext?: boolean;
  /** Names of the people the text is about (a record's participants and customer), found wherever they occur. */
  names?: readonly string[];
}

/**
 * Every identifier in `text`, sorted by start and non-overlapping. Detectors run on width-folded text, so
 * `１３８１２３４５６７８` is found; offsets and `value` refer to the original text.
 */
export function detect(text: string, options: DetectOptions = {}): Finding[] {
  const { folded, has, digits, digitRuns } = readText(text);
  rememberDigitRuns(folded, digitRuns);
  const found: Finding[] = [];
  const scope: ScanScope = { names: options.names ?? [], has };
  for (let k = 0; k < catalogue.length; k++) {
    const d = catalogue[k]!;
    // A character every match holds is missing, or the text has fewer digits than any match: no match.
    if ((NEEDS[k]! & ~has) !== 0 || digits < (d.minDigits ?? 0)) continue;
    const matched = d.scan ? d.scan(folded, scope) : matches(d, folded);
    for (let i = 0; i < matched.length; i++) {
      const [start, match, given] = matched[i]!;
      const candidate = given ?? d.validate(match, options);
      if (!candidate) continue;
      const end = start + match.length;
      const [alone, inContext] = candidate.confidence;
      const confidence =
        options.assumeContext || (inContext > alone && hasContextWord(folded, start, end, d.context))
          ? Math.max(alone, inContext)
          : alone;
      if (confidence <= 0) continue;
      found.push({
        type: d.type,
        start,
        end,
        value: text.slice(start, end),
        normalized: candidate.normalized,
        confidence,
      });
    }
  }
  return resolveOverlaps(found);
}

/** Each detector's needs as bits, in catalogue order. */
const NEEDS = catalogue.map((d) => featureBits(d.needs));

const own = new WeakMap<RegExp, RegExp>();
const sticky = new WeakMap<RegExp, RegExp>();

/** The pattern's matches as [start, text]; an anchored pattern is tried only from the run before each anchor. */
function matches(d: Detector, text: string): ScanMatch[] {
  const { pattern } = d;
  const out: ScanMatch[] = [];
  if (!pattern) return out;
  if (!d.anchor) {
    // `exec` on a private copy, as `matchAll` would do, but without copying the regex on every call.
    let global = own.get(pattern);
    if (!global) {
      global = new RegExp(pattern.source, pattern.flags);
      own.set(pattern, global);
    }
    global.lastIndex = 0;
    for (let m = global.exec(text); m; m = global.exec(text)) {
      out.push([m.index, m[0]]);
      if (m[0] === '') global.lastIndex++; // as `matchAll` steps past an empty match
    }
    return out;
  }
  let re = sticky.get(pattern);
  if (!re) {
    re = new RegExp(pattern.source, `${pattern.flags.replace('g', '')}y`);
    sticky.set(pattern, re);
  }
  const { char, before, body } = d.anchor;
  const ascii = asciiBody(body);
  let from = 0; // a match starts after the previous match and the previous anchor
  for (let at = text.indexOf(char); at !== -1; at = text.indexOf(char, at + 1)) {
    let p = at;
    while (p > from && at - p < before) {
      const c = text.charCodeAt(p - 1);
      if (!(c < 0x80 ? ascii[c] === 1 : body.test(text[p - 1]!))) break;
      p--;
    }
    for (; p < at; p++) {
      re.lastIndex = p;
      const m = re.exec(text);
      if (m) {
        out.push([p, m[0]]);
        from = p + m[0].length;
        break;
      }
    }
    from = Math.max(from, at + 1);
  }
  return out;
}

const asciiBodies = new WeakMap<RegExp, Uint8Array>();

/** What an anchor's `body` (a regex without state: no `g` or `y`) says of each ASCII character, asked once. */
function asciiBody(body: RegExp): Uint8Array {
  let table = asciiBodies.get(body);
  if (!table) {
    table = new Uint8Array(0x80);
    for (let c = 0; c < 0x80; c++) table[c] = body.test(String.fromCharCode(c)) ? 1 : 0;
    asciiBodies.set(body, table);
  }
  return table;
}

/** Deterministic: higher confidence wins, then the longer span, then the earlier start (then the type name). */
function resolveOverlaps(found: Finding[]): Finding[] {
  if (found.length < 2) return found;
  const byStart = [...found].sort((a, b) => a.start - b.start);
  if (byStart.every((f, i) => i === 0 || f.start >= byStart[i - 1]!.end)) return byStart;
  const ranked = byStart.sort(
    (a, b) =>
      b.confidence - a.confidence ||
      b.end - b.start - (a.end - a.start) ||
      a.start - b.start ||
      a.type.localeCompare(b.type),
  );
  const kept: Finding[] = []; // sorted by start and, being disjoint, by end
  for (const f of ranked) {
    let lo = 0;
    let hi = kept.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (kept[mid]!.end <= f.start) lo = mid + 1;
      else hi = mid;
    }
    if (lo === kept.length || kept[lo]!.start >= f.end) kept.splice(lo, 0, f);
  }
  return kept;
}
