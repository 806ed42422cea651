import { FIELD_BREAK } from './text-features';

/** How far (UTF-16 units) before and after a number the place it is in is looked for: about its own sentence. */
const PLACE_WINDOW = 48;

/**
 * Regions whose national numbers are written the way mainland fixed lines are, area code and all, and the words
 * that name them: London's `020 7946 0107` and Cardiff's `029 2018 3636` are Guangzhou's and Xi'an's shape too.
 */
const PLACES: readonly (readonly [region: string, words: RegExp])[] = [
  [
    'GB',
    /(?<![A-Za-z])(?:London|UK|U\.K\.|United Kingdom|England|Britain|British|Scotland|Wales|Manchester|Birmingham|Edinburgh|Glasgow|Cardiff|Belfast|Southampton|Coventry)(?![A-Za-z])|伦敦|倫敦|英国|英國|曼彻斯特|曼徹斯特|爱丁堡|愛丁堡/g,
  ],
];

/** The mainland, or one of its 02x cities, named between the foreign place and the number: the number is theirs. */
const MAINLAND =
  /广州|廣州|上海|天津|重庆|重慶|沈阳|瀋陽|南京|武汉|武漢|成都|西安|中国|中國|国内|國內|大陆|大陸|内地|內地|China|[Mm]ainland|Guangzhou|Canton|Shanghai|Tianjin|Chongqing|Shenyang|Nanjing|Wuhan|Chengdu|Xi'?an/;

/**
 * The region another country's place named near a number, in its line and field, makes the number belong to
 * (`our London office: 020 7946 0107`, `020 7946 0123 after 5pm London time`), or null: none is named, or the
 * mainland is named between that place and the number.
 */
export function regionNamedNear(text: string, start: number, end: number): string | null {
  let from = Math.max(0, start - PLACE_WINDOW);
  for (let i = start - 1; i >= from; i--) {
    if (isBreak(text.charCodeAt(i))) {
      from = i + 1;
      break;
    }
  }
  let to = Math.min(text.length, end + PLACE_WINDOW);
  for (let i = end; i < to; i++) {
    if (isBreak(text.charCodeAt(i))) {
      to = i;
      break;
    }
  }
  const before = text.slice(from, start);
  const after = text.slice(end, to);
  for (const [region, words] of PLACES) {
    let last = -1;
    words.lastIndex = 0;
    for (let m = words.exec(before); m; m = words.exec(before)) last = m.index + m[0].length;
    if (last >= 0 && !MAINLAND.test(before.slice(last))) return region;
    words.lastIndex = 0;
    const next = words.exec(after);
    if (next && !MAINLAND.test(after.slice(0, next.index))) return region;
  }
  return null;
}

const isBreak = (c: number) => c === 0x0a || c === FIELD_BREAK_CODE;

const FIELD_BREAK_CODE = FIELD_BREAK.charCodeAt(0);
