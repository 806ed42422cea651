/**
 * Characters common in Chinese given names, simplified and traditional: about six hundred of those the published
 * statistics of given-name characters rank highest, written out by hand. A surname followed by characters
 * none of which is here (`马尔他`, `线程数`, `易流失`) is a transliteration or a word the dictionary misses, not a
 * person.
 */
const CHARACTERS =
  // Men's names, by tradition and by decade.
  '伟強强磊军軍洋勇杰傑涛濤明超刚剛平辉輝鹏鵬华華飞飛鑫波斌宇浩凯凱健俊帆帅帥旭宁寧龙龍林欢歡阳陽建国國峰亮成东東文志海宏晨博兵雷锋鋒江新毅轩軒航瑞晖暉彬振庆慶永民春立德力荣榮洪金良中生兴興光福祥全贵貴山学學昌武义義顺順利嘉豪睿泽澤子梓晟铭銘哲翔宸逸皓天然昊煜瀚渊淵源晋晉琦智勋勳骏駿楠炜煒钧鈞锐銳奇翰韬韜尧堯舟凡一朗彦彥翊灏灝乐樂安政耀启啟晓曉树樹松柏清泉坤远遠道胜勝才发發富喜财財保云雲之友进進秋冬先正章仁和厚宝寶雨石长長占玉忠书書鸣鳴鹤鶴群彪虎豹骁驍' +
  '家佳伦倫达達威敬君卫衛锦錦琛瑾璋琰瑜琨瑞璞钰鈺镇鎮铁鐵钢鋼铮錚锡錫镕鎔鑫森栋棟桐梁杉彬楷樑槐柯松岩岳峻崇嵩崑昆仑崙川州洲淮汉漢沛涵润潤泓洁潔澄溪滨濱浚淳深湛清沧滄涌湧潮瀚' +
  '子一小元初冠魁' +
  '卓越超群英雄豪杰俊伟' +
  '国邦家治政民康泰宁安定和平昌盛兴隆繁荣富贵福禄寿壽喜庆祥瑞吉利' +
  '仁义礼禮智信忠孝悌廉耻恥勤俭儉谦謙恭让讓温溫良敦厚诚誠实實真善美' +
  '德才学识識文武雅儒彬斌博达通明哲思想远志宏伟' +
  '春夏秋冬晨曦旭阳日月星辰光辉耀灿燦烁爍晶莹瑩亮晖皓昊旻晟昱晔曄曜晏昶' +
  '山川河海江湖溪泉波涛澜瀾洋浪涌潮汐' +
  '松柏竹梅兰蘭菊荷莲蓮桃李杏梨枫楓桦樺桂芳芬芝兰蕙蓉莉茉薇萍蕾菁蔚芸茜苗茂华' +
  '龙凤鳳麟鹏鹤燕鹰鷹雁鸿鴻' +
  '金银銀铜銅玉珠宝琳琪瑶瑤璐琼瓊珍珊瑚琦玮瑋珏玲' +
  '红紅丹彤朱青碧翠蓝藍紫素白' +
  // Women's names.
  '芳娜敏静靜丽麗艳艷豔娟霞秀英玲桂兰萍红燕梅莉婷雪琳晶颖穎倩洁琴云慧佳欣怡悦悅蕾璐瑶雯薇蓉妍婧菲露月珊淑贞貞凤翠芬芝珍美彩莹丹娇嬌媛琪萱涵诗詩梦夢思雅宜馨婉晴可心甜蓓荷碧菊昕晗曦琼姗姍妮娅婭姣娥嫣妤岚嵐湘' +
  '娴嫻婵嬋妙姿媚婕娉嫦姝妃姬娣嫚婧婳嫄娆嬈' +
  '爱愛惠蕙慧秀雅静淑娴贤賢德' +
  '若如依伊怡宜艺藝忆憶逸亦奕弈翼毅' +
  '诗书画畫琴棋韵韻音乐歌舞' +
  '梓涵萱轩宸泽浩宇睿辰瑞铭熙浩然博文俊杰子豪一诺諾' +
  '欣妍雨桐可馨思彤紫涵若汐依诺沐晨梓萱子涵' +
  // Common in older generations and the countryside.
  '桂凤翠英兰秀珍玉花梅芝芬娥莲春菊香霞' +
  '根柱栓锁鎖宝财福旺贵发富有来來喜全' +
  '建军军国华民强红卫东立新明' +
  // Hong Kong and Taiwan names.
  '家志偉嘉文國明華俊傑冠豪凱恩詠欣嘉穎雅婷佩珊怡君淑芬美玲惠婷宜蓁筠瑋瑄琬婷芸綺蔚靖';

/** The characters as a bitmap of UTF-16 codes. */
const BITS = new Int32Array(2048);
for (const ch of CHARACTERS) {
  const c = ch.charCodeAt(0);
  BITS[c >>> 5]! |= 1 << (c & 31);
}

/** Whether the character of code `c` is common in Chinese given names. */
export const isGivenNameChar = (c: number): boolean => ((BITS[c >>> 5]! >>> (c & 31)) & 1) !== 0;
