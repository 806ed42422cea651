import { digitRuns } from './digit-runs';
import type { Candidate, ScanMatch } from './finding';

/** A house number, a street and at least one more part (unit, district, city, postcode): an address beyond doubt. */
const FULL = [0.8, 0.9] as const;
/** `38 Conduit Road` alone is most likely an address, surely so near `address` or `地址`. */
const STREET_ONLY = [0.6, 0.85] as const;
/** Units and buildings without a street (`Flat 5B, Tower 2, …`), found only right after an address cue. */
const CUED = [0.7, 0.7] as const;

/** Words that name a unit, floor or building before its id (`Flat 12B`, `Blk 456`). */
const DESIGNATORS =
  'Flat|Apartment|Apt|Unit|Suite|Ste|Room|Rm|Floor|Fl|Level|Lvl|Block|Blk|Tower|Twr|Building|Bldg|Shop|House';
/** The same as a set, to check the word before a digit run without a regex. */
const DESIGNATOR_WORDS = new Set(DESIGNATORS.split('|'));
/** Whether `word` names a unit or building (`Flat`, `Apt.`) or marks a number (`No.`): it identifies nothing. */
export const isDesignator = (word: string) => {
  const bare = word.endsWith('.') ? word.slice(0, -1) : word;
  return DESIGNATOR_WORDS.has(bare) || bare === 'No';
};
/** Capitalized words that may stand right before a house number (`Address 12 …`, `Ship To 12 …`). */
const LEADS_TO_NUMBER = new Set(['Address', 'To', 'At']);
/** The word a mainland house number in English follows (`No. 1000 Lujiazui Ring Road`): the address starts at it. */
const NUMBER_WORD = 'No';
/** Words that name a thoroughfare: the last word of a street line. */
const STREET_TYPES =
  'Road|Rd|Street|St|Avenue|Ave|Av|Drive|Dr|Lane|Ln|Boulevard|Blvd|Way|Court|Ct|Place|Pl|Terrace|Tce|Crescent|Cres|' +
  'Close|Parkway|Pkwy|Highway|Hwy|Square|Sq|Circle|Cir|Grove|Gardens|Mews|Quay|Parade|Esplanade|Trail|Expressway|Expy';
const US_STATES =
  'AL|AK|AZ|AR|CA|CO|CT|DE|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|NM|NY|NC|ND|OH|OK|OR|PA|' +
  'RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY|DC|PR';

/** Between the words of a part: a space or a few, as typed. */
const SPACE = '[ \\t]{1,3}';
/** The end of a word: no letter, digit or joiner follows. */
const WORD_END = "(?![A-Za-z0-9'’-])";
/**
 * A capitalized word of a name (`Conduit`, `McArthur`, `Mid-Levels`, `O'Connell`), an initial (`N`), an ordinal
 * (`5th`), or the number of a mainland road in English (`East Zhongshan No.2 Road`, 中山东二路).
 */
const NAME_WORD = `(?:[A-Z](?:[A-Za-z]*[a-z])?(?:['’-][A-Za-z]+)*|\\d{1,3}(?:st|nd|rd|th)|NE|NW|SE|SW|No\\.\\d{1,2})${WORD_END}`;
/** A word of a district or city: as a name word, or in capitals (`HONG KONG`). */
const PLACE_WORD = `(?:[A-Z][A-Za-z]*(?:['’-][A-Za-z]+)*)${WORD_END}`;
const TYPE = `(?:${STREET_TYPES})(?:\\.(?=[ \\t]*,))?${WORD_END}`;
/** What may follow the street type: a direction (`Pennsylvania Avenue NW`) or a number (`Ang Mo Kio Avenue 3`). */
const TYPE_TAIL = `(?:${SPACE}(?:N|S|E|W|NE|NW|SE|SW|\\d{1,3})${WORD_END})?`;
/** A street line's name and type: the first word may itself be a type word (`Court Street`), the last must be one. */
const STREET_NAME = `${NAME_WORD}(?:${SPACE}(?!${TYPE})${NAME_WORD}){0,4}${SPACE}${TYPE}${TYPE_TAIL}`;
/** A house number, written `No. 1000` in mainland addresses in English (`No. 1000 Lujiazui Ring Road`). */
const HOUSE_NUMBER = `(?:No\\.? ?)?[1-9]\\d{0,4}[A-Za-z]?(?:-\\d{1,5}[A-Za-z]?)?${WORD_END}`;
const UNIT_ID = `(?:\\d{1,5}[A-Za-z]?|[A-Za-z]\\d{0,4})(?:-\\d{1,5}[A-Za-z]?)?${WORD_END}`;
/** A US state and ZIP(+4) or a UK postcode: unmistakable wherever the address ends. */
const POSTCODE = `(?:(?:${US_STATES})${SPACE}\\d{5}(?:-\\d{4})?|[A-Z]{1,2}\\d[A-Z\\d]? ?\\d[A-Z]{2})(?![A-Za-z0-9])`;
/** Where a district or city ends: punctuation, a line end, the text's end or a non-ASCII character (`Hung Hom。`). */
const PLACE_END = '(?=[ \\t]*(?:[,;.!?)\\]\\r\\n]|$|[^\\x00-\\x7f]))';

