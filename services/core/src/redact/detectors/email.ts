import { domainToUnicode } from 'node:url';
import type { Candidate, Detector, ScanMatch } from '../finding';

/*
 * An address is found by a hand-written scan around each `@` rather than by a regex: a Unicode regex tried from
 * every place a local part might start costs microseconds per `@`, a table lookup per character costs nanoseconds.
 *
 * Local part (RFC 5322 dot-atom, RFC 6531 for Unicode). Letters, marks and digits of any script but the CJK ones,
 * joined by `. _ % + - '` and the other atext characters `! # $ * ^ ` { | } ~`. Of RFC 5322's atext, `/ = ? &` are
 * left out: in running text they are URL and query-string delimiters (`?email=a@b.com`) far more often than part of
 * an address. A local part starts with a letter, digit or `_`, so a `|` table separator, a `**` of Markdown or a `#`
 * before it stays out; the atext characters may not end an atom either (`{name}@…` is a template, not an address).
 * A CJK local part is a run of CJK characters only, at most 21 (64 octets of UTF-8), and an ASCII one never takes
 * CJK characters: in `请联系张三zhangsan@example.com` the Han characters are prose glued to the address, not part of
 * it. A CJK local part cannot be told from the prose before it (`发给张三@例子.中国` takes `发给张三`): redaction then
 * errs on the side of hiding a little more.
 *
 * Quoted local part (`"john smith"@example.com`, RFC 5322 quoted-string, UTF-8 allowed by RFC 6531): from the
 * nearest unescaped `"` before the closing one, printable characters, spaces and `\` pairs, at most 64 characters.
 *
 * Domain: labels of letters, marks and digits (hyphens inside), each either of CJK scripts only or of none, up to 63
 * characters, then a top-level domain: ASCII letters or punycode, which Chinese may follow (`a@b.com请回复`); a CJK
 * TLD from the list below; or letters of another script. Only the first label may mix CJK with other scripts
 * (`m端ller.com`): prose glued after an address follows its TLD, so a mixed label further on (`a@b.com和c.com`) is
 * more likely prose than a name.
 */

/** Character classes, as bits. */
const WALK = 1; // may stand in an unquoted local part: what the scan passes going back from `@`
const NC = 2; // a letter, mark or digit of any script but the CJK ones
const CJK = 4; // a character of a CJK script (Han, Hiragana, Katakana, Hangul)
const LEAD = 8; // may start an unquoted local part: NC or `_`
const ATEXT = 16; // atext that may not end an atom: `! # $ * ^ ` { | } ~`
const OTHER_LETTER = 32; // a letter or mark of neither ASCII nor a CJK script: a TLD in another script
const LETTER = 64; // an ASCII letter
const KNOWN = 128; // the entry is filled in

const CJK_CHAR = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Hangul}]/u;
const LETTER_MARK_DIGIT = /[\p{L}\p{M}\p{N}]/u;
const LETTER_MARK = /[\p{L}\p{M}]/u;

/** The classes of a non-ASCII code point; a lone surrogate is in none. */
function classify(cp: number): number {
  const c = String.fromCodePoint(cp);
  const cjk = CJK_CHAR.test(c);
  if (!LETTER_MARK_DIGIT.test(c)) return cjk ? CJK : 0;
  if (cjk) return CJK | WALK;
  return NC | LEAD | WALK | (LETTER_MARK.test(c) ? OTHER_LETTER : 0);
}

