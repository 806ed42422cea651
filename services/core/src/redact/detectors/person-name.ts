import { surnameLength } from '../chinese-surnames';
import type { Candidate, Detector, ScanMatch, ScanScope } from '../finding';
import { hasFeature } from '../text-features';

/** The record's metadata says this is a person's name: as sure as a name can be. */
const PARTICIPANT = [0.95, 0.95] as const;
/** A cue (`姓名：`, `我叫`, `先生`) makes a name likely, but boundaries in Chinese are guessed. */
const CUE = [0.7, 0.7] as const;
/** A bare surname before a title (`王先生`) is redacted where a policy labels names, but identifies no one. */
const SURNAME = [0.4, 0.4] as const;

/**
 * Cues after which a name follows (`姓名：张三`, `收款人李明`); `weak` ones also start ordinary phrases (`客户信息`,
 * and `客户：` labels the customer's lines in a transcript), so their name must end at a boundary.
 */
const PREFIX_CUES: readonly { cue: string; weak?: boolean; ignore?: boolean }[] = [
  // Longer words that hold a cue but name no person come first: the first cue that fits wins.
  { cue: '用户名', ignore: true },
  { cue: '用戶名', ignore: true },
  ...[
    '姓名',
    '名字',
    '实名',
    '實名',
    '户名',
    '戶名',
    '我叫',
    '联系人',
    '聯繫人',
    '联络人',
    '收件人',
    '收货人',
    '收貨人',
    '寄件人',
    '发件人',
    '發件人',
    '收款人',
    '付款人',
    '持卡人',
    '申请人',
    '申請人',
    '入住人',
    '乘车人',
    '乘客',
    '投保人',
    '被保险人',
    '受益人',
    '委托人',
    '体检人',
    '爱人',
    '经办人',
    '經辦人',
    '经办',
    '工作人员',
    '同事',
    '师傅',
    '師傅',
    '机主',
    '機主',
    '车主',
    '車主',
  ].map((cue) => ({ cue })),
  ...['客户', '客戶', '本人', '我是', '我係', '员工'].map((cue) => ({ cue, weak: true })),
];
/** Characters most cues share (`收件人`, `联系人`…; `我叫`, `我是`): the text is searched once per key, not per cue. */
const KEYS = '人名我客主员办事傅';
type KeyedCue = { cue: string; weak: boolean; ignore: boolean; offset: number };
/** Key (by code) → the cues holding it, by the code of the character before the key in the cue, or 0x10000 + the one after. */
const PREFIX_KEYS = new Map<number, Map<number, KeyedCue[]>>();
for (const c of PREFIX_CUES) {
  const key = [...KEYS].find((k) => c.cue.includes(k)) ?? c.cue.at(-1)!;
  const offset = c.cue.indexOf(key);
  const next = offset > 0 ? c.cue.charCodeAt(offset - 1) : 0x10000 + c.cue.charCodeAt(offset + 1);
  const byNext = PREFIX_KEYS.get(key.charCodeAt(0)) ?? new Map<number, KeyedCue[]>();
  byNext.set(next, [...(byNext.get(next) ?? []), { cue: c.cue, weak: !!c.weak, ignore: !!c.ignore, offset }]);
  PREFIX_KEYS.set(key.charCodeAt(0), byNext);
}
/** A name alone on a line after these (`此致\n李德明`), or after a blank line, is a signature. */
const CLOSINGS = ['此致', '敬上', '谢谢', '謝謝', '祝好'];
/** Words that, right after a weak cue's name, show where it ends (`客户王明反映`). */
const FOLLOWERS = [
  '说',
  '說',
  '反映',
  '表示',
  '来电',
  '來電',
  '称',
  '稱',
  '要求',
  '的',
  '身份证',
  '身份證',
  '电话',
  '電話',
  '手机',
  '手機',
];
/** Cues a name comes before (`张伟先生`); a bare surname (`王先生`) names no one. */
const SUFFIX_CUES = ['先生', '女士', '小姐'];
/** Surnames that with `先` form an adverb or noun (`原先`, `祖先`), so `原先生活` holds no `原先生`. */
const NOT_BEFORE_XIANSHENG = new Set('原祖');
/** Labels a name is written before in forms and lists (`彭杰，身份证…`, `1. 田晨曦 电话…`), by first character. */
const LABELS_AFTER = ['身份证', '身份證', '电话', '電話', '手机', '手機'];
const LABEL_KEYS = ['身', '电', '電', '手'];
/** Words a given name stops before. */
const TITLES = [
  '先生',
  '女士',
  '小姐',
  '老师',
  '老師',
  '同学',
  '同學',
  '经理',
  '經理',
  '师傅',
  '師傅',
  '阿姨',
  '太太',
  '夫人',
];
/** Characters that follow a name far more often than they end one (particles, verbs, pronouns, units). */
const STOP = new Set(
  '的是在了和与與说說们們也就已还還从從给給把被对對向跟去来來打买買请請您你我他她它这這那有没沒不很都又才会會能可要想需电電手身住地联聯现現刚剛吗嗎呢吧啊呀哦嗯或等收寄号號年月日时時点點元块塊个個次通过過到为為以之其让讓叫问問称稱姓名及同今昨前后後再先女',
);
/** Surnames that are far more often a function word before a name (`和张伟先生`, `这位王女士`). */
const FUNCTION_SURNAMES = new Set('和向于於时時全应應相来來都信海国國平明云雲区區门門花位计計满滿强那但由');
/** Everyday words that begin with a surname character and would otherwise be read as a name after a cue. */
const NOT_NAMES = new Set([
  '公司',
  '信息',
  '余额',
  '方面',
  '方便',
  '方式',
  '方法',
  '关系',
  '关于',
  '关注',
  '明白',
  '明天',
  '明确',
  '申请',
  '高兴',
  '安排',
  '安全',
  '安装',
  '全部',
  '全额',
  '时间',
  '时候',
  '成功',
  '平时',
  '平台',
  '商品',
  '商家',
  '商量',
  '原因',
  '原来',
  '金额',
  '费用',
  '支付',
  '支持',
  '解决',
  '相关',
  '应该',
  '单号',
  '车牌',
  '车辆',
  '文件',
  '国家',
  '海外',
  '包裹',
  '计划',
  '项目',
  '管理',
  '简单',
  '路上',
  '常见',
  '程序',
  '信用',
  '资料',
  '于是',
  '邮箱',
  '朋友',
  '强烈',
  '马上',
  '刚才',
  '那边',
  '都是',
  '都有',
  '师傅',
]);
/** Capitalized English words that are not a second name after `Mr. Smith`. */
const EN_STOP = new Set([
  'Please',
  'Thanks',
  'Thank',
  'Hi',
  'Hello',
  'Dear',
  'Regards',
  'Best',
  'The',
  'I',
  'We',
  'You',
  'Your',
  'Our',
  'This',
  'That',
  'From',
  'To',
  'And',
  'Or',
  'Sent',
  'On',
  'At',
  'In',
  'Is',
  'Has',
  'Was',
  'Will',
  'Can',
  'Would',
  'Could',
  'Regards',
  'Wishes',
  'For',
]);
/** Words a display name holds when it names a team or a mailbox, not a person. */
const GENERIC = new Set(
  'support service services team sales admin administrator customer customers help helpdesk desk info noreply no-reply bot system office department center centre billing mail notification notifications account accounts shop store official'.split(
    ' ',
  ),
);

