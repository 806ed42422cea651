/** Provinces, municipalities and large cities, so an address starts at `广东深圳…`, not inside it. */
const PLACES = (
  '北京 天津 上海 重庆 河北 山西 辽宁 吉林 黑龙江 江苏 浙江 安徽 福建 江西 山东 河南 湖北 湖南 广东 海南 四川 贵州 云南 陕西 ' +
  '甘肃 青海 台湾 内蒙古 广西 西藏 宁夏 新疆 香港 澳门 广西壮族 宁夏回族 新疆维吾尔 深圳 广州 杭州 南京 苏州 成都 武汉 西安 ' +
  '长沙 郑州 济南 青岛 大连 沈阳 长春 厦门 福州 合肥 南昌 昆明 贵阳 南宁 海口 三亚 兰州 西宁 银川 拉萨 太原 宁波 无锡 东莞 佛山 ' +
  '珠海 温州 常州 徐州 烟台 泉州 中山 惠州 嘉兴 绍兴 台州 金华 南通 扬州 潍坊 唐山 保定 洛阳 桂林 石家庄 哈尔滨 乌鲁木齐 ' +
  '呼和浩特 齐齐哈尔 张家口 秦皇岛 连云港 马鞍山 景德镇 张家界 平顶山 驻马店 三门峡 牡丹江 佳木斯 葫芦岛 防城港 攀枝花 ' +
  '六盘水 石嘴山 嘉峪关 克拉玛依 吐鲁番 鄂尔多斯 臺灣 廣東 廣州 澳門 重慶 台北 臺北 新北 高雄 台中 臺中 台南 臺南'
).split(' ');
/** The places by their last character: the one lookup that rules most candidates out. */
const PLACES_BY_LAST = new Map<string, string[]>();
for (const p of PLACES) PLACES_BY_LAST.set(p.at(-1)!, [...(PLACES_BY_LAST.get(p.at(-1)!) ?? []), p]);

/** Whether `word` is one of the provinces, municipalities and large cities (`江苏`, `深圳`). */
export const isKnownPlace = (word: string): boolean => PLACES_BY_LAST.get(word.at(-1) ?? '')?.includes(word) ?? false;

/** The length of the known place that ends right before `end` in `text` (`广东` in `广东深圳`), or 0. */
export function knownPlaceBefore(text: string, end: number): number {
  const places = PLACES_BY_LAST.get(text[end - 1] ?? '');
  return places?.find((p) => text.startsWith(p, end - p.length))?.length ?? 0;
}