/** Classes of the BMP, filled in as characters are met (most texts hold a few hundred distinct ones). */
const CLASSES = new Uint8Array(0x10000);
for (let c = 0; c < 0x80; c++) {
  const ch = String.fromCharCode(c);
  const alnum = /[A-Za-z0-9]/.test(ch);
  let k = KNOWN;
  if (alnum) k |= NC | LEAD | WALK;
  if (/[A-Za-z]/.test(ch)) k |= LETTER;
  if (/[._%+'-]/.test(ch)) k |= WALK;
  if (ch === '_') k |= LEAD;
  if (/[!#$*^`{|}~]/.test(ch)) k |= WALK | ATEXT;
  CLASSES[c] = k;
}

/** The classes of a code point (or UTF-16 unit); none for NaN, what `charCodeAt` gives past the end. */
function classOf(cp: number): number {
  if (cp < 0x80) return CLASSES[cp]!; // never negative: past the end of a text is NaN
  if (cp < 0x10000) {
    let k = CLASSES[cp]!;
    if (k === 0) CLASSES[cp] = k = classify(cp) | KNOWN;
    return k;
  }
  return cp > 0xffff ? classify(cp) : 0;
}

const DOT = 0x2e;
const HYPHEN = 0x2d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/** An unquoted local part is at most 64 characters, and a CJK one at most 21 (64 octets of UTF-8). */
const MAX_LOCAL = 64;
const MAX_CJK_LOCAL = 21;
const MAX_LABEL = 63;

/**
 * Where the unquoted local part before the `@` at `at` starts, not before `from`, or -1: the longest run of local
 * characters that forms a valid dot-atom (or a CJK run) ending at `at`, at most `MAX_LOCAL` long.
 */
function localStart(text: string, at: number, from: number): number {
  const limit = Math.max(from, at - MAX_LOCAL);
  if (at <= limit) return -1;
  let next = text.charCodeAt(at - 1);
  const k = classOf(next);
  if ((k & WALK) === 0) return -1;
  if ((k & CJK) !== 0) {
    let s = at - 1;
    while (s > limit && at - s < MAX_CJK_LOCAL && (classOf(text.charCodeAt(s - 1)) & (CJK | WALK)) === (CJK | WALK))
      s--;
    return s;
  }
  if (next === DOT || (k & ATEXT) !== 0) return -1; // an atom ends in neither
  // It starts after the last thing it cannot hold: a character of no local part, a CJK one, `..`, atext ending an atom.
  let s = limit;
  for (let i = at - 2; i >= limit; i--) {
    const c = text.charCodeAt(i);
    const kc = classOf(c);
    if ((kc & (WALK | CJK)) !== WALK || (c === DOT && next === DOT) || ((kc & ATEXT) !== 0 && next === DOT)) {
      s = i + 1;
      break;
    }
    next = c;
  }
  while (s < at && (classOf(text.charCodeAt(s)) & LEAD) === 0) s++;
  return s < at ? s : -1;
}

/** Where the quoted local part whose closing `"` is right before the `@` at `at` starts, not before `from`, or -1. */
function quotedStart(text: string, at: number, from: number): number {
  const close = at - 1;
  if (isEscaped(text, close)) return -1;
  let open = -1;
  for (let i = close - 1; i >= from && close - i < MAX_LOCAL; i--) {
    if (text.charCodeAt(i) === QUOTE && !isEscaped(text, i)) {
      open = i;
      break;
    }
  }
  if (open < 0) return -1;
  let blank = true;
  for (let i = open + 1; i < close; i++) {
    const c = text.charCodeAt(i);
    if (c === BACKSLASH) {
      const escaped = text.charCodeAt(++i);
      if (i >= close || !(escaped === 0x09 || (escaped >= 0x20 && escaped < 0x7f))) return -1;
      blank = false;
    } else if (c === 0x20 || c === 0x09) {
      // folding white space, as RFC 5322 allows inside quotes
    } else if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) {
      return -1;
    } else if (c >= 0xd800 && c <= 0xdfff) {
      if (c > 0xdbff || !isLowSurrogate(text.charCodeAt(i + 1)) || i + 1 >= close) return -1;
      i++;
      blank = false;
    } else {
      blank = false;
    }
  }
  return blank ? -1 : open;
}

const isLowSurrogate = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/** Whether the character at `i` follows an odd number of backslashes. */
function isEscaped(text: string, i: number): boolean {
  let n = 0;
  while (i - n > 0 && text.charCodeAt(i - n - 1) === BACKSLASH) n++;
  return n % 2 === 1;
}

/** CJK top-level domains, longest first, so a Chinese sentence right after `例子.中国` is not taken for the TLD. */
const CJK_TLDS = [
  '组织机构',
  '中文网',
  '新加坡',
  '我爱你',
  '中国',
  '中國',
  '公司',
  '网络',
  '網絡',
  '网址',
  '网店',
  '商城',
  '商店',
  '商标',
  '集团',
  '在线',
  '信息',
  '企业',
  '游戏',
  '娱乐',
  '购物',
  '时尚',
  '健康',
  '手机',
  '移动',
  '微博',
  '广东',
  '佛山',
  '世界',
  '政务',
  '公益',
  '机构',
  '香港',
  '台湾',
  '台灣',
  '澳门',
  '澳門',
  '八卦',
  '한국',
  '닷컴',
  '닷넷',
  'みんな',
  'コム',
];

/** The code point at `i`, NaN past the end; a lone surrogate as itself. */
function codePointAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  return c >= 0xd800 && c <= 0xdbff ? text.codePointAt(i)! : c;
}

/** Where a TLD starting at `t` ends, or -1. */
function tldEnd(text: string, t: number): number {
  const cp = codePointAt(text, t);
  const k = classOf(cp);
  if ((k & LETTER) !== 0) {
    let e = t + 1;
    while ((classOf(text.charCodeAt(e)) & LETTER) !== 0) e++;
    const next = text.charCodeAt(e);
    // An ASCII TLD may be followed by Chinese, never by more of itself.
    if (e - t >= 2 && e - t <= MAX_LABEL && !(next < 0x80 && (classOf(next) & NC) !== 0) && next !== HYPHEN) return e;
    if (!text.startsWith('xn--', t)) return -1;
    e = t + 4;
    for (let c = text.charCodeAt(e); (c < 0x80 && (classOf(c) & NC) !== 0) || c === HYPHEN; c = text.charCodeAt(e)) e++;
    const n = e - t - 4;
    return n >= 2 && n <= MAX_LABEL - 4 && text.charCodeAt(e - 1) !== HYPHEN ? e : -1;
  }
  if ((k & CJK) !== 0) {
    for (const tld of CJK_TLDS) if (text.startsWith(tld, t)) return t + tld.length;
    return -1;
  }
  if ((k & OTHER_LETTER) === 0) return -1;
  let e = t;
  let n = 0;
  for (let c = cp; (classOf(c) & OTHER_LETTER) !== 0; c = codePointAt(text, e)) {
    e += c > 0xffff ? 2 : 1;
    n++;
  }
  const next = codePointAt(text, e);
  return n >= 2 && n <= MAX_LABEL && next !== HYPHEN && (classOf(next) & NC) === 0 ? e : -1;
}

/** Where the domain starting at `s` ends, or -1: as many labels as a dot follows, then the last place a TLD fits. */
function domainEnd(text: string, s: number): number {
  let t = -1; // where the TLD starts, after the last label
  for (let i = s; ; ) {
    let e = i;
    let n = 0;
    let kinds = 0;
    for (let cp = codePointAt(text, e); ; cp = codePointAt(text, e)) {
      const k = cp === HYPHEN ? HYPHEN_KIND : classOf(cp) & (NC | CJK);
      if (k === 0) break;
      kinds |= k;
      e += cp > 0xffff ? 2 : 1;
      n++;
    }
    if (text.charCodeAt(e) !== DOT || n === 0 || n > MAX_LABEL) break;
    if (text.charCodeAt(i) === HYPHEN || text.charCodeAt(e - 1) === HYPHEN) break;
    if (i !== s && (kinds & CJK) !== 0 && kinds !== CJK) break; // a later label is CJK only or holds none
    t = e + 1;
    i = t;
  }
  // Labels hold no dot: the TLD tried before the last one starts after the dot before it.
  for (; t > s; t = text.lastIndexOf('.', t - 2) + 1) {
    const e = tldEnd(text, t);
    if (e >= 0) return e;
  }
  return -1;
}

/** A bit of its own, apart from the class bits, for a hyphen inside a label. */
const HYPHEN_KIND = 256;

/** Every address in `text`, left to right, none overlapping. */
function scanEmails(text: string): ScanMatch[] {
  const out: ScanMatch[] = [];
  let end = 0; // the previous match's end
  let from = 0; // an unquoted local part starts after the previous match and the previous `@`
  for (let at = text.indexOf('@'); at !== -1; at = text.indexOf('@', at + 1)) {
    const start = text.charCodeAt(at - 1) === QUOTE ? quotedStart(text, at, end) : localStart(text, at, from);
    if (start >= 0) {
      const stop = domainEnd(text, at + 1);
      if (stop >= 0) {
        out.push([start, text.slice(start, stop)]);
        end = stop;
      }
    }
    from = Math.max(end, at + 1);
  }
  return out;
}

/** The canonical form tokens are made of: lower-cased, NFC, the domain in Unicode (`xn--fiqs8s` → `中国`). */
export function normalizeEmailAddress(address: string): string {
  // Most addresses are printable ASCII with a plain domain: trim, NFC and `domainToUnicode` would leave them as they are.
  if (PLAIN_ADDRESS.test(address)) return address.toLowerCase();
  const trimmed = address.trim().normalize('NFC').toLowerCase();
  const at = trimmed.lastIndexOf('@');
  if (at < 0) return trimmed;
  const domain = trimmed.slice(at + 1);
  // Most domains are plain ASCII ending in letters: no punycode to decode, no IPv4 form to canonicalize, so
  // `domainToUnicode` (a call into C++) would give them back unchanged or reject them, and either way they stay.
  if (PLAIN_DOMAIN.test(domain) && !domain.includes('xn--')) return trimmed;
  return `${trimmed.slice(0, at)}@${domainToUnicode(domain) || domain}`;
}

const PLAIN_DOMAIN = /^[a-z0-9.-]*\.[a-z]+$/;
const PLAIN_ADDRESS = /^(?!.*xn--)[!-~]*@[a-z0-9.-]*\.[a-z]+$/i;

/** The syntax is unambiguous: high with or without a context word. */
const CONFIDENCE = [0.99, 0.99] as const;

function validateEmail(match: string): Candidate | null {
  const at = match.lastIndexOf('@');
  if (at > MAX_LOCAL || match.length - at - 1 > 253) return null;
  return { normalized: normalizeEmailAddress(match), confidence: CONFIDENCE };
}

/**
 * Email address, including Unicode local parts and IDN domains (`张三@例子.中国`). The syntax is unambiguous,
 * so confidence is high without context and a match wins over a phone or ID number inside it.
 */
export const email: Detector = {
  type: 'EMAIL',
  scan: scanEmails,
  needs: ['@'],
  validate: validateEmail,
  context: ['邮箱', '郵箱', '邮件', '電郵', 'email', 'e-mail', 'mail'],
  mask: (f) => {
    const at = f.normalized.lastIndexOf('@');
    const first = String.fromCodePoint(f.normalized.codePointAt(0) ?? 0x2a);
    return `${first}***${f.normalized.slice(at)}`;
  },
  label: '[邮箱]',
  sensitivity: 'L2',
  piplSensitive: false,
};