const EN_WORD = "\\p{Lu}\\p{Ll}+(?:[-'’]\\p{Lu}?\\p{Ll}+)*";
const EN_NAME = new RegExp(`(${EN_WORD})(?: (${EN_WORD}))?`, 'uy');
/** English cues a name follows: `my name is`, labels (`Name:`, `Account name`), sign-offs (`Regards,`). */
const EN_CUE =
  /(?:[Mm]y name is|[Mm]y name['’]s|[Nn]ame:|NAME:|Contact:|Ask for|[Aa]ccount (?:holder|name):?|[Bb]eneficiary(?: name)?:?|(?:Regards|Thanks|Thank you|Best|Sincerely|Cheers),?)[ \t]*(?:\r?\n)?[ \t]*/g;
const TITLE = /(?:Mrs|Mr|Ms|Miss|Mx|Dr)\.? {1,2}(?=\p{Lu})/uy;
const LATIN_NAME = /^[\p{L}'’.-]+(?: [\p{L}'’.-]+){1,3}$/u;
const HAN_ONLY = /^[\u3400-\u9fff]+$/;

/**
 * Character classes by UTF-16 code, for the loops that run at every cue: looking up `text[i]` in a Set would
 * first make a one-character string of it. `STOP_CHAR` and `FUNCTION_SURNAME` mirror the sets above; the others
 * mark the first characters of the titles and followers, so most positions are ruled out before `startsWith`.
 */
const STOP_CHAR = 1;
const FUNCTION_SURNAME = 2;
const TITLE_FIRST = 4;
const FOLLOWER_FIRST = 8;
const CHAR = new Uint8Array(0x10000);
const mark = (chars: Iterable<string>, bit: number) => {
  for (const c of chars) CHAR[c.charCodeAt(0)]! |= bit;
};
mark(STOP, STOP_CHAR);
mark(FUNCTION_SURNAMES, FUNCTION_SURNAME);
mark(TITLES, TITLE_FIRST);
mark(FOLLOWERS, FOLLOWER_FIRST);

/** Whether `text[i]` is a Han character (false outside the text). */
const isHan = (text: string, i: number) => {
  const c = text.charCodeAt(i);
  return c >= 0x3400 && c <= 0x9fff;
};
const isStop = (text: string, i: number) => (CHAR[text.charCodeAt(i)]! & STOP_CHAR) !== 0;
/** Whether one of `words` starts at `at` (a loop, not `some`: this runs for every cue hit). */
function startsWithAny(text: string, at: number, words: readonly string[]): boolean {
  for (const w of words) if (text.startsWith(w, at)) return true;
  return false;
}
const startsTitle = (text: string, at: number) =>
  (CHAR[text.charCodeAt(at)]! & TITLE_FIRST) !== 0 && startsWithAny(text, at, TITLES);
const startsFollower = (text: string, at: number) =>
  (CHAR[text.charCodeAt(at)]! & FOLLOWER_FIRST) !== 0 && startsWithAny(text, at, FOLLOWERS);

/** The canonical form of a name tokens are made of: Latin names lower-cased with single spaces. */
function normalizeName(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** Chinese convention: the surname stays (`张*`, `欧阳**`); a Latin name keeps its first letter (`J***`). */
export function maskPersonName(name: string): string {
  const chars = Array.from(name.trim());
  if (chars.length === 0) return '';
  if (!HAN_ONLY.test(name.trim())) return `${chars[0]}***`;
  const surname = surnameLength(name.trim());
  if (surname >= chars.length) return name.trim(); // a bare surname (`王先生`): the convention keeps it
  const keep = Math.min(surname || 1, chars.length - 1);
  return `${chars.slice(0, keep).join('')}${'*'.repeat(Math.max(1, chars.length - keep))}`;
}

/** Where a Chinese name starting at `at` ends (surname + one or two given characters), or -1. */
function chineseNameEnd(text: string, at: number, labelled: boolean): number {
  const surname = surnameLength(text, at);
  if (surname === 0) {
    // A labelled field (`姓名：`) may hold a rare surname: trust a short run that ends at a boundary.
    if (!labelled) return -1;
    let end = at;
    while (end - at < 4 && isHan(text, end) && !isStop(text, end)) end++;
    return end - at >= 2 && end - at <= 3 && !isHan(text, end) ? end : -1;
  }
  let end = at + surname;
  while (end - at - surname < 2 && isHan(text, end) && !isStop(text, end) && !startsTitle(text, end)) end++;
  if (end === at + surname || NOT_NAMES.has(text.slice(at, at + 2))) return -1;
  return end;
}

/** A capitalized one- or two-word Latin name at `at`, as [start, text], or null. */
function englishNameAt(text: string, at: number): ScanMatch | null {
  // A name starts with a capital: never another ASCII character, a Han one (no case) or the end of the text.
  const c = text.charCodeAt(at);
  const ascii = c < 0x80 || Number.isNaN(c);
  if (ascii ? !(c >= 65 && c <= 90) : c >= 0x3400 && c <= 0x9fff) return null;
  EN_NAME.lastIndex = at;
  const m = EN_NAME.exec(text);
  if (!m || EN_STOP.has(m[1]!) || GENERIC.has(m[1]!.toLowerCase())) return null;
  if (text[at + m[0].length]?.match(/[A-Za-z]/)) return null;
  if (m[2] && GENERIC.has(m[2].toLowerCase())) return null; // `Card Services`: a team, not a person
  const name = m[2] && !EN_STOP.has(m[2]) ? m[0] : m[1]!;
  return [at, name];
}

/** A display name worth looking for: a Chinese name as written, or a Latin one by its lower-cased `needle`. */
interface SoughtName {
  han: boolean;
  /** The Chinese name, or the lower-cased Latin one. */
  needle: string;
  candidate: Candidate;
}

const sought = new WeakMap<readonly string[], SoughtName[]>();

/** The names of `names` that can name a person, prepared once per list (`detectInRecord` passes one list per record). */
function soughtNames(names: readonly string[]): SoughtName[] {
  let out = sought.get(names);
  if (out) return out;
  out = [];
  for (const raw of names) {
    const name = raw.trim().replace(/\s+/g, ' ');
    const candidate: Candidate = { normalized: normalizeName(name), confidence: PARTICIPANT };
    if (HAN_ONLY.test(name)) {
      if (name.length >= 2 && name.length <= 4 && surnameLength(name) > 0)
        out.push({ han: true, needle: name, candidate });
      continue;
    }
    if (!LATIN_NAME.test(name) || name.length < 5) continue;
    if (name.split(' ').some((w) => GENERIC.has(w.toLowerCase()))) continue;
    out.push({ han: false, needle: candidate.normalized, candidate });
  }
  sought.set(names, out);
  return out;
}

function participantNames(text: string, names: readonly string[], out: ScanMatch[]): void {
  let lower: string | undefined;
  for (const { han, needle, candidate } of soughtNames(names)) {
    if (han) {
      for (let i = text.indexOf(needle); i !== -1; i = text.indexOf(needle, i + needle.length)) {
        out.push([i, needle, candidate]);
      }
      continue;
    }
    // Lower-case ASCII only, so offsets stay those of the text.
    lower ??= text.replace(/[A-Z]/g, (c) => c.toLowerCase());
    for (let i = lower.indexOf(needle); i !== -1; i = lower.indexOf(needle, i + needle.length)) {
      if (/\p{L}/u.test(text[i - 1] ?? '') || /\p{L}/u.test(text[i + needle.length] ?? '')) continue;
      out.push([i, text.slice(i, i + needle.length), candidate]);
    }
  }
}

/** Whether a name may end at `end`: not inside a run of Han characters, unless a title or a verb follows. */
function endsAtBoundary(text: string, end: number): boolean {
  return !isHan(text, end) || startsTitle(text, end) || startsFollower(text, end);
}

/** The name after a prefix cue that ends at `cueEnd` (`姓名：张三`), as a match, or null. */
function nameAfter(text: string, cueEnd: number, weak: boolean): ScanMatch | null {
  let at = cueEnd;
  const c = text.charCodeAt(at);
  const colon = c === 0x3a || c === 0xff1a; // : ：
  if (colon || c === 0x662f || c === 0x4e3a || c === 0x70ba || c === 0x53eb) at++; // 是为為叫
  while (text.charCodeAt(at) === 0x20 && at - cueEnd < 3) at++;
  const first = text.charCodeAt(at);
  if (first >= 0x41 && first <= 0x5a) return weak ? null : englishNameAt(text, at); // A-Z
  let end = chineseNameEnd(text, at, colon && !weak);
  if (end < 0) return null;
  // `客户王明反映`: two given characters that run into the next word are more likely one.
  if (!endsAtBoundary(text, end) && end - at === 3 && surnameLength(text, at) === 1 && endsAtBoundary(text, end - 1))
    end--;
  if (weak && !endsAtBoundary(text, end)) return null;
  return [at, text.slice(at, end)];
}

/** The first of `cues` written around the key at `k`. */
function cueAt(text: string, k: number, cues: readonly KeyedCue[] | undefined): KeyedCue | undefined {
  if (cues) for (const c of cues) if (text.startsWith(c.cue, k - c.offset)) return c;
  return undefined;
}

/** What `cueNames` checks at a character, by its code: bits of the kinds of cue that hold it. */
const PREFIX_KEY = 1;
const SUFFIX_CUE = 2;
const LABEL_KEY = 4;
const NEWLINE = 8;
const CUE_AT = new Uint8Array(0x10000);
for (const key of PREFIX_KEYS.keys()) CUE_AT[key]! |= PREFIX_KEY;
for (const cue of SUFFIX_CUES) CUE_AT[cue.charCodeAt(0)]! |= SUFFIX_CUE;
for (const key of LABEL_KEYS) CUE_AT[key.charCodeAt(0)]! |= LABEL_KEY;
CUE_AT[0x0a]! |= NEWLINE;
/** Whether every cue but the line break is a Han character: then a text without any needs only `signatures`. */
const CUES_ARE_HAN = [...PREFIX_KEYS.keys(), ...[...SUFFIX_CUES, ...LABEL_KEYS].map((c) => c.charCodeAt(0))].every(
  (c) => c >= 0x3400 && c <= 0x9fff,
);

/**
 * Names around Chinese cues and signatures, in one pass over the text that stops only at characters some cue
 * holds (a table lookup per character, instead of a search of the text per cue).
 */
function cueNames(text: string, out: ScanMatch[]): void {
  const length = text.length; // read once: a loop that re-reads it can compile to far slower code
  for (let k = 0; k < length; k++) {
    const at = CUE_AT[text.charCodeAt(k)]!;
    if (at === 0) continue;
    if (at & PREFIX_KEY) {
      const byNext = PREFIX_KEYS.get(text.charCodeAt(k))!;
      const cue =
        cueAt(text, k, byNext.get(text.charCodeAt(k - 1))) ??
        cueAt(text, k, byNext.get(0x10000 + text.charCodeAt(k + 1)));
      const name = cue && !cue.ignore ? nameAfter(text, k - cue.offset + cue.cue.length, cue.weak) : null;
      if (name) out.push(name);
    }
    if (at & SUFFIX_CUE) {
      // Each suffix cue starts with its own character, and none can overlap itself.
      const q = k;
      const cue = SUFFIX_CUES.find((c) => text.startsWith(c, q));
      if (cue && !(cue === '先生' && NOT_BEFORE_XIANSHENG.has(text[q - 1] ?? ''))) {
        // 原先生活: 原先, not 原先生
        const start = nameBefore(text, q);
        if (start >= 0) out.push([start, text.slice(start, q)]);
        else {
          const surname = surnameLength(text, q - 2) === 2 ? 2 : surnameLength(text, q - 1);
          if (surname > 0)
            out.push([
              q - surname,
              text.slice(q - surname, q),
              { normalized: text.slice(q - surname, q), confidence: SURNAME },
            ]);
        }
      }
    }
    if (at & LABEL_KEY && startsWithAny(text, k, LABELS_AFTER)) {
      let q = k;
      if ('，,：: '.includes(text[q - 1] ?? '_')) q--;
      // A name that stands apart before the label: after a boundary, never glued to other words (`公司电话`).
      const start = nameBefore(text, q, true);
      if (start >= 0) out.push([start, text.slice(start, q)]);
    }
    if (at & NEWLINE) {
      const signature = signatureAt(text, k);
      if (signature) out.push(signature);
    }
  }
}

/** Signatures alone, for a text without Han characters (see `signatureAt`). */
function signatures(text: string, out: ScanMatch[]): void {
  for (let n = text.indexOf('\n'); n !== -1; n = text.indexOf('\n', n + 1)) {
    const signature = signatureAt(text, n);
    if (signature) out.push(signature);
  }
}

/** Whether the line that ends at the `\n` at `n` is blank or a closing (`此致`): a signature may follow. */
function belowBlankOrClosing(text: string, n: number): boolean {
  const end = text[n - 1] === '\r' ? n - 1 : n;
  const line = text.slice(text.lastIndexOf('\n', end - 1) + 1, end).trim();
  return line === '' || CLOSINGS.some((c) => line.endsWith(c));
}

/**
 * A signature on the line after the `\n` at `n`: a Chinese name followed by a closing (`何诗雨 敬上`); below a
 * blank or closing line, a Chinese name alone or before a phone or address (`何志强 19935593415`); or a
 * two-word Latin name as the text's last line.
 */
function signatureAt(text: string, n: number): ScanMatch | null {
  let at = n + 1;
  while (text.charCodeAt(at) === 0x20) at++;
  const chinese = chineseNameEnd(text, at, false);
  if (chinese < 0) {
    const latin = englishNameAt(text, at);
    if (!latin?.[1].includes(' ') || text.slice(at + latin[1].length).trim() !== '') return null;
    return belowBlankOrClosing(text, n) ? latin : null;
  }
  let after = chinese;
  while (text.charCodeAt(after) === 0x20) after++;
  const name: ScanMatch = [at, text.slice(at, chinese)];
  if (startsWithAny(text, after, CLOSINGS)) return name;
  const lineEnds = after >= text.length || text[after] === '\n' || text[after] === '\r';
  if (!lineEnds && (after === chinese || isHan(text, after))) return null;
  return belowBlankOrClosing(text, n) ? name : null;
}

/** Whether `text[from, to)` can be a given name: Han characters none of which is a stop character. */
function isGivenName(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!isHan(text, i) || isStop(text, i)) return false;
  return true;
}

/** Where a name that ends right before a title at `q` starts (`请王小明先生` → 王小明), or -1 for a bare surname. */
function nameBefore(text: string, q: number, boundary = false): number {
  // No closures here: this runs at every title and label, and a named closure costs its creation each time.
  for (let length = 4; length >= 2; length--) {
    const at = q - length;
    if (at < 0) continue;
    const surname = surnameLength(text, at);
    if (surname === 0 || surname >= length || length - surname > 2 || !isGivenName(text, at + surname, q)) continue;
    if (CHAR[text.charCodeAt(at)]! & FUNCTION_SURNAME) continue;
    if (NOT_NAMES.has(text.slice(at, at + 2)) || (boundary && isHan(text, at - 1))) continue;
    return at;
  }
  return -1;
}

function englishCues(text: string, out: ScanMatch[]): void {
  EN_CUE.lastIndex = 0;
  for (let m = EN_CUE.exec(text); m; m = EN_CUE.exec(text)) {
    if (/[A-Za-z]/.test(text[m.index - 1] ?? '')) continue; // `Username:` is no `name:`
    const at = m.index + m[0].length;
    if (isHan(text, at)) {
      const end = chineseNameEnd(text, at, m[0].includes(':'));
      if (end > 0) out.push([at, text.slice(at, end)]);
      continue;
    }
    const en = englishNameAt(text, at);
    if (en) out.push(en);
  }
  // `Mr./Mrs./Ms./Miss/Dr X`, found by one search for `M` and one for `Dr`.
  for (const key of ['M', 'Dr']) {
    for (let k = text.indexOf(key); k !== -1; k = text.indexOf(key, k + 1)) {
      if (key === 'M' && !'rsix'.includes(text[k + 1] ?? '_')) continue; // Mr Mrs Ms Miss Mx
      TITLE.lastIndex = k;
      if (/[A-Za-z]/.test(text[k - 1] ?? '') || !TITLE.test(text)) continue;
      const en = englishNameAt(text, TITLE.lastIndex);
      if (en) out.push(en);
    }
  }
}

/**
 * Person name (姓名) without machine learning: the names the record's metadata gives, wherever the text
 * repeats them (high confidence), and names after or before cues — `姓名：`, `联系人`, `我叫`, `本人`,
 * `X先生/女士/小姐`, `my name is`, `Mr./Ms.` — with a known surname (medium confidence).
 */
export const personName: Detector = {
  type: 'PERSON_NAME',
  scan: (text: string, scope: ScanScope) => {
    const out: ScanMatch[] = [];
    if (scope.names.length > 0) participantNames(text, scope.names, out);
    if (CUES_ARE_HAN && !hasFeature(scope.has, 'han')) signatures(text, out);
    else cueNames(text, out);
    if (hasFeature(scope.has, 'latin')) englishCues(text, out); // every English cue holds a Latin letter
    return out;
  },
  validate: (match) => ({ normalized: normalizeName(match), confidence: CUE }),
  context: [],
  mask: (f) => maskPersonName(f.value),
  label: '[姓名]',
  sensitivity: 'L2',
  piplSensitive: false,
};
