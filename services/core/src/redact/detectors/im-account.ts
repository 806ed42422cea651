import type { Candidate, Detector, ScanMatch, ScanScope } from '../finding';
import { hasFeature, isAsciiLetter } from '../text-features';

/** WeChat's generated IDs say what they are on their own. */
const GENERATED = [0.9, 0.95] as const;
/** A handle or number right after the app's name: the name is the evidence, so the match needs it. */
const CUED = [0.8, 0.9] as const;

/** `wxid_` and 6–22 letters or digits, not inside a longer word. */
const WXID = /(?<![A-Za-z0-9_])wxid_[A-Za-z0-9]{6,22}(?![A-Za-z0-9_-])/y;

/**
 * The app's name, then at most a `号`/`账号`/`ID`/`联系方式` (`偏好微信联系：szeto_wh88`), a `是`/`为`/colon and spaces,
 * then the account: a WeChat ID (a
 * letter, then 5–19 letters, digits, `_` or `-`) or a QQ number (5–11 digits, no leading 0). Not after a letter
 * (`wx` in a word), and nothing else between: `QQ群 123456` is a group, `微信支付` a payment.
 */
const CUED_ACCOUNT =
  /(?<![A-Za-z])(微信|威信|V信|[Vv][Xx]|[Ww][Xx]|[Ww]e[Cc]hat|QQ|qq|Qq|扣扣|企鹅)((?:号码|号|帐号|账号|联系方式|聯繫方式|联系|聯繫| ?ID| ?id)?(?: ?就?[是为:]{1,2} ?| ?))([A-Za-z][A-Za-z0-9_-]{5,19}|[1-9]\d{4,10})(?![A-Za-z0-9_-])/g;

/**
 * `加一下 huangls_2024`, `加我 chen-lily88`: a WeChat ID after 加我/加一下 (add me), when the app is named earlier in
 * the same sentence (see `APP_BEFORE`). Only an ID with a digit, `_` or `-` (`加一下 Lily` may be a name), and that
 * ends the clause (`加一下 iPhone_15 配件群` names a group).
 */
const ADD_ACCOUNT = /加(?:我|一下|我一下) ?([A-Za-z][A-Za-z0-9_-]{5,19})(?![A-Za-z0-9_-]| *[\u3400-\u9fff])/g;
/** How far before `加` the app's name is looked for. */
const APP_REACH = 24;
/** The app's name in the clause before `加` (no sentence break between). */
const APP_BEFORE = /(?:微信|威信|[Vv][Xx]|[Ww]e[Cc]hat)[^。；;！!？?\n]*$/;

/**
 * `我的是 nina-wu_0324`: the speaker's own ID, given in answer once the app is named in the turn before or earlier in
 * the same (see `APP_NAMED`). Only an ID with a digit, `_` or `-`, that ends the clause.
 */
const MINE_ACCOUNT =
  /我的(?:是|号是|號是|ID是|id是) ?([A-Za-z][A-Za-z0-9_-]{5,19})(?![A-Za-z0-9_-]| *[\u3400-\u9fff])/g;
/** How far before `我的是` the app's name is looked for: the turn before, as an exchange of IDs goes. */
const MINE_REACH = 80;
/**
 * `客服：方便加个微信吗？` / `客户：可以，tom_lee88`: an ID that is a whole answer, at a line's or turn's start (after a
 * speaker's label, a `好的`/`可以`/`OK`, a `我的是`), once the app is named in the turn before (see `APP_NAMED`). Only
 * an ID with a digit, `_` or `-`, that ends the clause.
 */
const REPLY_ACCOUNT =
  /^(?:[^\n\u2029]{0,24}?[:：] ?)?(?:(?:可以|好的|好|行|嗯|没问题|沒問題|[Oo][Kk]|[Ss]ure)(?:的|呀|啊|啦)?[，,。!！ ]*)?(?:(?:我的|微信号?|微信號)(?:是|:|：)? ?)?([A-Za-z][A-Za-z0-9_-]{5,19})(?![A-Za-z0-9_-]| *[\u3400-\u9fff@.:/])/gm;

/** The app's name anywhere in those characters, as a way to reach someone (not `微信支付`, `QQ群`). */
const APP_NAMED =
  /(?:微信|威信|[Vv][Xx]|[Ww]e[Cc]hat|QQ|扣扣)(?! ?(?:支付|付款|转账|轉賬|红包|紅包|群|扫码|掃碼|[Pp]ay))/;

/** Any app's name: without one, no account is given after `加我`, `我的是` or in a reply. */
const ANY_APP = /微信|威信|[Vv][Xx]|[Ww]e[Cc]hat|QQ|扣扣/;

const LATIN_CUE = /^[A-Za-z]/;
const ID_LIKE = /[\d_-]/;

/**
 * Whether a cued match is an account: after an English name (`WeChat`, `wx`), a word of letters only must be
 * introduced as one (`WeChat ID: lilychen`, `wx: lilychen`) or it is English prose (`WeChat Payment`), and one glued
 * to the name is part of a word (`wxbox123`).
 */
