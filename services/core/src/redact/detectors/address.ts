import { digitRuns } from '../digit-runs';
import { englishAddresses, isDesignator, normalizeEnglishAddress, readEnglishAddress } from '../english-address';
import type { Candidate, Detector, ScanMatch, ScanScope } from '../finding';
import { foldWidth } from '../fold-width';
import { knownPlaceBefore } from '../known-places';
import { hasFeature } from '../text-features';

/** An address from a province, city or district down to a numbered unit is as specific as addresses get. */
const ADMINISTRATIVE = [0.85, 0.95] as const;
/** A road and house number alone (`幸福路12号`) is most likely an address, surely so after `地址：`. */
const STREET = [0.6, 0.9] as const;

const HAN = '\\u3400-\\u9fff';
/** The characters of `chars` by code, so the text is looked up without making one-character strings of it. */
const codes = (chars: string): ReadonlySet<number> => new Set([...chars].map((c) => c.charCodeAt(0)));
/** Characters a place name never holds: street-level units, so an administrative part stops before them. */
const NOT_IN_PLACE = '路街巷弄号號栋棟幢楼樓层層室村组組园園苑厦廈场場的了在是到';
const PLACE_CHAR = `(?:(?![${NOT_IN_PLACE}])[${HAN}])`;
/** Province, prefecture, county and township levels; `小区/社区/园区…` are neighbourhoods, not districts. */
const ADMIN_UNIT =
  '(?:特别行政区|特別行政區|自治区|自治區|自治州|自治县|自治縣|自治旗|地区|地區|新区|新區|(?<![小社园園校景厂廠营營])[区區]|省|市|县|縣|旗|盟|镇|鎮|乡|鄉|街道)';
/** The levels a mask keeps (`上海市浦东新区****`): down to the district, never the township or below. */
const KEPT_UNIT =
  '(?:特别行政区|特別行政區|自治区|自治區|自治州|自治县|自治縣|自治旗|地区|地區|新区|新區|(?<![小社园園校景厂廠营營])[区區]|省|市|县|縣|旗|盟)';
const STREET_UNIT =
  '(?:大道|大街|胡同|社区|社區|小区|小區|花园|花園|公寓|大厦|大廈|大楼|大樓|广场|廣場|新村|家园|家園|公馆|公館|中心|工业区|開發區|开发区|科技园|产业园|路|街|道|巷|弄|里|村|组|組|苑|园|園|庄|莊|屯|湾|灣|城|区|區|府|居|坊|阁|閣|院|座|栋|棟|幢|楼|樓|庭|邸)';
/**
 * A number: digits (`12-3-401`, `5A`), a letter (`C座`), Chinese numerals; after a side of the road (`农业路东68号`,
 * `皇后大道中99號`).
 */
const NUMBER = '(?:[东西南北中東]?(?:\\d+(?:-\\d+)*[A-Za-z]?|[A-Za-z]\\d*|[一二三四五六七八九十百零〇两兩]+))';
/** Numbered units; `1号门`, `3号口`, `2号线` are a gate, an exit and a metro line, not a house number. */
const NUMBER_UNIT =
  '(?:号楼|號樓|号院|號院|(?:号|號)(?![门門口线線])|栋|棟|幢|座|单元|單元|楼|樓|层|層|室|组|組|户|戶|弄|巷|段|期|排|房|门|門|区|區)';

const ADMIN_PART = new RegExp(`${PLACE_CHAR}{1,8}?${ADMIN_UNIT}`, 'y');
const KEPT_PART = new RegExp(`${PLACE_CHAR}{1,8}?${KEPT_UNIT}`, 'y');
/**
 * A street part ends at a unit that no road unit or building word follows (`科苑路`, not `科苑` + `路`; `北角城中心`, not
 * `北角城` + `中心`).
 */