/** `Flat 12B`, `Apt. 3B`, `12/F`, `G/F`, `#05-67`. */
const UNIT = new RegExp(
  `(?:(?:${DESIGNATORS})\\.?${SPACE}(?:No\\.? ?)?${UNIT_ID}|\\d{1,3}/F${WORD_END}|[GLU]/F${WORD_END}|#\\d{1,4}(?:-\\d{1,5})?(?![0-9]))`,
  'y',
);
const STREET = new RegExp(`${HOUSE_NUMBER}${SPACE}${STREET_NAME}`, 'y');
/** A street without a house number, after a unit that numbers it (`Blk 456 Ang Mo Kio Avenue 3`). */
const UNNUMBERED_STREET = new RegExp(STREET_NAME, 'y');
/** A place and postcode; a plain 4–6 digit one (`Singapore 079903`) only where the address ends, not `Hong Kong 2024 was`. */
const POSTAL_PLACE = new RegExp(
  `(?:${PLACE_WORD}(?:${SPACE}${PLACE_WORD}){0,4}${SPACE})?(?:${POSTCODE}|\\d{4,6}${PLACE_END})`,
  'y',
);
const PLACE = new RegExp(`${PLACE_WORD}(?:${SPACE}${PLACE_WORD}){0,4}${PLACE_END}`, 'y');
/** A block (`Blk 456`) ends the part before a street without a house number. */
const BLOCK = /(?:Block|Blk)\.?[ \t]+\S+[ \t]*$/;
/** Between parts: a comma, or only spaces (then a unit or postcode must follow), or a line break before a postcode. */
const COMMA = /[ \t]*,[ \t]*/y;
const SPACES = /[ \t]+/y;
const LINE_BREAK = /[ \t]*\r?\n[ \t]*/y;

/** Cue words right before an address that starts with a unit: `地址：`, `收件地址是`, `ship to`, `address:`. */
const HAN_CUE = /(?:地址|住址|寄到|送到|发到|發到|寄往|寄至|送至)(?:是|为|為)?[ \t]*:?[ \t]*$/;
const LATIN_CUE =
  /(?:^|[^A-Za-z])(?:address(?: is)?|(?:ship|deliver|send|mail|post|dispatch)(?:ed|ing)? to)[ \t]*:?[ \t]*$/i;
/** The unit before an address found from its street (`Flat A, 12 …`), read backwards from its start. */
const UNIT_BEFORE = new RegExp(
  `(?:^|[^A-Za-z0-9#/])((?:${DESIGNATORS})\\.?${SPACE}${UNIT_ID}|\\d{1,3}/F|[GLU]/F|#\\d{1,4}(?:-\\d{1,5})?)[ \\t]*,?[ \\t]*$`,
);
/** How much text before an address start the backward looks read. */
const LOOK_BACK = 24;
/** The most parts an address has (unit, floor, building, street, district, city, postcode…). */
const MAX_PARTS = 9;

/** An English address read from some offset: where it ends, and how sure its shape makes it. */
export interface EnglishAddress {
  end: number;
  confidence: Candidate['confidence'];
}