function isAccount(cue: string, between: string, account: string): boolean {
  if (LATIN_CUE.test(cue) && between === '' && LATIN_CUE.test(account)) return false; // `wxbox123`: one word
  if (!LATIN_CUE.test(cue) || /^\d/.test(account) || ID_LIKE.test(account)) return true;
  return /ID|id|号|:|是|为/.test(between);
}

/**
 * A LINE ID after the app's name (`我太太LINE是peishan.lee0606`, `LINE ID: kelly_0606`): LINE IDs also take dots. Only
 * `LINE` in capitals or `Line ID`, as `line` is an English word; not after a letter; and after a bare space, only an ID
 * with a digit, a dot, `_` or `-` (`LINE Bank` names no one).
 */
const LINE_ACCOUNT =
  /(?:LINE(?: ?ID)?|Line ID)( ?(?:是|為|为|:)? ?)([A-Za-z0-9][A-Za-z0-9._-]{3,19})(?![A-Za-z0-9._-])/g;
const LINE_ID_LIKE = /[\d._-]/;

/** Generated WeChat IDs anywhere; other accounts right after the app's name, or given once it is named. */
function scanAccounts(text: string, scope: ScanScope): ScanMatch[] {
  const out: ScanMatch[] = [];
  if (!hasFeature(scope.has, 'latin') && !hasFeature(scope.has, 'digit')) return out;
  for (let at = text.indexOf('wxid_'); at !== -1; at = text.indexOf('wxid_', at + 5)) {
    WXID.lastIndex = at;
    const m = WXID.exec(text);
    if (m) out.push([at, m[0], { normalized: m[0].toLowerCase(), confidence: GENERATED }]);
  }
  CUED_ACCOUNT.lastIndex = 0;
  for (let m = CUED_ACCOUNT.exec(text); m; m = CUED_ACCOUNT.exec(text)) {
    const [, cue, between, account] = m as unknown as [string, string, string, string];
    if (account.toLowerCase().startsWith('wxid_') || !isAccount(cue, between, account)) continue; // wxid_: above
    const start = m.index + m[0].length - account.length;
    out.push([start, account, { normalized: account.toLowerCase(), confidence: CUED }]);
  }
  LINE_ACCOUNT.lastIndex = 0;
  for (let m = LINE_ACCOUNT.exec(text); m; m = LINE_ACCOUNT.exec(text)) {
    const between = m[1]!;
    const account = m[2]!;
    if (isAsciiLetter(text.charCodeAt(m.index - 1)) || between === '') continue;
    if (between.trim() === '' && !LINE_ID_LIKE.test(account)) continue;
    out.push([
      m.index + m[0].length - account.length,
      account,
      { normalized: account.toLowerCase(), confidence: CUED },
    ]);
  }
  if (!ANY_APP.test(text)) return out.sort((a, b) => a[0] - b[0]);
  const starts = new Set(out.map(([start]) => start));
  for (const [re, app, reach] of [
    [ADD_ACCOUNT, APP_BEFORE, APP_REACH],
    [MINE_ACCOUNT, APP_NAMED, MINE_REACH],
    [REPLY_ACCOUNT, APP_NAMED, MINE_REACH],
  ] as const) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const account = m[1]!;
      if (!ID_LIKE.test(account) || !app.test(text.slice(Math.max(0, m.index - reach), m.index))) continue;
      const start = m.index + m[0].length - account.length;
      if (starts.has(start)) continue; // `加我微信 abc_123`: found above (a set: a long text has many)
      starts.add(start);
      out.push([start, account, { normalized: account.toLowerCase(), confidence: CUED }]);
    }
  }
  return out.sort((a, b) => a[0] - b[0]);
}

/** Every match carries its candidate; a bare account is never validated on its own. */
function validateAccount(match: string): Candidate | null {
  return match.startsWith('wxid_') ? { normalized: match.toLowerCase(), confidence: GENERATED } : null;
}

/**
 * Instant-messaging account (社交账号): a WeChat ID (`wxid_k8s2m9x3`, or a custom ID after 微信/VX/WeChat), a QQ
 * number after QQ/扣扣/企鹅号, or a LINE ID after LINE. In Chinese consultation records these are how customers ask to be contacted, and
 * they identify a person as well as a phone number does. A phone number given as a WeChat ID stays CN_MOBILE.
 */
export const imAccount: Detector = {
  type: 'IM_ACCOUNT',
  scan: scanAccounts,
  validate: validateAccount,
  context: ['微信', '加我', '好友', 'WeChat', 'QQ', '扣扣', 'LINE'],
  mask: (f) =>
    f.value.length <= 6
      ? `${f.value.slice(0, 1)}${'*'.repeat(f.value.length - 1)}`
      : `${f.value.slice(0, 2)}${'*'.repeat(f.value.length - 4)}${f.value.slice(-2)}`,
  label: '[社交账号]',
  sensitivity: 'L2',
  piplSensitive: false,
};
