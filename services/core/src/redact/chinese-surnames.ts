/**
 * About 430 common Chinese surnames (single characters, simplified and traditional, and the compound ones),
 * which together cover well over 95% of the population: the anchor of every cue-based name match.
 */
export const SINGLE_SURNAMES: ReadonlySet<string> = new Set(
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阚花权强帅屠豆朴盖练廉禹井祖漆巴丰支卿国狄平计索宣晋相初门云容敬来扈晁芮都普阙浦戈伏鹿薄雍辜羊阿乌母裘亓修邰赫杭况那宿鲜印逯隆茹诸战慕危玉银亢嵇公哈湛宾戎勾茅利於呼居揭干但尉冶斯元束檀衣信展阴昝智幸奉植衡富尧闭由洪赖萧' +
    '陳張劉黃趙吳鄭謝許韓馮鄧蔣葉蘇呂盧鍾鐘譚陸賈韋鄒龍賀顧龔萬錢嚴湯溫齊喬莊聶魯歐關蘭寧紀畢單塗駱藍鮑華饒楊孫馬羅閆龐顏淩鄺鄔欒衛費賴蕭範麥區簡車閻',
);

/** Two-character surnames; checked before single ones, so 欧阳 is not 欧 + a given name. */
export const COMPOUND_SURNAMES: ReadonlySet<string> = new Set([
  '欧阳',
  '歐陽',
  '司马',
  '司馬',
  '上官',
  '诸葛',
  '諸葛',
  '东方',
  '東方',
  '皇甫',
  '尉迟',
  '公孙',
  '公孫',
  '慕容',
  '长孙',
  '長孫',
  '宇文',
  '司徒',
  '夏侯',
  '轩辕',
  '令狐',
  '钟离',
  '鍾離',
  '端木',
  '百里',
  '呼延',
  '独孤',
  '南宫',
  '西门',
  '万俟',
  '闻人',
  '澹台',
  '公冶',
  '太史',
  '申屠',
  '赫连',
  '濮阳',
  '第五',
  '羊舌',
  '拓跋',
  '司空',
]);

/**
 * The surnames as bitmaps by UTF-16 code (8 KB each, the Han part 2.6 KB): single surnames, and the first characters
 * of compound ones. Small enough to stay cached while other detectors run between two texts, as a 64 KB table would not.
 */
const SINGLE = new Int32Array(2048);
const COMPOUND_FIRST = new Int32Array(2048);
const set = (bits: Int32Array, c: number) => {
  bits[c >>> 5]! |= 1 << (c & 31);
};
/** Whether the bitmap holds code `c`; `NaN`, the code past the end of a text, reads as code 0, no surname. */
const has = (bits: Int32Array, c: number) => ((bits[c >>> 5]! >>> (c & 31)) & 1) !== 0;
for (const s of SINGLE_SURNAMES) if (s.length === 1) set(SINGLE, s.charCodeAt(0));
/** The second characters of the compound surnames, by the code of their first: `上` → `官`. */
const COMPOUND_SECOND = new Map<number, number[]>();
for (const s of COMPOUND_SURNAMES) {
  set(COMPOUND_FIRST, s.charCodeAt(0));
  COMPOUND_SECOND.set(s.charCodeAt(0), [...(COMPOUND_SECOND.get(s.charCodeAt(0)) ?? []), s.charCodeAt(1)]);
}

/** How many characters of `name` (or of the text at `at`) are its surname: 2, 1, or 0 when none is known. */
export function surnameLength(text: string, at = 0): 0 | 1 | 2 {
  // By character code, not `text[at]` or a slice: a string of a Han character is an allocation, and `上`, `公`,
  // `第` (of `上官`, `公孙`, `第五`) start everyday words far more often than names.
  if (at < 0 || at >= text.length) return 0;
  const first = text.charCodeAt(at);
  if (has(COMPOUND_FIRST, first) && COMPOUND_SECOND.get(first)!.includes(text.charCodeAt(at + 1))) return 2;
  return has(SINGLE, first) ? 1 : 0;
}

/** Whether a known surname starts with the character of code `c`. */
export const startsSurname = (c: number): boolean => has(SINGLE, c) || has(COMPOUND_FIRST, c);

/** Every character a known surname starts with, written for a regex character class (`[${SURNAME_STARTS}]`). */
export const SURNAME_STARTS: string = [
  ...new Set([...SINGLE_SURNAMES, ...[...COMPOUND_SURNAMES].map((s) => s.charAt(0))]),
].join('');