function sticky(re: RegExp, text: string, at: number): number {
  re.lastIndex = at;
  return re.test(text) ? re.lastIndex : -1;
}

/** Character classes of ASCII, as bits: what `startAt` asks of the characters around a digit run. */
const LETTER = 1;
const UPPER = 2;
const DIGIT = 4;
/** Makes a digit run part of something else: `v2.38`, `A-38`, `1/38`, `$38`, `+38`. */
const JOINER = 8;
const CLASS = new Uint8Array(128);
for (let c = 65; c <= 90; c++) CLASS[c] = LETTER | UPPER | JOINER;
for (let c = 97; c <= 122; c++) CLASS[c] = LETTER | JOINER;
for (let c = 48; c <= 57; c++) CLASS[c] = DIGIT | JOINER;
for (const c of '.-/$+') CLASS[c.charCodeAt(0)] = JOINER;
/** The class bits of `c`; 0 outside ASCII and outside the text (`charCodeAt` gives NaN there). */
const classOf = (c: number) => (c < 128 ? CLASS[c]! : 0);
const is = (c: number, bits: number) => (classOf(c) & bits) !== 0;

const ORDINAL_SUFFIXES = new Set(['st', 'nd', 'rd', 'th']);

/** Where the ASCII word that ends right before `end` starts, or `end` when there is none. */
function wordStart(text: string, end: number): number {
  let s = end;
  while (s > 0 && end - s < 12 && is(text.charCodeAt(s - 1), LETTER)) s--;
  return s;
}

/**
 * Where an address may start from the digit run `text[a, b)`: at the designator before it (`Flat 12B`), at a
 * floor or `#` unit (`12/F`, `#05-67`), or at the run as a house number followed by a capitalized word; -1 if not.
 * Called on every digit run: cheap character checks, in the order that rules most runs out first.
 */
function startAt(text: string, a: number, b: number): number {
  const before = text.charCodeAt(a - 1);
  if (before === 35 /* # */) return is(text.charCodeAt(a - 2), JOINER) ? -1 : a - 1;
  let from = a; // where the address starts: the house number, or the `No.` before it
  if (is(before, JOINER)) return -1;
  if (before === 32) {
    const c = text.charCodeAt(a - 2);
    // Lower-case words before a number (`ending in 4417`) are common and never matter: no string is made for them.
    if (is(c, LETTER) || c === 46) {
      const e = c === 46 ? a - 2 : a - 1; // `Apt. 3B`
      const w = wordStart(text, e);
      if (w < e && is(text.charCodeAt(w), UPPER) && !is(text.charCodeAt(w - 1), LETTER)) {
        const word = text.slice(w, e);
        if (DESIGNATOR_WORDS.has(word)) return w;
        if (word === NUMBER_WORD) from = w;
        // `Version 2 Road`, `Windows 11 Home`: a number right after a capitalized word counts something else.
        else if (!LEADS_TO_NUMBER.has(word)) return -1;
      }
    }
  }
  let j = b;
  let c = text.charCodeAt(j);
  if (c === 47 /* / */) return from === a && b - a <= 3 && (text.charCodeAt(b + 1) | 0x20) === 102 /* f */ ? a : -1;
  if (c !== 32 && c !== 45 && !is(c, LETTER)) return -1;
  if (b - a > 5 || text.charCodeAt(a) === 48) return -1;
  if (is(c, LETTER) && !is(text.charCodeAt(j + 1), LETTER)) c = text.charCodeAt(++j);
  if (c === 45 /* - */) {
    j++;
    while (is(text.charCodeAt(j), DIGIT)) j++;
    if (is(text.charCodeAt(j), LETTER)) j++;
    c = text.charCodeAt(j);
  }
  if (c !== 32) return -1;
  while (text.charCodeAt(j + 1) === 32 && j - b < 3) j++;
  if (is(text.charCodeAt(j + 1), UPPER)) return from;
  // `350 5th Avenue`, not `5301 1409 9300` (a card) or `7400 564253` (a phone).
  let k = j + 1;
  while (is(text.charCodeAt(k), DIGIT)) k++;
  return k > j + 1 && k - j <= 4 && ORDINAL_SUFFIXES.has(text.slice(k, k + 2)) ? from : -1;
}