const STREET_PART = new RegExp(
  `[${HAN}A-Za-z]{1,12}?${STREET_UNIT}(?![路街道巷弄]|中心|大厦|大廈|大楼|大樓|广场|廣場|花园|花園)`,
  'y',
);
/** A numbered unit, and a Taiwanese sub-unit (`12樓之3`) or a flat's letter after a floor (`8樓F`, `12樓C`). */
const NUMBER_PART = new RegExp(
  `(?:${NUMBER}${NUMBER_UNIT}|第\\d{1,3}(?:座|栋|棟|幢|号楼|號樓))(?:之\\d{1,3}|(?<=[楼樓层層])[A-Z](?![A-Za-z]|[室號号]))?`,
  'y',
);
/** A room number after a building unit (`3栋1201`, `88号3-1201`), never a year or an amount (`1402室2024年`). */
const BARE_NUMBER = /\d{1,5}(?:-\d{1,5})?(?![0-9]|[年月日元块塊號号])/y;
/** A neighbourhood's building-unit-room number (`华苑小区12-3-401`): three parts, `阳光小区3-5年` is no address. */
const DASHED_NUMBER = /\d{1,4}-\d{1,4}-\d{1,5}(?![0-9-])/y;

/** Units an address ends with: no bare number follows a room (`1402室`). */
const ENDS_UNIT = codes('室户戶房');

/** Every address this detector finds holds digits followed by one of these units: where the scan starts from. */
const UNIT_AFTER_DIGITS = codes('号號栋棟幢座单單楼樓层層室组組户戶弄');
/** How far before its first numbered unit an address may start (`新疆维吾尔自治区乌鲁木齐市…路` fits). */
const REACH = 48;
const ADMIN_ANCHOR = new RegExp(ADMIN_UNIT, 'g');
/** Roads directly followed by a number: the start of an address without a province or city. */
const ROAD_ANCHOR = /(?:大道|大街|胡同|路|街|巷|弄)(?=[东西南北中東]?\d|[一二三四五六七八九十]+[号號弄])/g;
/**
 * Hong Kong's regions, which its addresses start with before a district and a road (`九龍旺角彌敦道688號…`,
 * `新界沙田第一城38座21樓F室`): no province or 区 comes first, and its roads end in 道.
 */
const HK_REGION_ANCHOR = /(?:香港島|香港岛|香港|九龍|九龙|新界|港島|港岛)(?=[\u3400-\u9fff])/g;
/**
 * Estates and buildings followed by a block and then a floor or room (`锦绣家园7栋1802室`, `海濱花園第2座23樓C室`):
 * an address that starts with its neighbourhood (`数据中心2期工程` has no floor).
 */
const ESTATE_ANCHOR =
  /(?:花园|花園|家园|家園|新村|公寓|大厦|大廈|广场|廣場|中心|邨|苑|城)(?=第?\d{1,3}[A-Za-z]?(?:座|栋|棟|幢|期)\d)/g;
/** Cue words (`地址：`, `住在`), found by their key character: an address that starts with a neighbourhood. */
const CUES = ['收货地址', '收貨地址', '地址', '住址', '住在', '家住'];
const CUE_KEYS = ['址', '住'];

/** Characters a guessed place name cannot hold: prose right before an address (`寄到`, `我住在`). */
const NOT_PLACE = codes('在住到是寄送往于於的了从從发發我你他她家址给給和与與向去来來为為');

/** Whether `text[i]` is a Han character (false outside the text). */
const isHan = (text: string, i: number) => {
  const c = text.charCodeAt(i);
  return c >= 0x3400 && c <= 0x9fff;
};

function sticky(re: RegExp, text: string, at: number): number {
  re.lastIndex = at;
  return re.test(text) ? re.lastIndex : -1;
}

/** Where the place name before an administrative unit at `u` starts: a known place, else two characters back. */
function placeStart(text: string, u: number): number {
  let start = u - knownPlaceBefore(text, u);
  if (start === u) {
    // Most place names are two characters (`朝阳区`; in `浦东新区` the unit is `新区`).
    for (let i = u - 2; i < u; i++) if (i < 0 || !isHan(text, i) || NOT_PLACE.has(text.charCodeAt(i))) return -1;
    start = u - 2;
  }
  // `广东深圳市`, `广东省深圳市`: the places before it, with or without their unit, belong to the address too.
  for (;;) {
    const unit = text[start - 1] === '省' || text[start - 1] === '市' ? 1 : 0;
    const k = knownPlaceBefore(text, start - unit);
    if (k === 0) return start;
    start -= k + unit;
  }
}

