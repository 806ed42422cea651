import { catalogue } from './catalogue';
import { rememberDigitRuns } from './digit-runs';
import type { Finding, ScanScope, ValidateOptions } from './finding';
import { hasContextWord } from './has-context-word';
import { resolveOverlaps } from './resolve-overlaps';
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
    const matched = d.scan(folded, scope);
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