/** Whether an address cue (`地址：`, `ship to`) ends right before `start`. */
function cuedAt(text: string, start: number): boolean {
  const before = text.slice(Math.max(0, start - LOOK_BACK), start);
  return HAN_CUE.test(before) || LATIN_CUE.test(before);
}

/** Words that may follow an address in a sentence (`12 Baker Street and …`), unlike a noun (`… Drive plan`). */
const AFTER_ADDRESS = new Set(
  (
    'and or but in near on at by for from to with is was has had which where since until before after then so as ' +
    'if when while please today tomorrow tonight yesterday now next last this instead too also again'
  ).split(' '),
);
const NEXT_WORD = /[ \t]+([a-z]+)/y;

/**
 * Whether a lower-case noun follows a lone street line: then its type word was a modifier (`1 Google Drive plan`,
 * `3 Main Street shops`), not the end of an address.
 */
function nounFollows(text: string, end: number): boolean {
  NEXT_WORD.lastIndex = end;
  const m = NEXT_WORD.exec(text);
  return m !== null && !AFTER_ADDRESS.has(m[1]!) && !is(text.charCodeAt(NEXT_WORD.lastIndex), LETTER | DIGIT);
}

/**
 * Reads an English address from `start`: units and buildings, a street line (house number, capitalized name,
 * street type), then units, districts, cities and postcodes, joined by commas (by spaces or a line break only
 * before a unit or postcode). Without a street line it counts only when `cued`; null when it is not one.
 */
export function readEnglishAddress(text: string, start: number, cued: boolean): EnglishAddress | null {
  let at = start;
  let end = -1;
  let parts = 0;
  let street = false;
  let numbered = false; // a street line with a house number: the one street an address has
  let unitBefore = false; // the last part was a unit: after a block, a street may follow without a house number
  let joint: 'comma' | 'space' | 'line' | 'start' = 'start';
  while (parts < MAX_PARTS) {
    const tight = joint === 'space' || joint === 'line';
    let next = sticky(UNIT, text, at);
    if (next > 0 && joint !== 'line') {
      unitBefore = true;
    } else {
      next = -1;
      if (!numbered && joint !== 'line') {
        next = sticky(STREET, text, at);
        numbered = next > 0;
        // `Blk 456 Ang Mo Kio Ave 3`: the block numbers the street (not `Level 2 Support Way`, `Flat 3, Kings Court`).
        if (next < 0 && !street && unitBefore && joint === 'space' && BLOCK.test(text.slice(start, at)))
          next = sticky(UNNUMBERED_STREET, text, at);
        if (next > 0) street = true;
      }
      if (next < 0 && parts > 0) next = sticky(POSTAL_PLACE, text, at);
      if (next < 0 && parts > 0 && !tight) next = sticky(PLACE, text, at);
      // Only a unit starts an address that has no street line yet.
      if (next < 0 || (parts === 0 && !street)) break;
      unitBefore = false;
    }
    parts++;
    end = next;
    const comma = sticky(COMMA, text, end);
    if (comma > 0) {
      at = comma;
      joint = 'comma';
      continue;
    }
    const line = sticky(LINE_BREAK, text, end);
    const spaces = sticky(SPACES, text, end);
    if (spaces > 0 && line < 0) {
      at = spaces;
      joint = 'space';
    } else if (line > 0) {
      at = line;
      joint = 'line';
    } else break;
  }
  if (end < 0) return null;
  if (street && parts === 1 && nounFollows(text, end)) return null;
  if (street) {
    const [alone, inContext] = parts > 1 ? FULL : STREET_ONLY;
    // A cue right before is the surest context there is (`ship to`, `收件地址：`).
    return { end, confidence: cued ? [inContext, inContext] : [alone, inContext] };
  }
  return cued ? { end, confidence: CUED } : null;
}

/** Units written before the start of an address found from its street (`Flat A, 12 Kings Road`): the earlier start. */
function withUnitsBefore(text: string, start: number, done: number): number {
  for (let k = 0; k < 3; k++) {
    const from = Math.max(done, start - LOOK_BACK);
    const m = UNIT_BEFORE.exec(text.slice(from, start));
    if (!m) break;
    // The character before the unit, if matched, is no part of it.
    start = from + m.index + m[0].indexOf(m[1]!);
  }
  return start;
}