/** Where a road name before the road unit at `u` starts: up to four characters of name, at least one. */
function roadStart(text: string, u: number): number {
  let start = u;
  while (start > u - 4 && isHan(text, start - 1) && !NOT_PLACE.has(text.charCodeAt(start - 1))) start--;
  return start < u ? start : -1;
}

interface Parsed {
  end: number;
  administrative: boolean;
}

/**
 * Reads an address from `start`: administrative parts (only first), then street parts and numbered units, at
 * most one space between parts. It ends at its last numbered unit; it needs a street part or two numbers.
 */
function parseAddress(text: string, start: number): Parsed | null {
  let at = start;
  let admin = 0;
  let streets = 0;
  let numbers = 0;
  let end = -1;
  let afterNumber = false;
  let afterStreet = false;
  for (;;) {
    const from = at > start && text[at] === ' ' ? at + 1 : at;
    const place = streets === 0 && numbers === 0 ? sticky(ADMIN_PART, text, from) : -1;
    if (place > 0) {
      admin++;
      afterNumber = afterStreet = false;
      at = place;
      continue;
    }
    const numbered = sticky(NUMBER_PART, text, from);
    if (numbered > 0) {
      numbers++;
      end = at = numbered;
      afterNumber = true;
      afterStreet = false;
      continue;
    }
    const room =
      from !== at || !(afterNumber || afterStreet)
        ? -1
        : afterNumber && !ENDS_UNIT.has(text.charCodeAt(at - 1))
          ? sticky(BARE_NUMBER, text, from)
          : sticky(DASHED_NUMBER, text, from);
    if (room > 0) {
      end = at = room;
      afterNumber = afterStreet = false;
      continue;
    }
    const street = sticky(STREET_PART, text, from);
    if (street < 0) break;
    streets++;
    afterNumber = false;
    afterStreet = true;
    at = street;
  }
  if (end < 0 || (streets === 0 && numbers < 2)) return null;
  return { end, administrative: admin > 0 };
}

/** Where addresses may start in `text[from, to)`: place names before administrative units, roads, cue words. */
function startsIn(text: string, from: number, to: number, starts: number[]): void {
  // A slice bounds the regex scan (a global regex would run on to the next match anywhere); one character
  // before it keeps the look-behinds true, a few after let a unit that starts inside end outside.
  const lo = Math.max(0, from - 1);
  const window = text.slice(lo, to + 5);
  for (const re of [ADMIN_ANCHOR, ROAD_ANCHOR, HK_REGION_ANCHOR, ESTATE_ANCHOR]) {
    re.lastIndex = 0;
    for (let m = re.exec(window); m; m = re.exec(window)) {
      const u = lo + m.index;
      if (u < from || u >= to) continue;
      const s = re === ADMIN_ANCHOR ? placeStart(text, u) : re === HK_REGION_ANCHOR ? u : roadStart(text, u);
      if (s >= 0) starts.push(s);
    }
  }
  for (const key of CUE_KEYS) {
    for (let w = window.indexOf(key, from - lo); w !== -1 && lo + w < to; w = window.indexOf(key, w + 1)) {
      const k = lo + w;
      const cue = CUES.find((c) => c.includes(key) && text.startsWith(c, k - c.indexOf(key)));
      if (!cue) continue;
      let s = k - cue.indexOf(key) + cue.length;
      if (text[s] === ':' || text[s] === '：' || text[s] === '是') s++;
      else {
        // `地址写的是…`, `地址填的…`: the verb before the address is not part of it.
        const verb = /^(?:写|寫|填)的?是?/.exec(text.slice(s, s + 3));
        if (verb) s += verb[0].length;
      }
      while (text[s] === ' ' && s - k < cue.length + 3) s++;
      if (isHan(text, s)) starts.push(s);
    }
  }
}

