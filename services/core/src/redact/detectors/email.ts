import { domainToUnicode } from 'node:url';
import type { Candidate, Detector } from '../finding';

/** Scripts written without spaces: a run of them never joins an ASCII local part or label (see below). */
const CJK = '\\p{sc=Han}\\p{sc=Hiragana}\\p{sc=Katakana}\\p{sc=Hangul}';
/**
 * A letter, mark or digit of any script but the CJK ones (ASCII, Latin with accents, Cyrillic, Greek…). The two
 * branches must stay disjoint: overlapping alternatives inside a repeat backtrack exponentially on long runs.
 */
const NC = `(?:[A-Za-z0-9]|(?![\\p{ASCII}${CJK}])[\\p{L}\\p{M}\\p{N}])`;
/**
 * Local part. RFC 5322 also allows `/ = ? ! #…`, but in running text and URLs those are delimiters far
 * more often than address characters, so only `. _ % + - '` join letters and digits here; quoted local
 * parts are not matched. A CJK local part (RFC 6531) is a run of CJK characters only, and an ASCII one
 * never takes CJK characters: in `请联系张三zhangsan@example.com` the Han characters are prose glued to
 * the address, not part of it, and genuine mixed-script local parts are vanishingly rare. A CJK local
 * part cannot be told from the prose before it (`发给张三@例子.中国` takes `发给张三`), so it is capped at
 * 21 characters (64 octets of UTF-8); redaction then errs on the side of hiding a little more.
 */
const LOCAL = `(?:(?:${NC}|_)(?:${NC}|[_%+'-]){0,63}(?:\\.(?:${NC}|[_%+'-]){1,63})*|[${CJK}]{1,21})`;
/** Any character a local part can hold (a superset of what LOCAL accepts, for finding where to start). */
const LOCAL_CHAR = /[A-Za-z0-9._%+'-]|[^\p{ASCII}\p{P}\p{S}\p{Z}\p{C}]/u;
const LABEL = `(?:${NC}(?:(?:${NC}|-){0,61}${NC})?|[${CJK}]{1,63})`;
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
/** An ASCII or punycode TLD may be followed by Chinese (`a@b.com请回复`), never by more of itself. */
const TLD = `(?:(?:[A-Za-z]{2,63}|xn--[A-Za-z0-9-]{1,58}[A-Za-z0-9])(?![A-Za-z0-9-])|${CJK_TLDS.join('|')}|(?:(?![A-Za-z${CJK}])[\\p{L}\\p{M}]){2,63}(?!${NC}|-))`;
const PATTERN = new RegExp(`${LOCAL}@(?:${LABEL}\\.)+${TLD}`, 'gu');

/** The canonical form tokens are made of: lower-cased, NFC, the domain in Unicode (`xn--fiqs8s` → `中国`). */
export function normalizeEmailAddress(address: string): string {
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

function validateEmail(match: string): Candidate | null {
  const at = match.lastIndexOf('@');
  if (at > 64 || match.length - at - 1 > 253) return null;
  return { normalized: normalizeEmailAddress(match), confidence: [0.99, 0.99] };
}

/**
 * Email address, including Unicode local parts and IDN domains (`张三@例子.中国`). The syntax is unambiguous,
 * so confidence is high without context and a match wins over a phone or ID number inside it.
 */
export const email: Detector = {
  type: 'EMAIL',
  pattern: PATTERN,
  anchor: { char: '@', before: 64, body: LOCAL_CHAR },
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