/**
 * A German-style street line, the house number after the street (`Hohenzollernstraße 14`), ending right before a
 * digit run: the street word, its type a suffix of it.
 */
const SUFFIXED_STREET =
  /(?<![\p{L}\p{N}])\p{Lu}[\p{L}-]{0,30}(?:straße|strasse|str\.|gasse|weg|allee|platz|damm|ufer|ring|chaussee) $/u;
/** The rest of a street line like that: the house number, then a postcode and city, a country (`, 80801 München, Germany`). */
const SUFFIXED_REST =
  /[1-9]\d{0,3}[a-z]?(?![\p{L}\p{N}])(?:,? (?:[A-Z]{1,2}-)?\d{4,5} \p{Lu}[\p{L}-]*(?: \p{Lu}[\p{L}-]*){0,2}(?:, \p{Lu}[\p{L}]+)?(?![\p{L}\p{N}]))?/uy;
/** Street types no other word ends with (`ring`, `weg`, `damm` also end brands and things: `Rotring`). */
const UNMISTAKABLE_SUFFIX = /(?:straße|strasse|str\.|gasse|allee|chaussee) $/;
const STREET_SUFFIXES = [
  'straße',
  'strasse',
  'str.',
  'gasse',
  'weg',
  'allee',
  'platz',
  'damm',
  'ufer',
  'ring',
  'chaussee',
];
const SUFFIX_LASTS = [...new Set(STREET_SUFFIXES.map((t) => t.charCodeAt(t.length - 1)))];
/** How far before a digit run a suffixed street word is looked for. */
const SUFFIXED_REACH = 40;

/** A German-style address whose house number is the digit run at `a` (`Hohenzollernstraße 14, 80801 München`). */
function suffixedStreetAt(text: string, a: number): ScanMatch | null {
  // Most numbers follow no street type: a look at the word's end before the regex.
  if (text.charCodeAt(a - 1) !== 32 || !SUFFIX_LASTS.includes(text.charCodeAt(a - 2))) return null;
  if (!STREET_SUFFIXES.some((t) => text.startsWith(t, a - 1 - t.length))) return null;
  const street = SUFFIXED_STREET.exec(text.slice(Math.max(0, a - SUFFIXED_REACH), a));
  if (!street) return null;
  SUFFIXED_REST.lastIndex = a;
  const rest = SUFFIXED_REST.exec(text);
  if (!rest) return null;
  // A postcode and city make it an address beyond doubt. Without them only an unmistakable type counts (not `Rotring 12`).
  const postcode = / \d{4,5} /.test(rest[0]);
  if (!postcode && !UNMISTAKABLE_SUFFIX.test(street[0])) return null;
  const start = a - street[0].length;
  const match = text.slice(start, a + rest[0].length);
  return [start, match, { normalized: normalizeEnglishAddress(match), confidence: postcode ? FULL : STREET_ONLY }];
}

/** English, Hong Kong, Singapore and German-style street addresses in `text` (width-folded), with their candidates. */
export function englishAddresses(text: string): ScanMatch[] {
  const out: ScanMatch[] = [];
  const runs = digitRuns(text);
  let done = 0;
  for (let i = 0; i < runs.length; i += 2) {
    const a = runs[i]!;
    if (a < done) continue;
    const from = startAt(text, a, runs[i + 1]!);
    if (from < 0) {
      const suffixed = suffixedStreetAt(text, a);
      if (suffixed && suffixed[0] >= done) {
        out.push(suffixed);
        done = suffixed[0] + suffixed[1].length;
      }
      continue;
    }
    if (from < done) continue;
    const start = withUnitsBefore(text, from, done);
    const found = readEnglishAddress(text, from, cuedAt(text, start));
    if (!found) continue;
    const match = text.slice(start, found.end);
    out.push([start, match, { normalized: normalizeEnglishAddress(match), confidence: found.confidence }]);
    done = found.end;
  }
  return out;
}

/** The canonical form of an English address: lower-cased, spaces collapsed. */
export function normalizeEnglishAddress(address: string): string {
  return address.toLowerCase().replace(/\s+/g, ' ').trim();
}