function scanAddresses(text: string): ScanMatch[] {
  // Only the stretch before each numbered unit can hold an address start: most text is never looked at.
  const starts: number[] = [];
  let from = -1;
  let to = -1;
  const runs = digitRuns(text);
  for (let i = 0; i < runs.length; i += 2) {
    const at = runs[i]!;
    if (!UNIT_AFTER_DIGITS.has(text.charCodeAt(runs[i + 1]!))) continue;
    if (from >= 0 && at - REACH <= to) {
      to = at; // the units of one address: one stretch
      continue;
    }
    if (from >= 0) startsIn(text, from, to, starts);
    from = Math.max(0, at - REACH);
    to = at;
  }
  const out: ScanMatch[] = [];
  if (from < 0) return out;
  startsIn(text, from, to, starts);
  if (starts.length === 0) return out;
  starts.sort((a, b) => a - b);
  let done = 0;
  for (const s of starts) {
    if (s < done) continue;
    const parsed = parseAddress(text, s);
    if (!parsed) continue;
    const match = text.slice(s, parsed.end);
    const candidate: Candidate = {
      normalized: match.replace(/\s+/g, ''),
      confidence: parsed.administrative ? ADMINISTRATIVE : STREET,
    };
    out.push([s, match, candidate]);
    done = parsed.end;
  }
  return out;
}

/** Chinese addresses where the text holds Han characters, English ones where it holds Latin letters. */
function scan(text: string, scope: ScanScope): ScanMatch[] {
  const chinese = hasFeature(scope.has, 'han') ? scanAddresses(text) : [];
  if (!hasFeature(scope.has, 'latin')) return chinese;
  const english = englishAddresses(text);
  return chinese.length === 0 ? english : [...chinese, ...english];
}

/** The leading administrative levels a mask may show (`上海市浦东新区`), or '' when the address has none. */
function keptPrefix(address: string): string {
  let at = 0;
  for (let next = sticky(KEPT_PART, address, at); next > 0; next = sticky(KEPT_PART, address, at)) at = next;
  return address.slice(0, at);
}

/**
 * What a mask shows of an English address, like `上海市浦东新区` of a Chinese one: its first word when that is a
 * designator (`Flat ****`, `No. ****`), nothing when it is a number (`367`, `#12-05`) or a street's name
 * (`Hohenzollernstraße 14`), since those are what identify a home.
 */
function keptWord(address: string): string {
  const first = address.split(/[\s,，\u3000]/, 1)[0]!;
  return isDesignator(foldWidth(first)) ? `${first} ` : '';
}

/** A Chinese address starts with a Han character; an English one with a letter, a digit or `#`, full-width or not. */
const isEnglish = (address: string) => {
  const c = address.charCodeAt(0);
  return c < 0x80 || (c >= 0xff01 && c <= 0xff5e);
};

/**
 * Postal address (地址). In Chinese by its grammar: from the first administrative unit (省/市/区/县/镇/乡/街道)
 * or a road, through 路/街/巷/弄/小区/村/组…, to the last numbered unit (号/栋/单元/楼/室…); after a cue word
 * (`收货地址：`) from the cue. In English (US, UK, Hong Kong, Singapore) by `readEnglishAddress`: a street line
 * with its units, districts and postcode, or units and buildings alone right after a cue.
 */
export const address: Detector = {
  type: 'ADDRESS',
  scan,
  needs: ['digit'],
  validate: (match) => {
    const parsed = parseAddress(match, 0);
    if (parsed) {
      return { normalized: match.replace(/\s+/g, ''), confidence: parsed.administrative ? ADMINISTRATIVE : STREET };
    }
    const english = readEnglishAddress(match, 0, false);
    return english?.end === match.length
      ? { normalized: normalizeEnglishAddress(match), confidence: english.confidence }
      : null;
  },
  context: ['地址', '住址', '收货', '收貨', '寄到', '送到', '住在', '家住', 'address'],
  mask: (f) => (isEnglish(f.value) ? `${keptWord(f.value)}****` : `${keptPrefix(f.normalized)}****`),
  label: '[地址]',
  sensitivity: 'L2',
  piplSensitive: false,
};
