import { COMPOUND_SURNAMES, startsSurname, surnameLength } from '../chinese-surnames';
import { hasChineseWords, isChineseWord, isChineseWordAt } from '../chinese-words';
import { digitRuns } from '../digit-runs';
import type { Candidate, Detector, ScanMatch, ScanScope } from '../finding';
import { GIVEN_NAME_CHARS } from '../given-name-chars';
import { isKnownPlace } from '../known-places';
import { maskName } from '../mask-name';
import { FIELD_BREAK, hasFeature, isAsciiLetter } from '../text-features';

/** The record's metadata says this is a person's name: as sure as a name can be. */
const PARTICIPANT = [0.95, 0.95] as const;
/** A cue (`姓名：`, `我叫`, `先生`) makes a name likely, but boundaries in Chinese are guessed. */
const CUE = [0.7, 0.7] as const;
/** A bare surname before a title (`王先生`) is redacted where a policy labels names, but identifies no one. */
const SURNAME = [0.4, 0.4] as const;
/** A name in a list after a cue (`参会：王建国、李娜`): as likely as the cue's own, but not sought elsewhere. */
const LISTED = [0.7, 0.7] as const;
/**
 * A surname and a given name in running text that no dictionary word holds (`让财务孙睿跟您对接`): redacted, but a
 * guess, so below the policy's `minConfidence` (it raises no sensitivity) and never sought elsewhere.
 */
const UNCUED = [0.45, 0.45] as const;

/** Cues of who is speaking (`我是 Nina，`): after them, as after a relative or a role, a Latin name ends its clause. */
const SELF_INTRODUCTIONS = ['我是', '我係'];

/** Roles a support line names people by (`户主潘德明`, `维修员邵师傅`): a name follows them. */
const ROLES = [
  '患者',
  '病人',
  '旅客',
  '乘机人',
  '乘機人',
  '用户',
  '用戶',
  '管家',
  '管理员',
  '管理員',
  '专员',
  '專員',
  '业主',
  '業主',
  '户主',
  '戶主',
  '房东',
  '房東',
  '租客',
  '法人',
  '骑手',
  '騎手',
  '查勘员',
  '派件员',
  '快递员',
  '快遞員',
  '维修员',
  '維修員',
  '顾问',
  '顧問',
  '经纪人',
  '經紀人',
  '班主任',
];

/**
 * Cues after which a name follows (`姓名：张三`, `收款人李明`); `weak` ones also start ordinary phrases (`客户信息`,
 * and `客户：` labels the customer's lines in a transcript), so their name must end at a boundary; `guarded` ones
 * are as often followed by a noun as by a name (`转给国外`), so their name starts with no function surname either;
 * `change` ones (`改成`) count only a few characters after a strong cue; a `romanized` one takes only Latin names.
 */
const PREFIX_CUES: readonly {
  cue: string;
  weak?: boolean;
  guarded?: boolean;
  change?: boolean;
  romanized?: boolean;
  ignore?: boolean;
  surname?: boolean;
  apposition?: boolean;
  self?: boolean;
}[] = [
  // Longer words that hold a cue but name no person come first: the first cue that fits wins.
  { cue: '用户名', ignore: true },
  { cue: '用戶名', ignore: true },
  // A field for the romanized name (`英文姓名：CHEUNG Hoi Ling`), written as the passport or ID card has it.
  ...['英文姓名', '英文名'].map((cue) => ({ cue, romanized: true })),
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
    '聯絡人',
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
  // Fields that as often hold a team, a role or nothing yet (`负责人：待定`, `抄送：财务`): a name with a known surname.
  ...['寄件者', '收件者', '持有人', '负责人', '負責人', '监护人', '監護人', '抄送'].map((cue) => ({ cue, weak: true })),
  // Who signs, checks or keeps a form or minutes (`交班人：郑晓峰`, `主持人：王建国`, `参会：王建国、李娜`), as often a team.
  ...[
    ...[
      '主持人',
      '主持',
      '记录人',
      '記錄人',
      '记录',
      '記錄',
      '参会人员',
      '參會人員',
      '参会人',
      '參會人',
      '参会',
      '參會',
    ],
    ...[
      '出席',
      '交班人',
      '接班人',
      '值班人',
      '复核人',
      '復核人',
      '复核',
      '復核',
      '审核人',
      '審核人',
      '审批人',
      '審批人',
    ],
    ...[
      '承办人',
      '承辦人',
      '登记人',
      '登記人',
      '签收人',
      '簽收人',
      '验收人',
      '驗收人',
      '阅卷人',
      '閱卷人',
      '跟进人',
      '跟進人',
    ],
    ...['处理人', '處理人', '对接人', '對接人', '报案人', '報案人', '来电人', '來電人'],
    // Who a ticket, a claim, a loan, a lease or a visit is about or was taken by (`就诊人：符小婉`, `承租方：敖翔`,
    // `受理员：…`). Not the labels a call log gives its speakers' lines (`坐席：施工的是哪一户`).
    ...['就诊人', '就診人', '家属', '家屬', '借款人', '担保人', '擔保人', '出租人', '承租人', '出租方', '承租方'],
    ...['受理员', '受理員', '受理人', '接线员', '接線員', '话务员', '話務員', '业务员', '業務員'],
    ...['驾驶人', '駕駛人', '驾驶员', '駕駛員', '当事人', '當事人', '投诉人', '投訴人', '举报人', '舉報人'],
    ...['家长', '家長'],
  ].map((cue) => ({ cue, weak: true })),
  // Roles a support line meets (`户主潘德明`, `房产顾问邓强`): also the start of ordinary words (`法人代表`), so the
  // name ends at a boundary.
  ...ROLES.map((cue) => ({ cue, weak: true, apposition: true })),
  ...['她叫', '他叫', '名叫'].map((cue) => ({ cue, weak: true })),
  // Family (`我爸曹德明`, `我女儿叫袁诗雨`): as often followed by a noun or verb as by a name.
  ...[
    '老公',
    '老婆',
    '丈夫',
    '妻子',
    '我爸',
    '我妈',
    '我媽',
    '爸爸',
    '妈妈',
    '媽媽',
    '父亲',
    '父親',
    '母亲',
    '母親',
    '儿子',
    '兒子',
    '女儿',
    '女兒',
    '孩子',
    '朋友',
    ...['媳妇', '媳婦', '婆婆', '公公', '岳父', '岳母', '表哥', '表姐', '表弟', '表妹', '哥哥', '姐姐', '弟弟', '妹妹'],
    // Cantonese (`我阿爺梁炳坤嘅名`, `我係佢個仔Jacky Lam，`).
    ...['阿爺', '阿嫲', '阿媽', '阿爸', '個仔', '個女', '家姐', '細妹', '細佬'],
    // A spouse by the title, after whose it is (`我先生杜明远，`; `张先生` is the title's).
    ...['我先生', '她先生', '我太太', '他太太', '你太太', '您太太'],
  ].map((cue) => ({ cue, weak: true, guarded: true, apposition: true })),
  ...['客户', '客戶', '客服', '本人', '我是', '我係', '员工'].map((cue) => ({ cue, weak: true })),
  // Who money goes to (`转给张三的`, `汇款给李四`, `转账给`, `退款给`), and a resident in apposition (`台湾居民王五`).
  ...['转给', '轉給', '汇给', '匯給', '账给', '賬給', '款给', '款給', '居民'].map((cue) => ({
    cue,
    weak: true,
    guarded: true,
  })),
  // A field a strong cue names changed to a name (`入住人改一下，改成刘娜`): only a few characters after that cue.
  ...['改成', '改为', '改為', '换成', '換成', '写成', '寫成'].map((cue) => ({
    cue,
    weak: true,
    guarded: true,
    change: true,
  })),
  // Who is speaking, confirmed (`是我，田洋。`, `係我，陳大文。`): see `selfNamed`.
  ...['是我', '係我'].map((cue) => ({ cue, weak: true, self: true })),
  // A romanized name (`姓名拼音：ZHANG/WEI`), in capitals as passports write it; never a Chinese one.
  { cue: '拼音', romanized: true },
  // `她姓丁`: a surname alone, which identifies no one but is redacted where a policy labels names. `免贵姓王` is
  // the polite answer to `您贵姓？`.
  ...['我姓', '你姓', '您姓', '他姓', '她姓', '免贵姓', '免貴姓', '敝姓'].map((cue) => ({ cue, surname: true })),
];
/** A name alone on a line after these (`此致\n李德明`), or after a blank line, is a signature. */
const CLOSINGS = ['此致', '敬上', '谢谢', '謝謝', '祝好', '谨启', '謹啟', '敬启', '敬啟', '拜上'];
/**
 * Thanks a signature may follow (`麻煩盡快處理，唔該晒！` / `陳大文`), whatever punctuation ends them: only a full name, as
 * a two-character wish is as likely below them (`谢谢！` / `安好`).
 */
const THANKS = [...CLOSINGS, '感谢', '感謝', '多谢', '多謝', '唔该', '唔該', '唔该晒', '唔該晒', '敬礼', '敬禮'];
const TRAILING_PUNCTUATION = /[\s!！。.,，~～]+$/;
/** Words that, right after a weak cue's name, show where it ends (`客户王明反映`). */
const FOLLOWERS = [
  // A question tag that checks who someone is (`户主潘德明对吧？`).
  '对吧',
  '對吧',
  '对吗',
  '對嗎',
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
/**
 * Titles that follow a name less surely (`曾经理`, `唐科长`, `聂主管`, but also `项目经理`, `语文老师`, `财务主管`): the name must
 * stand apart before them. Not `局长` (`公安局长`).
 */
const LOOSE_SUFFIX_CUES = ['经理', '經理', '老师', '老師', '科长', '科長', '处长', '處長', '主管', '总监', '總監'];
/**
 * Titles that follow words as often as names (`辛苦师傅`, `高中同学`, `管床医生`, `单亲妈妈`): the name before them
 * comes after a word names follow (`维修员邵师傅`, `关于万梓萱同学`), or is a full name that stands apart.
 */
const GUARDED_SUFFIX_CUES = [
  '师傅',
  '師傅',
  '医生',
  '醫生',
  '主任',
  '律师',
  '律師',
  '教授',
  '同学',
  '同學',
  '阿姨',
  '医师',
  '醫師',
  // A parent named after the child in a class group (`刘浩然爸爸`).
  '爸爸',
  '妈妈',
  '媽媽',
];
/**
 * Words a name follows in running text (`谢谢李先生`, `请张女士`, `联系王小明先生`): a name before a title starts
 * after them, never inside (`谢谢李` is no name). Few and general; those whose characters are also surnames matter most.
 */
const BEFORE_NAME = [
  '谢谢',
  '謝謝',
  '感谢',
  '感謝',
  '多谢',
  '多謝',
  '麻烦',
  '麻煩',
  '祝贺',
  '祝賀',
  '照顾',
  '照顧',
  '联系',
  '聯繫',
  '告诉',
  '告訴',
  '通知',
  '请',
  '請',
  '问',
  '問',
  '找',
  '给',
  '給',
  '和',
  '跟',
  '是',
  '的',
  '关于',
  '關於',
  // Roles and family a name follows in apposition (`管家许小姐`, `维修员邵师傅`, `我爸曹先生`).
  ...ROLES,
  '经理',
  '經理',
  '主任',
  '师傅',
  '師傅',
  '我爸',
  '我妈',
  '我媽',
  '爱人',
  '愛人',
  // Who someone is at work, and verbs a name is the object of (`药师温老师`, `物业姜经理`, `收到王叔`, `让吕师傅联系`).
  ...[
    '物业',
    '物業',
    '联系人',
    '聯絡人',
    '聯繫人',
    '承办商',
    '承辦商',
    '药师',
    '藥師',
    '工程师',
    '工程師',
    '司机',
    '司機',
  ],
  ...['柜台', '櫃台', '财务', '財務', '同事', '收到', '让', '讓', '由', '畀'],
];
/**
 * Surnames that with a title, or its first character, make a word: `原先`, `祖先` (`原先生活` holds no `原先生`), `班主任`
 * (the class teacher, not a 班 who is 主任).
 */
const WORDS_WITH_TITLE: ReadonlyMap<string, string> = new Map([
  ['先生', '原祖'],
  ['主任', '班'],
]);
/** Labels that also end ordinary words (`修改邮箱`, `证件照`): a name comes before them only with a separator (`梁詠詩，回鄉證`). */
const SEPARATED_LABELS_AFTER = [
  '护照',
  '護照',
  '回乡证',
  '回鄉證',
  '证件',
  '證件',
  '邮箱',
  '郵箱',
  '电邮',
  '電郵',
  '学号',
  '學號',
  // A staff member's number after their name (`坐席：邝美玲(工号SZ-20931)`, `職員：區嘉俊（員工編號HK30871）`).
  '工号',
  '工號',
  '员工编号',
  '員工編號',
];
/** Labels a name is written before in forms and lists (`彭杰，身份证…`, `1. 田晨曦 电话…`). */
const LABELS_AFTER = ['身份证', '身份證', '身分證', '电话', '電話', '手机', '手機', ...SEPARATED_LABELS_AFTER];
/** Greetings a surname and title come before (`韦姐您好`). */
const GREETINGS = ['您好', '你好'];
/** Titles a surname takes in speech (`韦姐`, `邵生`, `韩总`, `陈叔`), by code. */
const GREETED_TITLES = [...'姐哥总總生太叔姨'].map((c) => c.charCodeAt(0));
/**
 * Words such a title ends whose first character is also a surname: no surname and title (`师姐你好`, `帅哥你好`,
 * `余生你好`). `阿` before a kin title is a prefix (`阿姨`, `阿叔`), never the surname.
 */
const TITLED_WORDS = new Set([
  '师姐',
  '師姐',
  '师哥',
  '師哥',
  '帅哥',
  '帥哥',
  '师叔',
  '師叔',
  '空姐',
  '余生',
  '卫生',
  '衛生',
  '师生',
  '師生',
  '毕生',
  '畢生',
  // Brands and names of things (`方太` kitchen appliances, `马太福音`).
  '方太',
  '马太',
  '馬太',
]);
const A_PREFIX = '阿'.charCodeAt(0);
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
/** The nouns of things among `STOP`. */
const STOP_THINGS = '卡包盘盤报報店单單票码碼件箱货貨品费費部机機款';
/**
 * Characters that follow a name far more often than they end one (particles, verbs, pronouns, units), and the
 * nouns of things a support line names that no given name ends with (`客服：金卡`, `白金卡`, `钱包`, `万达店`).
 */
const STOP = new Set(
  '的是在了和与與说說们們也就已还還从從给給把被对對向跟去来來打买買请請您你我他她它这這那有没沒不很都又才会會能可要想需电電手身住地联聯现現刚剛吗嗎呢吧啊呀哦嗯或等收寄号號年月日时時点點元块塊个個次通过過到为為以之其让讓叫问問称稱姓名及同今昨前后後再先女' +
    STOP_THINGS +
    // Cantonese particles, as 的/了/在/是/不 are (`房東江門嘅`), and sentence-final particles (`辛苦啦`).
    '嘅咗喺係唔啲咁啦嘛喔咯哟呗' +
    // `李某某`: a name withheld, never a given name.
    '某',
);
const AND = '和'.charCodeAt(0);
const YU = '于'.charCodeAt(0);
const YU_TRADITIONAL = '於'.charCodeAt(0);
/** Surnames that are far more often a function word before a name (`和张伟先生`, `这位王女士`). */
const FUNCTION_SURNAMES = new Set('和向于於时時全应應相来來都信海国國平明云雲区區门門花位计計满滿强那但由');
/** Everyday words that begin with a surname character and would otherwise be read as a name after a cue. */
const NOT_NAMES = new Set([
  // A letter's closing below its text reads like a name on a line of its own (`敬啟`, `拜上`).
  ...CLOSINGS,
  '敬礼',
  '敬禮',
  '钟意',
  '鍾意',
  // What a form asks for in parentheses after a label (`委托人（盖章）：`).
  '盖章',
  '蓋章',
  '母亲',
  '母親',
  '父亲',
  '父親',
  '全体',
  '全體',
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
  '银行',
  '农行',
  '商户',
  '房东',
  '居民',
  '楼上',
  '楼下',
  '楼里',
  '楼道',
  '周一',
  '周二',
  '周三',
  '周四',
  '周五',
  '周六',
  '周日',
  '周末',
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
  'My',
  'It',
  'He',
  'She',
  'They',
  'Yes',
  'No',
  'Sorry',
  // Titles: `Thank you, Ms. Li` names `Li`, not `Ms`.
  'Mr',
  'Ms',
  'Mrs',
  'Miss',
  'Mx',
  'Dr',
  // What a name field holds when it holds none (`姓名（英文）：Unknown`, `Not Applicable`).
  'None',
  'Not',
  'Unknown',
  'Optional',
  'Same',
  'Nil',
  'Pending',
  'Required',
]);
/** Words a display name holds when it names a team or a mailbox, not a person. */
const GENERIC = new Set(
  (
    'support service services team sales admin administrator customer customers help helpdesk desk info noreply no-reply bot system office department dept center centre billing corporation corp inc ltd llc limited company council bank resources pay debit mail notification notifications account accounts shop store official international remittance operations finance compliance logistics marketing reception procurement purchasing legal claims engineering accounting hr quality assurance product design web form alert automated technologies technology ' +
    // Businesses a chat export is with (`Tanglin Family Clinic`, `Harbour Tours`).
    'clinic hospital hotel restaurant cafe travel tours school academy university college group holdings solutions studio salon spa pharmacy dental medical insurance realty properties property motors airlines airways express agency bakery boutique florist gallery garage ' +
    'klinik farmacia gemeente casa bay road street avenue chatbot robot it ops qa dev telecom telco'
  ).split(' '),
);

const EN_WORD = "\\p{Lu}(?:['’]\\p{Lu})?\\p{Ll}+(?:[-'’]\\p{Lu}?\\p{Ll}+)*";
const EN_NAME = new RegExp(`(${EN_WORD})(?: (${EN_WORD}))?`, 'uy');
/** People named by who they are to the writer (`my partner, Olivia Harper`, `our contractor's name is Daniel Patel`). */
const RELATIONS = new Set([
  'partner',
  'spouse',
  'husband',
  'wife',
  'son',
  'daughter',
  'mother',
  'mom',
  'mum',
  'father',
  'dad',
  'brother',
  'sister',
  'friend',
  'colleague',
  'coworker',
  'manager',
  'boss',
  'assistant',
  'tenant',
  'landlord',
  'contractor',
  'employee',
  'client',
  'lawyer',
  'accountant',
  // Who a company sends or assigns (`Your technician, Dave Moss,`, `An adjuster, Priya Raman, will call`).
  ...['technician', 'engineer', 'adjuster', 'advisor', 'adviser', 'consultant', 'representative', 'installer'],
  ...['inspector', 'courier', 'solicitor', 'attorney', 'broker', 'caseworker', 'coordinator', 'specialist'],
  ...['nanny', 'cousin', 'uncle', 'aunt', 'niece', 'nephew', 'grandson', 'granddaughter', 'grandmother', 'grandfather'],
  ...[
    'grandma',
    'grandpa',
    'stepson',
    'stepdaughter',
    'fiance',
    'fiancé',
    'fiancee',
    'girlfriend',
    'boyfriend',
    'child',
  ],
]);
/** Relations close enough that a first name alone after one is a name (`my husband Eric`, `my wife, Folake,`). */
const CLOSE_RELATIONS = new Set(
  'partner spouse husband wife son daughter mother mom mum father dad brother sister friend colleague coworker nanny cousin uncle aunt niece nephew grandson granddaughter grandmother grandfather grandma grandpa stepson stepdaughter fiance fiancé fiancee girlfriend boyfriend child'.split(
    ' ',
  ),
);
/**
 * Words a relation follows when it is someone's (`our contractor`, `our loss adjuster`, not `a contractor`); an article
 * does too when a full name follows in apposition (`An adjuster, Priya Raman,`).
 */
const POSSESSIVES = new Set(['my', 'our', 'his', 'her', 'their', 'your']);
/**
 * English cues a name follows: `my name is`, labels (`Name:`, `Account name`, the colon captured first) or a
 * question for a name (`your name please?`, an empty first capture: its answer may follow, see `EN_ANSWER`),
 * sign-offs (`Regards,`), titles (`Mr.`, captured second), and what may end a relation (`, ` or `'s name is `
 * after a word and before a name, captured third: the relation is found by a look back from there, as a search
 * for each would cost every text). One search: each added one costs every text with a Latin letter.
 */
const EN_CUE =
  /(?:(?:[Mm]y|[Hh]er|[Hh]is) name is|[Mm]y name['’]s|[Nn]ame on (?:the )?card:?|[Aa]ttn\.?:?|[Nn]ame(:|(?=[^?\n.]{0,30}\?))|NAME:|Contact:|Ask for|[Aa]ccount (?:holder|name):?|[Bb]eneficiary(?: name)?:?|(?:From|To|Cc):(?= ?(?:[A-Z][a-z]+ [A-Z][a-z]+ |[\u3400-\u9fff]{2,4} ?)<)|[Pp]olicyholder:?|[Cc]ardholder:?|Full name(?: \([^)\n]{1,30}\))?:?|(?:[Rr]egards|Thanks|Thank you|Best|Sincerely|Yours (?:sincerely|faithfully|truly)|sincerely(?=,[ \t]*\r?\n)|Cheers),?)[ \t]*(?:\r?\n)?[ \t]*|((?:Mrs|Mr|Ms|Miss|Mx|Dr)\.? {1,2})|([a-z](?:,|['’]s name is)? (?=[A-Z][a-z]))|((?:Dear|Hi|Hello|Hey) (?=[A-Z]))|((?:Chair(?:ed by)?|Minutes(?: by)?|Attendees|Present|Assignee|Assigned to|(?:Prepared|Approved|Reviewed|Reported|Requested|Submitted|Handled|Taken) by):[ \t]*)/g;
/** Answers to a name question (`may I have your name?` … `it's Ryan Tanaka`), looked for only after one. */
const EN_ANSWER = /(?:[Ii]t['’]s|[Ii]t is|[Tt]his is|I['’]m|I am|[Ss]peaking|[Yy]es),? /g;
/** How far after a name question its answer is looked for. */
const ANSWER_REACH = 160;
/** Capitalized words that start no name in an answer (`it's Monday Morning`). */
const CALENDAR = new Set(
  'Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August September October November December Today Tomorrow Yesterday'.split(
    ' ',
  ),
);
/** Capitalized words a turn opens with that start no name (`Customer: Sure Thing.`, `Good Morning,`). */
const OPENERS = new Set(
  'Sure Good Okay Ok Yeah Yep Yup Nope Just Hold Hang One Let Right Well Fine Great Sounds Perfect Sorry Excuse Of Why What When Where How Who Which Not Absolutely Certainly Morning Evening Afternoon Night'.split(
    ' ',
  ),
);
const LATIN_NAME = /^[\p{L}'’.-]+(?: [\p{L}'’.-]+){1,3}$/u;
const HAN_ONLY = /^[\u3400-\u9fff]+$/;

/**
 * Character classes as bitmaps by UTF-16 code (8 KB each, the Han part 2.6 KB), for the checks at every cue: a Set
 * would first make a one-character string, and a 64 KB table falls out of the cache while other detectors run
 * between two texts. The stop characters and function surnames above; the first characters of the titles and
 * followers, so most positions are ruled out before `startsWith`; the last characters of `BEFORE_NAME`.
 */
function bitmap(chars: Iterable<string>): Int32Array {
  const bits = new Int32Array(2048);
  for (const ch of chars) bits[ch.charCodeAt(0) >>> 5]! |= 1 << (ch.charCodeAt(0) & 31);
  return bits;
}
/** Whether `bits` holds code `c`; `NaN`, the code past the end of a text, reads as code 0, in no set. */
const inBits = (bits: Int32Array, c: number) => ((bits[c >>> 5]! >>> (c & 31)) & 1) !== 0;
const STOP_CHARS = bitmap(STOP);
const FUNCTION_SURNAME_CHARS = bitmap(FUNCTION_SURNAMES);
const TITLE_FIRSTS = bitmap(TITLES.map((t) => t[0]!));
const FOLLOWER_FIRSTS = bitmap(FOLLOWERS.map((f) => f[0]!));
const BEFORE_NAME_LASTS = bitmap(BEFORE_NAME.map((w) => w.at(-1)!));

/** Whether the character of code `c` is white space as `trim` sees it. */
const isWhiteSpace = (c: number) =>
  c <= 0x20
    ? c === 0x20 || (c >= 0x09 && c <= 0x0d)
    : c === 0xa0 ||
      c === 0x1680 ||
      (c >= 0x2000 && c <= 0x200a) ||
      c === 0x2028 ||
      c === 0x2029 ||
      c === 0x202f ||
      c === 0x205f ||
      c === 0x3000 ||
      c === 0xfeff;
const isCapital = (c: number) => c >= 0x41 && c <= 0x5a;
/** Whether `text[i]` is a Han character (false outside the text). */
const isHan = (text: string, i: number) => {
  const c = text.charCodeAt(i);
  return c >= 0x3400 && c <= 0x9fff;
};
const isStop = (text: string, i: number) => inBits(STOP_CHARS, text.charCodeAt(i));
/** Whether one of `words` starts at `at` (a loop, not `some`: this runs for every cue hit). */
function startsWithAny(text: string, at: number, words: readonly string[]): boolean {
  for (const w of words) if (text.startsWith(w, at)) return true;
  return false;
}
const startsTitle = (text: string, at: number) =>
  inBits(TITLE_FIRSTS, text.charCodeAt(at)) && startsWithAny(text, at, TITLES);
const startsFollower = (text: string, at: number) =>
  inBits(FOLLOWER_FIRSTS, text.charCodeAt(at)) && startsWithAny(text, at, FOLLOWERS);

/** The canonical form of a name tokens are made of: Latin names lower-cased with single spaces. */
function normalizeName(name: string): string {
  return HAN_ONLY.test(name) ? name : name.trim().replace(/\s+/g, ' ').toLowerCase();
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
  if (isAsciiLetter(text.charCodeAt(at + m[0].length))) return null;
  if (m[2] && GENERIC.has(m[2].toLowerCase())) return null; // `Card Services`: a team, not a person
  const name = m[2] && !EN_STOP.has(m[2]) ? m[0] : m[1]!;
  return [at, name];
}

/** A romanized name as passports write it, surname first (`ZHANG/WEI`, `Ouyang/Na Na`). */
const PASSPORT_NAME = /[A-Z][A-Za-z]+\/[A-Z][A-Za-z]+(?: [A-Z][A-Za-z]+)?(?![A-Za-z0-9/])/y;
/**
 * A name with its surname in capitals (`ZHANG WEI`, `CHEUNG Hoi Ling` as a Hong Kong ID card writes it), taken only
 * where a cue says it is romanized (`姓名拼音：`, `英文姓名：`).
 */
const CAPITALS_NAME = /[A-Z]{2,}(?:,? (?:[A-Z]{2,}|[A-Z][a-z]+)){1,2}(?![A-Za-z0-9])/y;

/**
 * A Latin name at `at` after a name cue: surname/given as passports write it, a name in capitals where the cue says
 * it is `romanized`, or a capitalized one (see `englishNameAt`); as [start, text], or null.
 */
function romanNameAt(text: string, at: number, romanized: boolean): ScanMatch | null {
  let end = at + 1;
  while (isAsciiLetter(text.charCodeAt(end))) end++;
  // A slash after the first word is the passport form's, the only one tried where no cue says `romanized`; a first
  // word in capitals is a surname where it does (a labelled field, `拼音`), else a capitalized name is looked for.
  const capitals = romanized && end - at >= 2 && isCapitals(text, at, end);
  const re = text.charCodeAt(end) === 0x2f ? PASSPORT_NAME : capitals ? CAPITALS_NAME : null;
  if (re === null) return englishNameAt(text, at);
  re.lastIndex = at;
  const m = re.exec(text);
  if (m === null || m[0].split(/[ /]/).some((w) => GENERIC.has(w.toLowerCase()))) return null;
  // Capitals are a name when their first word is a romanized surname (`CHEUNG Hoi Ling`; not `NOT APPLICABLE`).
  if (re === CAPITALS_NAME && !ROMANIZED_SURNAMES.has(m[0].slice(0, m[0].search(/[ ,]/)))) return null;
  return [at, m[0]];
}

/** Whether `text[from, to)` is all capital letters. */
function isCapitals(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!isCapital(text.charCodeAt(i))) return false;
  return true;
}

/** A display name worth looking for: a Chinese name as written, or a Latin one in any case. */
interface SoughtName {
  han: boolean;
  /** The name as written (spaces collapsed). */
  needle: string;
  /** The Latin name as a case-insensitive search (a native search: no lower-cased copy of the text is made). */
  search: RegExp | null;
  candidate: Candidate;
}

/** The list asked for last and its names: a record's turns come one after another with the same list. */
let lastNames: readonly string[] = [];
let lastSought: SoughtName[] = [];

/** The names of `names` that can name a person, prepared once per list (`detectInRecord` passes one list per record). */
function soughtNames(names: readonly string[]): SoughtName[] {
  if (names === lastNames || sameNames(names, lastNames)) {
    lastNames = names;
    return lastSought;
  }
  const out: SoughtName[] = [];
  for (const raw of names) {
    const name = raw.trim().replace(/\s+/g, ' ');
    const candidate: Candidate = { normalized: normalizeName(name), confidence: PARTICIPANT };
    if (HAN_ONLY.test(name)) {
      if (name.length >= 2 && name.length <= 4 && surnameLength(name) > 0)
        out.push({ han: true, needle: name, search: null, candidate });
      continue;
    }
    if (!LATIN_NAME.test(name) || name.length < 5) continue;
    if (name.split(' ').some((w) => GENERIC.has(w.toLowerCase()))) continue;
    // As written, not lower-cased: `İ` lower-cases to two units, and the search folds case itself.
    const search = new RegExp(name.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&'), 'gi');
    out.push({ han: false, needle: name, search, candidate });
  }
  lastNames = names;
  lastSought = out;
  return out;
}

/** Whether two lists hold the same names: records of one mailbox or queue name the same people. */
function sameNames(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function participantNames(text: string, names: readonly string[], hasHan: boolean, out: ScanMatch[]): void {
  for (const { han, needle, search, candidate } of soughtNames(names)) {
    if (han) {
      if (!hasHan) continue; // a Chinese name is Han characters only: a text without one holds none

      for (let i = text.indexOf(needle); i !== -1; i = text.indexOf(needle, i + needle.length)) {
        out.push([i, needle, candidate]);
      }
      continue;
    }
    search!.lastIndex = 0;
    for (let m = search!.exec(text); m; m = search!.exec(text)) {
      const i = m.index;
      if (/\p{L}/u.test(text[i - 1] ?? '') || /\p{L}/u.test(text[i + m[0].length] ?? '')) continue;
      out.push([i, m[0], candidate]);
    }
  }
}

/** Whether a name may end at `end`: not inside a run of Han characters, unless a title or a verb follows. */
function endsAtBoundary(text: string, end: number): boolean {
  return !isHan(text, end) || startsTitle(text, end) || startsFollower(text, end);
}

/** A department before a name in a labelled field, and the spaces after it (`运营部 `, `客服中心 `). */
const DEPARTMENT = /[\u3400-\u9fff]{1,6}(?:部|处|處|组|組|中心) +/y;

/** Whether code `c` links a cue to its name (`收款人是`, `登記人係`, `收款人写`): 是係为為叫写寫. */
const isCueLink = (c: number) =>
  c === 0x662f || c === 0x4fc2 || c === 0x4e3a || c === 0x70ba || c === 0x53eb || c === 0x5199 || c === 0x5beb;

/** The name after a prefix cue that ends at `cueEnd` (`姓名：张三`), as a match, or null. */
function nameAfter(text: string, cueEnd: number, cue: PrefixCue): ScanMatch | null {
  const { weak, guarded, romanized, apposition } = cue;
  if (cue.self) return selfNamed(text, cueEnd);
  const inParentheses = parenthesizedName(text, cueEnd);
  if (inParentheses) return inParentheses;
  const start = afterParenthesis(text, cueEnd, weak);
  let at = start;
  const c = text.charCodeAt(at);
  const colon = c === 0x3a || c === 0xff1a; // : ：
  if (colon || isCueLink(c)) at++;
  while (text.charCodeAt(at) === 0x20 && at - start < 3) at++;
  // `发件人：运营部 周国华`: a labelled field may give the person's department first.
  if (colon && !weak) {
    DEPARTMENT.lastIndex = at;
    if (DEPARTMENT.test(text)) {
      // `寄件人：海濱花園管理處 <…>`: a department and no one.
      if (!startsSurname(text.charCodeAt(DEPARTMENT.lastIndex))) return null;
      at = DEPARTMENT.lastIndex;
    }
  }
  const first = text.charCodeAt(at);
  if (isCapital(first)) {
    // A-Z. After a weak cue, only a relative's, a role's or the speaker's own name that ends its clause (`打我太太Cherry，`,
    // `我是 Nina，想约`): `我是 Apple 的客户` names a firm.
    if (!weak) return romanNameAt(text, at, romanized || colon);
    return apposition || SELF_INTRODUCTIONS.includes(cue.cue) ? latinNameEndingClause(text, at) : null;
  }
  if (romanized) return null;
  // Most cues are followed by no name (`客户：好的`): a name starts with a surname, or is a labelled field's.
  if (!startsSurname(first) && (weak || !colon)) return null;
  // A function word right after a cue glued on is that word (`师傅来看过`, `同事来处理`), unless the cue names (`我叫`)
  // or it is 于, as common a surname as a word (`入住人于涛`).
  if (inBits(FUNCTION_SURNAME_CHARS, first)) {
    const glued = !colon && at === cueEnd && !cue.cue.endsWith('叫') && first !== YU && first !== YU_TRADITIONAL;
    if (guarded || glued) return null;
  }
  // `姓名和证件`, `房东和租客`: right after a cue, `和` is the conjunction, not the rare surname.
  if (first === AND && !(colon || at > cueEnd)) return null;
  // After a note (`联系人（选填）：`) the field as often holds a placeholder (`暂无`): a name there has a known surname.
  let end = chineseNameEnd(text, at, colon && !weak && start === cueEnd);
  if (end > 0 && startsWithAny(text, at, ROLES)) return null; // `我是查勘员，`: a role is no name
  if (end < 0) return null;
  // `客户王明反映`: two given characters that run into the next word are more likely one.
  if (!endsAtBoundary(text, end) && end - at === 3 && surnameLength(text, at) === 1 && endsAtBoundary(text, end - 1))
    end--;
  // `我老婆蒙丽萍的`, `她妈妈巫丽君今天`: someone's relative, a full name, then what is said of them.
  if (guarded && apposition && at === cueEnd && relativeNamed(text, cueEnd - cue.cue.length, at, end)) {
    return [at, text.slice(at, end)];
  }
  // After a note the field is checked as a weak cue's is (`收款人（全称）：华夏银行`, `申请人（个人/单位）：单位`).
  const noted = start !== cueEnd;
  if ((weak || noted) && !endsAtBoundary(text, end)) return null;
  if ((weak || noted) && !endsLikeName(text, at, end)) return null; // `客户：公网 IP`, `申请人（个人/单位）：单位`
  // `户主成员的`, `病人高烧`: a role glued to a two-character word; glued on, a name has three characters. A relative
  // glued to a word is as often a habit or an illness (`我爸高血压`, `我妈包饺子`): after one, a name needs 叫/是/：,
  // unless the sentence introduces the person (see `introduced`).
  if (
    apposition &&
    at === cueEnd &&
    (guarded || end - at < 3) &&
    !introduced(text, cueEnd - cue.cue.length, at, end, guarded)
  )
    return null;
  return [at, text.slice(at, end)];
}

/**
 * Characters that end category words (places `苏州`, `华东区`; roles `房客`, `车主`; colours, illnesses, documents,
 * organisations, locatives; field names, readings and goods: `满意度`, `单价`, `方案`, `原话`, `石油`) and almost never a
 * given name: a name found by a shape that often holds such a word (`是我老婆苏州人`, `是我，白色`, `华东区\n区域经理`,
 * `Cc: 华南区 <…>`, `客户原话：`) does not end with one.
 */
const NOT_FINAL = bitmap(
  '人州市省县縣区區镇鎮村城站组組会會部处處委色病症炎癌压壓障证證课課班节節期客员員户戶主家上下里裡边邊口内內外务務限位舍驻駐副网網' +
    '度率量值价價额額型层層域围圍案介历歷细細效释釋诉訴话話速拔闭閉改装裝置险險场場酒债債油减減赠贈' +
    // Offices (`楼长`, `班长`) and a child's parent (`乐乐妈`).
    '长長妈媽爸',
);
/** Kinship words that begin with a surname character (`我是患者孙子`). */
const KIN_WORDS = new Set(['孙子', '孫子', '孙女', '孫女', '孫仔']);

/** Whether `text[at, end)`, found by such a shape, can be a name: no category word, kinship word or role (`班主任`). */
function endsLikeName(text: string, at: number, end: number): boolean {
  if (inBits(NOT_FINAL, text.charCodeAt(end - 1)) || KIN_WORDS.has(text.slice(at, end))) return false;
  return !startsWithAny(text, at, ROLES);
}

/** Pronouns a `是` says something of someone after (`我是`, `她是`, `这是`). */
const PRONOUNS = [...'我你您他她佢这這那'].map((c) => c.charCodeAt(0));

/**
 * Whether what ends at `j` (before a `是`) is a person: a pronoun, or a cue or role (`车主是我爸…`, `投保人是`).
 * `最麻烦的是我爸高血压` says what, not who.
 */
function personBefore(text: string, j: number): boolean {
  if (PRONOUNS.includes(text.charCodeAt(j - 1))) return true;
  for (const { cue, ignore } of PREFIX_CUES) if (!ignore && text.startsWith(cue, j - cue.length)) return true;
  return false;
}

/** How far before a role or relative the `是` that introduces it may be (`我是患者孔德明的女儿孔晨曦`). */
const INTRODUCTION_REACH = 8;

/**
 * Whether the name at [`at`, `end`) glued to the role or relative at `cueStart` is introduced: the clause says who
 * someone is (`车主是我爸曹德明，`, `我是她儿子林浩然。`, `我是房产顾问邓强，`) and the name ends it. After a `relative`
 * the name has three characters (`是我女儿高兴，` is no name) and a `是` comes before; after a role, the speaker
 * introduces themself (`我是`). Or a phone or ID follows, as people are listed (`孩子孙一鸣，370202…`).
 */
function introduced(text: string, cueStart: number, at: number, end: number, relative: boolean): boolean {
  if (!endsClause(text.charCodeAt(end)) || !endsLikeName(text, at, end)) return false;
  if (identifierFollows(text, end)) return true; // `孩子孙一鸣，370202…`, `女儿陈静，1808…`: people with their numbers
  if (relative && end - at < 3 && !shortNameOfRelative(text, at, end)) return false;
  for (let j = cueStart - 1; j >= 0 && j >= cueStart - INTRODUCTION_REACH; j--) {
    const c = text.charCodeAt(j);
    if (endsClause(c) || c === 0x3a || c === 0xff1a) return false;
    if (c !== IS && c !== IS_CANTONESE) continue;
    return relative ? personBefore(text, j) : text.charCodeAt(j - 1) === I;
  }
  return false;
}
/**
 * Whether the full name at [`at`, `end`) glued to the relative at `cueStart` names them: the relative is someone's, a
 * pronoun before it (`她妈妈`) or its own (`我妈`, `我先生`), and the clause goes on about them (`我妈穆桂兰上次`,
 * `你太太方婧都`, `我老婆温晓彤那张`). A clause that ends after the name is `introduced`'s to judge (`我爸高血糖，` says
 * what, not who), and a `的` after it counts only when a `是` introduced the relative (`是我老婆蒙丽萍的`; `我妈包饺子的`
 * says what she does).
 */
function relativeNamed(text: string, cueStart: number, at: number, end: number): boolean {
  if (end - at < 3 && !shortNameOfRelative(text, at, end)) return false;
  if (!endsLikeName(text, at, end) || !inBits(AFTER_RELATIVE, text.charCodeAt(end))) return false;
  if (VERB_SURNAMES.includes(text.charCodeAt(at))) return false; // `我妈包饺子去了`, `我老公常出差也`
  const owner = text.charCodeAt(cueStart) === I ? cueStart : cueStart - 1;
  if (owner !== cueStart && !PRONOUNS.includes(text.charCodeAt(owner))) return false;
  const introducedBy = text.charCodeAt(owner - 1) === IS || text.charCodeAt(owner - 1) === IS_CANTONESE;
  const of = text.charCodeAt(end) === OF || text.charCodeAt(end) === OF_CANTONESE;
  // `我老婆卢静的护照`: a `的` without a `是` when the dictionary holds no word in the name (`我爸高血压的药`, `我妈包饺子的`).
  return of ? introducedBy || holdsNoWord(text.slice(at, end)) : !introducedBy;
}

/** Whether no dictionary word is the name or starts or ends it (`卢静`, `蒙丽萍`; not `高血压`, `包饺子`). */
function holdsNoWord(name: string): boolean {
  if (!hasChineseWords) return false;
  return !isChineseWord(name) && !isChineseWord(name.slice(0, 2)) && !isChineseWord(name.slice(-2));
}

/**
 * Whether a two-character name after a relative is one (`委托我女儿俞静去投`, `是我女儿骆佳，`): a single surname and a
 * common given-name character that the dictionary holds no word of (`我女儿高兴`, `我妈张罗` are words).
 */
function shortNameOfRelative(text: string, at: number, end: number): boolean {
  if (end - at !== 2 || !hasChineseWords || surnameLength(text, at) !== 1) return false;
  return isGivenChar(text, at + 1) && !isChineseWord(text.slice(at, end));
}

/** Surnames that are everyday verbs or adverbs after a relative as often as names (`我妈包饺子`, `我老公常出差`). */
const VERB_SURNAMES = [...'包管常单單付修'].map((c) => c.charCodeAt(0));
/**
 * What follows a relative's full name as a clause goes on about them (`我老婆蒙丽萍的`, `我妈穆桂兰上次`, `你太太方婧都`):
 * a particle, an adverb, a verb of going or buying, a day.
 */
const AFTER_RELATIVE = bitmap('的嘅那也都吧陪去来來买買开開说說今上代');

/** Whether a comma and then a number of eleven digits or more (a phone, an ID) follow `end`. */
function identifierFollows(text: string, end: number): boolean {
  const comma = text.charCodeAt(end);
  if (comma !== 0xff0c && comma !== 0x2c) return false;
  let from = end + 1;
  while (text.charCodeAt(from) === 0x20) from++;
  let to = from;
  while (text.charCodeAt(to) >= 0x30 && text.charCodeAt(to) <= 0x39) to++;
  return to - from >= 11;
}

const IS = '是'.charCodeAt(0);
const IS_CANTONESE = '係'.charCodeAt(0);
const I = '我'.charCodeAt(0);
const OF = '的'.charCodeAt(0);
const OF_CANTONESE = '嘅'.charCodeAt(0);

/** Whether code `c` is a clause's punctuation (`，。！？；、：`, their ASCII forms) or a line's or field's end. */
const isClauseBreak = (c: number) => CLAUSE_ENDS.includes(c) || c === 0x3a;

/** Whether code `c` ends a clause (`，。！？；、`, their ASCII forms, a line's or field's end), or is past the text's end. */
const endsClause = (c: number) => Number.isNaN(c) || CLAUSE_ENDS.includes(c);
const CLAUSE_ENDS = [...'，。！？；、,.!?;\n\r\u2029'].map((c) => c.charCodeAt(0));

/**
 * The name after `是我，` at `cueEnd`, who is speaking (`是我，田洋。`, `法人是我，许敏。`): a surname and a given name
 * that end the clause. Not after `的`/`嘅` (`下单的是我，白色，L码。`: who did it, then what).
 */
function selfNamed(text: string, cueEnd: number): ScanMatch | null {
  const comma = text.charCodeAt(cueEnd);
  if (comma !== 0xff0c && comma !== 0x2c) return null; // ，,
  const before = text.charCodeAt(cueEnd - 3);
  if (before === OF || before === OF_CANTONESE) return null;
  let at = cueEnd + 1;
  while (text.charCodeAt(at) === 0x20) at++;
  const end = chineseNameEnd(text, at, false);
  return end > 0 && endsClause(text.charCodeAt(end)) && endsLikeName(text, at, end) ? [at, text.slice(at, end)] : null;
}

/** The Latin name at `at` when it ends its clause or a phone or ID follows it, and names someone; null otherwise. */
function latinNameEndingClause(text: string, at: number): ScanMatch | null {
  const en = englishNameAt(text, at);
  if (!en || !namesSomeone(en[1]) || en[1].split(' ').some((w) => SUBJECTS.has(w))) return null;
  const end = at + en[1].length;
  return endsClause(text.charCodeAt(end)) || identifierFollows(text, end) ? en : null;
}

/**
 * A name in parentheses right after a cue, as transcripts label a speaker by role and name (`经纪人（卢志鹏）：`): a
 * surname and a given name that fill the parentheses, before the label's colon (`客户（高端）` is a note).
 */
function parenthesizedName(text: string, cueEnd: number): ScanMatch | null {
  const open = text.charCodeAt(cueEnd);
  if (open !== 0xff08 && open !== 0x28) return null; // （(
  const at = cueEnd + 1;
  const end = chineseNameEnd(text, at, false);
  const close = text.charCodeAt(end);
  if (end < 0 || (close !== 0xff09 && close !== 0x29) || !endsLikeName(text, at, end)) return null; // ）)
  if (isPlaceName(text.slice(at, end))) return null; // `客户（江苏）：`, `客服（华东）：`
  const colon = text.charCodeAt(end + 1);
  return colon === 0x3a || colon === 0xff1a ? [at, text.slice(at, end)] : null; // a speaker's label, not a note
}

/**
 * Where a labelled field's value starts after a note in parentheses (`英文姓名（須與身份證相同）：`): the colon after
 * it, or `cueEnd` when none is there. Only a strong cue's field is read so.
 */
function afterParenthesis(text: string, cueEnd: number, weak: boolean): number {
  const open = text.charCodeAt(cueEnd);
  if (weak || (open !== 0xff08 && open !== 0x28)) return cueEnd; // （(
  for (let j = cueEnd + 1; j < text.length && j <= cueEnd + PARENTHESIS_REACH; j++) {
    const c = text.charCodeAt(j);
    if (c === 0x0a || c === 0x2029) return cueEnd;
    if (c !== 0xff09 && c !== 0x29) continue; // ）)
    const colon = text.charCodeAt(j + 1);
    return colon === 0x3a || colon === 0xff1a ? j + 1 : cueEnd;
  }
  return cueEnd;
}
/** The longest note in parentheses read between a label and its colon. */
const PARENTHESIS_REACH = 24;

/** How far before a change (`改成`) the strong cue whose field it changes may end (`入住人改一下，改成刘娜`). */
const CHANGE_REACH = 8;

/** Whether a strong cue (`入住人`, `联系人`) ends at most `CHANGE_REACH` characters before `at`, in the same sentence. */
function afterStrongCue(text: string, at: number): boolean {
  for (let j = at - 1; j >= 1 && j >= at - CHANGE_REACH; j--) {
    const c = text.charCodeAt(j);
    if (c === 0x3002 || c === 0x21 || c === 0x3f || c === 0x0a || c === 0x2029) return false; // 。!?\n, a field's end
    const id = ANCHOR_ID[anchorNumber(text.charCodeAt(j - 1)) * ROW + anchorNumber(c)]!;
    if (id === 0 || (ANCHOR_KIND[id]! & STRONG_PREFIX) === 0) continue;
    for (const cue of ANCHORS[id]!.cues) {
      if (cue.weak || cue.ignore || cue.romanized || !text.startsWith(cue.cue, j + 1 - cue.cue.length)) continue;
      return true;
    }
  }
  return false;
}

/** A surname alone after `我姓` at `at`, ending at a boundary (`她姓丁。`), at low confidence; or null. */
function surnameAfter(text: string, at: number): ScanMatch | null {
  const surname = surnameLength(text, at);
  const end = at + surname;
  if (surname === 0 || (isHan(text, end) && !isStop(text, end))) return null;
  return [at, text.slice(at, end), { normalized: text.slice(at, end), confidence: SURNAME }];
}

type PrefixCue = {
  cue: string;
  weak: boolean;
  guarded: boolean;
  change: boolean;
  romanized: boolean;
  ignore: boolean;
  surname: boolean;
  apposition: boolean;
  self: boolean;
};
/** What two characters of a text can be: the end of prefix cues (in list order), a title, the start of labels. */
interface Anchor {
  cues: PrefixCue[];
  /** 0: no title, 1: a title (`先生`), 2: a loose one (`经理`), 3: a guarded one (`师傅`). */
  title: 0 | 1 | 2 | 3;
  labels: string[];
  /** A greeting a surname and title come before (`韦姐您好`). */
  greeting: boolean;
}
/**
 * Every Chinese cue holds one of these two-character anchors: prefix cues end with theirs (`联系人` → `系人`), titles
 * are theirs (`先生`), labels start with theirs (`身份证` → `身份`). As tables, so that no string is made: each
 * character of an anchor has a small number (`ANCHOR_CHAR`), and a pair of numbers the anchor's (`ANCHOR_ID`).
 */
const ANCHORS: Anchor[] = [{ cues: [], title: 0, labels: [], greeting: false }]; // 0: no anchor
const anchorIds = new Map<string, number>();
const ANCHOR_CHAR = new Uint8Array(0x10000);
let anchorChars = 0;
const ANCHOR_FIRST = 1;
const ANCHOR_SECOND = 2;
/** Whether an anchor character (by its number) starts (1) or ends (2) some anchor. */
const ANCHOR_ROLE: number[] = [0];
function anchor(pair: string): Anchor {
  let id = anchorIds.get(pair);
  if (id === undefined) {
    id = ANCHORS.push({ cues: [], title: 0, labels: [], greeting: false }) - 1;
    anchorIds.set(pair, id);
    for (const c of pair) {
      if (ANCHOR_CHAR[c.charCodeAt(0)] !== 0) continue;
      ANCHOR_CHAR[c.charCodeAt(0)] = ++anchorChars;
      ANCHOR_ROLE.push(0);
    }
    ANCHOR_ROLE[ANCHOR_CHAR[pair.charCodeAt(0)]!]! |= ANCHOR_FIRST;
    ANCHOR_ROLE[ANCHOR_CHAR[pair.charCodeAt(1)]!]! |= ANCHOR_SECOND;
  }
  return ANCHORS[id]!;
}
for (const { cue, weak, guarded, change, romanized, ignore, surname, apposition, self } of PREFIX_CUES) {
  const flags = { weak: !!weak, guarded: !!guarded, change: !!change, romanized: !!romanized, self: !!self };
  anchor(cue.slice(-2)).cues.push({ cue, ...flags, ignore: !!ignore, surname: !!surname, apposition: !!apposition });
}
for (const cue of SUFFIX_CUES) anchor(cue).title = 1;
for (const cue of LOOSE_SUFFIX_CUES) anchor(cue).title = 2;
for (const cue of GUARDED_SUFFIX_CUES) anchor(cue).title = 3;
for (const label of LABELS_AFTER) anchor(label.slice(0, 2)).labels.push(label);
for (const greeting of GREETINGS) anchor(greeting).greeting = true;
// Anchor characters are numbered in bytes (`ANCHOR_CHAR`): a cue list that outgrows them must fail here, not
// silently wrap an anchor onto another.
if (anchorChars > 0xff) throw new Error(`${anchorChars} anchor characters: ANCHOR_CHAR holds 255`);
/** Row width of `ANCHOR_ID`: one more than the numbers of anchor characters, 0 being none. */
const ROW = anchorChars + 1;
/** The anchor of each pair of anchor characters, by their numbers: more than 255 anchors, so two bytes each. */
const ANCHOR_ID = new Uint16Array(ROW * ROW);
for (const [pair, id] of anchorIds)
  ANCHOR_ID[ANCHOR_CHAR[pair.charCodeAt(0)]! * ROW + ANCHOR_CHAR[pair.charCodeAt(1)]!] = id;

/**
 * A 1 KB filter of the anchor characters, so the scan's table stays in the fastest cache while other detectors run
 * between two texts: bit `(c >> 8) & 31` of entry `c & 0xff` is set for an anchor character `c` (rarely for others).
 */
const ANCHOR_FILTER = new Uint32Array(256);
for (let c = 0; c < 0x10000; c++) if (ANCHOR_CHAR[c] !== 0) ANCHOR_FILTER[c & 0xff]! |= 1 << ((c >> 8) & 31);

/** The number of anchor character `c`, or 0: the 64 KB table is read only for the few characters the filter lets by. */
const anchorNumber = (c: number) => (((ANCHOR_FILTER[c & 0xff]! >>> ((c >> 8) & 31)) & 1) === 0 ? 0 : ANCHOR_CHAR[c]!);

/** What an anchor can be, as bits by its number, for `mayName`. */
const ANCHOR_KIND = new Uint8Array(ANCHORS.length);
/** Some cue of the anchor takes a Latin name or, after a colon, any Han characters (`姓名：那英`). */
const STRONG_PREFIX = 1;
const TITLE_OR_LABEL = 2;
/** Some weak cue of the anchor takes a Latin name that ends its clause (`我太太Cherry，`, `我是 Nina，`). */
const LATIN_AFTER_WEAK = 4;
ANCHORS.forEach((a, id) => {
  if (a.cues.some((c) => !c.weak)) ANCHOR_KIND[id]! |= STRONG_PREFIX;
  if (a.cues.some((c) => c.weak && (c.apposition || SELF_INTRODUCTIONS.includes(c.cue))))
    ANCHOR_KIND[id]! |= LATIN_AFTER_WEAK;
  if (a.title !== 0 || a.labels.length > 0 || a.greeting) ANCHOR_KIND[id]! |= TITLE_OR_LABEL;
});

/**
 * Whether a name may be written at the anchor at `p` of `kind`, by a look at a character or two: most anchors are
 * followed by no name (`客户：好的`), and a name after a cue starts with a surname, a capital or a labelled field's
 * first character, as `nameAfter` reads it.
 */
function mayName(text: string, p: number, kind: number): boolean {
  if (kind & TITLE_OR_LABEL) return true;
  let at = p + 2;
  let c = text.charCodeAt(at);
  const colon = c === 0x3a || c === 0xff1a; // : ：
  if (colon || isCueLink(c) || c === 0xff0c || c === 0x2c) c = text.charCodeAt(++at); // ，, after `是我`
  while (c === 0x20 && at - p < 5) c = text.charCodeAt(++at);
  if (startsSurname(c) || c === 0x28 || c === 0xff08) return true; // (: a name or a note in parentheses
  if (kind & LATIN_AFTER_WEAK && isCapital(c)) return true;
  if ((kind & STRONG_PREFIX) === 0) return false;
  return isCapital(c) || (colon && c >= 0x3400 && c <= 0x9fff);
}

/**
 * Names around Chinese cues, in one pass that reads every other character: each anchor (two characters) holds an
 * odd index, so the scan stops only at odd positions holding a character some anchor starts or ends with.
 */
function chineseCues(text: string, out: ScanMatch[]): void {
  const length = text.length; // read once: a loop that re-reads it can compile to far slower code
  for (let k = 1; k < length; k += 2) {
    const c = text.charCodeAt(k);
    if (((ANCHOR_FILTER[c & 0xff]! >>> ((c >> 8) & 31)) & 1) === 0) continue;
    const n = ANCHOR_CHAR[c]!;
    if (n === 0) continue;
    const role = ANCHOR_ROLE[n]!;
    if (role & ANCHOR_SECOND) {
      const id = ANCHOR_ID[anchorNumber(text.charCodeAt(k - 1)) * ROW + n]!;
      if (id !== 0 && mayName(text, k - 1, ANCHOR_KIND[id]!)) anchorAt(text, k - 1, ANCHORS[id]!, out);
    }
    if (role & ANCHOR_FIRST && k + 1 < length) {
      const id = ANCHOR_ID[n * ROW + anchorNumber(text.charCodeAt(k + 1))]!;
      if (id !== 0 && mayName(text, k, ANCHOR_KIND[id]!)) anchorAt(text, k, ANCHORS[id]!, out);
    }
  }
}

/** The names around the anchor `a` at `p`. */
function anchorAt(text: string, p: number, a: Anchor, out: ScanMatch[]): void {
  const { cues, labels } = a;
  for (let i = 0; i < cues.length; i++) {
    const c = cues[i]!;
    if (c.cue.length > 2 && !text.startsWith(c.cue, p + 2 - c.cue.length)) continue;
    if (c.change && !afterStrongCue(text, p)) break; // `改成明天`: no field of a name is changed
    const name = c.ignore ? null : c.surname ? surnameAfter(text, p + 2) : nameAfter(text, p + 2, c);
    if (name) {
      out.push(name);
      // `收件人：李娜 <…>，王建国 <…>`: a name right before its address may start a list.
      const end = name[0] + name[1].length;
      if (text.charCodeAt(end) === 0x3c || text.startsWith(' <', end)) moreRecipients(text, end, out);
      else if (text.charCodeAt(end) === ENUMERATION) listedAfter(text, end, out);
    }
    break; // the first cue that fits wins
  }
  if (a.title !== 0) nameBeforeTitle(text, p, a.title >= 2, out, a.title === 3);
  if (a.greeting) surnameBeforeGreeting(text, p, out);
  for (let i = 0; i < labels.length; i++) {
    if (!text.startsWith(labels[i]!, p)) continue;
    nameBeforeLabel(text, p, out);
    break;
  }
}

/**
 * The name before the title at `q` (`张伟先生`), or a bare surname (`王先生`) at low confidence. Before a `loose`
 * title the name stands apart (`曾经理`, `联系王经理`; not `语文老师`).
 */
function nameBeforeTitle(text: string, q: number, loose: boolean, out: ScanMatch[], guarded = false): void {
  if (latinBeforeTitle(text, q, out)) return;
  if (WORDS_WITH_TITLE.get(text.slice(q, q + 2))?.includes(text[q - 1] ?? '\0')) return;
  const floor = nameFloor(text, q);
  if (floor === q) return; // `我和先生`: a word, then the title alone
  const start = nameBefore(text, q, floor, loose ? APART : ANYWHERE);
  const led = (at: number) => at === floor && endsBeforeName(text, at);
  if (start >= 0 && (!guarded || led(start) || q - start >= 3)) {
    out.push([start, text.slice(start, q)]);
    return;
  }
  const surname = surnameLength(text, q - 2) === 2 ? 2 : surnameLength(text, q - 1);
  const at = q - surname;
  // A surname alone before a guarded title: after a word names follow, or after punctuation, a line's or the text's
  // start (`，吕师傅`, `何医生：` labelling a speaker).
  if (surname === 0 || at < floor || (guarded && !led(at) && !(at === 0 || isClauseBreak(text.charCodeAt(at - 1)))))
    return;
  if (loose && (inBits(FUNCTION_SURNAME_CHARS, text.charCodeAt(at)) || !standsApart(text, at, floor))) return;
  out.push([at, text.slice(at, q), { normalized: text.slice(at, q), confidence: SURNAME }]);
}

/** A Latin name's words before a Chinese title (`Laurent 女士`, `Wong先生`, `Helen Ward老师`). */
const LATIN_BEFORE_TITLE = new RegExp(`(?:${EN_WORD} ){0,2}${EN_WORD} ?$`, 'u');
/** What a teacher or a manager is of, written in Latin letters before the title (`English老师`, `Python老师`, `Apple经理`). */
const SUBJECTS = new Set(
  (
    'English Chinese Math Maths Mathematics Physics Chemistry Biology Science History Geography Music Art Arts Drama ' +
    'French German Japanese Korean Spanish Italian Russian Latin Python Java Excel Word Office Photoshop Linux Windows ' +
    'Android Apple Google Microsoft Amazon Tesla Nike Adidas Yoga Piano Guitar Violin Dance Tennis Golf Swimming ' +
    'Coding Design Marketing Product Project Account Sales Store Brand Channel Key Senior Junior Assistant'
  ).split(' '),
);
/** How far before a title a Latin name may start. */
const LATIN_TITLE_REACH = 40;

/**
 * A Latin name before the title at `q`, with or without a space (`尊敬的 Laurent 女士`, `Wong先生你好`): one to three
 * capitalized words, not glued to a letter before, none a team's, a role's, a greeting's or an opener. Whether it was
 * found.
 */
function latinBeforeTitle(text: string, q: number, out: ScanMatch[]): boolean {
  const c = text.charCodeAt(q - 1) === 0x20 ? text.charCodeAt(q - 2) : text.charCodeAt(q - 1);
  if (!((c >= 0x61 && c <= 0x7a) || (c >= 0xc0 && c <= 0x24f))) return false;
  const m = LATIN_BEFORE_TITLE.exec(text.slice(Math.max(0, q - LATIN_TITLE_REACH), q));
  if (m === null) return false;
  const name = m[0].trimEnd();
  const at = q - m[0].length;
  if (isAsciiLetter(text.charCodeAt(at - 1)) || !namesSomeone(name)) return false;
  if (name.split(' ').some((w) => EN_STOP.has(w) || SUBJECTS.has(w))) return false;
  out.push([at, name]);
  return true;
}

/**
 * A surname and a title before the greeting at `q`, as people are greeted in speech (`韦姐您好`, `邵生你好`, `韩总您好`):
 * the surname at low confidence. It stands apart (`经纪人：韦姐您好`), and the two are no word (`先生你好`, `帅哥你好`).
 */
function surnameBeforeGreeting(text: string, q: number, out: ScanMatch[]): void {
  if (!GREETED_TITLES.includes(text.charCodeAt(q - 1))) return;
  const at = surnameLength(text, q - 3) === 2 ? q - 3 : q - 2;
  if (surnameLength(text, at) !== q - 1 - at || isHan(text, at - 1) || isAsciiLetter(text.charCodeAt(at - 1))) return;
  if (text.charCodeAt(at) === A_PREFIX || TITLED_WORDS.has(text.slice(q - 2, q))) return;
  out.push([at, text.slice(at, q - 1), { normalized: text.slice(at, q - 1), confidence: SURNAME }]);
}

/**
 * Surnames before `某` or `某某` (`理财经理骆某宣称`, `张某，男`, `被告人李某诉称`), as statements, complaints and rulings
 * name a person they do not name in full: the surname at low confidence. After a role or a word names follow
 * (`司机陈某当场`, `村民赵某介绍`), unless a thing follows (`是原某公司`); standing apart, only before punctuation, a
 * verb or a preposition (`张某，`, `骆某宣称`), since `原某银行`, `任某一方`, `连某知名主播` mean "some".
 */
function someones(text: string, out: ScanMatch[]): void {
  for (let i = text.indexOf('某'); i !== -1; i = text.indexOf('某', i + 1)) {
    const next = text.charCodeAt(text.charCodeAt(i + 1) === SOME ? i + 2 : i + 1);
    if (SOME_NOUNS.includes(next)) continue;
    const at = surnameLength(text, i - 2) === 2 ? i - 2 : i - 1;
    if (surnameLength(text, at) !== i - at || inBits(FUNCTION_SURNAME_CHARS, text.charCodeAt(at))) continue;
    const before = text.charCodeAt(at - 1);
    if (isHan(text, at - 1)) {
      if (!endsBeforeName(text, at) && !ROLE_ENDS.includes(before)) continue;
    } else if (isAsciiLetter(before) || (before >= 0x30 && before <= 0x39)) {
      continue; // `5楼某`: a floor's
    } else if (
      !(endsClause(next) || next === 0x20 || next === 0x3a || next === 0xff1a || AFTER_SOMEONE.includes(next))
    ) {
      continue;
    }
    out.push([at, text.slice(at, i), { normalized: text.slice(at, i), confidence: SURNAME }]);
  }
}
/**
 * Surnames with the Cantonese titles 生 (Mr) and 太 (Mrs) outside a greeting (`多謝陳生。`, `李生嘅出生日期`, `打去李太，`):
 * the surname at low confidence. It stands apart or after a word names follow, and a clause end or `嘅` follows; not a
 * word (`衛生`, `師生`).
 */
function cantoneseTitled(text: string, out: ScanMatch[]): void {
  for (const title of CANTONESE_TITLES) {
    for (let q = text.indexOf(title, 1); q !== -1; q = text.indexOf(title, q + 1)) {
      const next = text.charCodeAt(q + 1);
      if (!(endsClause(next) || next === OF_CANTONESE || next === 0x20)) continue;
      const at = surnameLength(text, q - 2) === 2 ? q - 2 : q - 1;
      if (surnameLength(text, at) !== q - at || inBits(FUNCTION_SURNAME_CHARS, text.charCodeAt(at))) continue;
      if (text.charCodeAt(at) === A_PREFIX || TITLED_WORDS.has(text.slice(q - 1, q + 1))) continue;
      if (isHan(text, at - 1) && !endsBeforeName(text, at)) continue;
      out.push([at, text.slice(at, q), { normalized: text.slice(at, q), confidence: SURNAME }]);
    }
  }
}
const CANTONESE_TITLES = ['生', '太'];

/**
 * Who speaks in a transcript, by role (`客户`, `Customer`, `物业管家`): a name in parentheses beside one is the
 * speaker's (`Leo Chen（客户）`, `Customer (Lucas Fernández)`), and so is a name after one (`客服 Tina`, `物业管家周颖`).
 * Matched case-insensitively, and a Chinese role also at the end of a longer one (`理赔专员`, `随访护士`).
 */
const SPEAKER_ROLES = new Set([
  ...['客户', '客戶', '顾客', '顧客', '客服', '坐席', '买家', '買家', '卖家', '賣家', '用户', '用戶', '会员', '會員'],
  ...['技术支持', '技術支持', '销售', '銷售', '售后', '售後', '店长', '店長', '助理', '前台', '职员', '職員', '家属'],
  ...[
    '主管',
    '经理',
    '經理',
    '老师',
    '老師',
    '医生',
    '醫生',
    '护士',
    '護士',
    '律师',
    '律師',
    '工程师',
    '工程師',
    '家屬',
  ],
  ...ROLES,
  ...'customer client agent support caller guest buyer seller member user staff advisor adviser rep'.split(' '),
  ...(
    'receptionist operator dispatcher pharmacist teller cashier courier technician engineer interviewer ' +
    'interviewee presenter speaker narrator attendant concierge clerk supervisor specialist representative ' +
    'consultant coordinator handler interpreter translator'
  ).split(' '),
]);
/** Where a staff speaker's label may end before the name: a department (`理賠部 Joyce`, `技术组 Wendy`). */
const DEPARTMENT_LAST = [...'部组組科处處'].map((c) => c.charCodeAt(0));
/** A flat or building in a residents' group chat (`5栋-`, `12棟`, `3号楼`, `5栋1单元`, `2-1203`): its residents speak there. */
const UNIT = /^(?:\d+(?:栋|棟|幢|座|号楼|號樓|楼|樓|单元|單元)(?:\d+(?:单元|單元|室|号|號))*|\d+(?:-\d+)+)$/;
/**
 * A time stamp before a speaker's label, not in brackets: a date, then a time (`10:15 `, `2024-06-03 10:15:02 `,
 * `6月3日 下午3:05 `, `10:15 AM `, WhatsApp's `6/3/24, 10:15 AM - `).
 */
const LABEL_TIME =
  /(?:(?:\d{4}[-/.年])?\d{1,2}[-/.月]\d{1,2}日?[ T]?|\d{1,2}\/\d{1,2}\/\d{2,4}, )?(?:上午|下午|晚上)?\d{1,2}:\d{2}(?::\d{2})?(?: ?[AaPp][Mm])?(?: -)?[ \t]+/y;
/** The longest label (time stamp included) read before a colon. */
const LABEL_REACH = 56;
/** What never stands in a speaker's label: a clause's punctuation, a quotation, another colon (folded text). */
const NOT_IN_LABEL = bitmap(',.!?;:"“”@、。');
/**
 * Characters that end a field's name after a role (`会员权益`, `客户来源`, `黄金`, `白银`) as often as a given name (`刘益`,
 * `王源`): in a label, where fields are named, they end no speaker's name.
 */
const FIELD_FINAL = bitmap('益源金银銀');

/** Whether `word` names a place or a region (`江苏`, `华东`), as a team or customer's note does: no one's name. */
const isPlaceName = (word: string) => REGIONS.has(word) || isKnownPlace(word);

/** Regions a team is named after (`客服-华东`, `销售（华南）`): no speaker's name. */
const REGIONS = new Set([
  '华东',
  '華東',
  '华南',
  '華南',
  '华北',
  '華北',
  '华中',
  '華中',
  '西南',
  '西北',
  '东北',
  '東北',
  '江浙沪',
]);
/** Words a form's or a log's field ends with after a role (`Customer Name:`, `Agent Status:`, `客服 Hotline:`). */
const FIELD_WORDS = new Set(
  (
    'name names email mail phone tel telephone mobile fax hotline address id number no notes note status since type ' +
    'rating tier level joined left disconnected connected online offline hours ticket only role account code score ' +
    'feedback remarks comment comments summary details info tips guide policy report reply request response action ' +
    'input intent impact success effort knowledge sentiment transfer transferred assigned login logout group internal ' +
    'satisfaction courtesy render lookup query event update updated created closed opened resolved escalated message ' +
    'priority queue channel source subject body error warning booking reservation order payment delivery refund ' +
    'invoice shipping signature plus pro vip premium gold silver platinum diamond'
  ).split(' '),
);

/** A speaker's name a label gives, kept until the labels are counted (see `speakerLabels`). */
interface SpeakerCandidate {
  start: number;
  name: string;
  confidence: typeof CUE | typeof SURNAME;
  /** The label, as counted. */
  label: string;
  /** Whether it counts without the label said again: a time stamp, and a role that is no English word. */
  once: boolean;
  /** The role or flat before a one-word name (`Agent`, `客服`), or '' for any other. */
  role: string;
  /** A Latin name alone after a time stamp: counts only in a conversation (see `speakerLabels`). */
  alone?: boolean;
}

/**
 * Speakers named in a transcript's labels, from a line's start (after a time stamp, if any) to its colon: a role, a
 * department or a flat and a name (`客服 Tina:`, `理賠部 Joyce:`, `物业管家周颖：`, `5栋-刘海涛：`, `12栋-Kevin Zhou：`),
 * a name and a role in parentheses or the reverse (`Leo Chen（客户）：`, `Customer (Lucas Fernández):`), a time stamp
 * and a name alone (`[10:01] 刘海涛：`), a surname with 生/太 after a time stamp (`[12/3 14:22] 陳生:`, low confidence).
 * A speaker speaks more than once, and a chat export stamps each turn with its time: a label counts when it starts
 * two lines or more, as a form's field does not (`Customer Name:`, `客户来源：`), or once after a time stamp; a name
 * alone, both. A word alone (`客户：`, `金额：`) names no one.
 */
function speakerLabels(text: string, out: ScanMatch[]): void {
  const found: SpeakerCandidate[] = [];
  // The one-word names each role is followed by: a form or a log writes many fields after one role (`Agent Reply`,
  // `Agent Group`, `Agent Action`), a transcript a name or two.
  const words = new Map<string, Set<string>>();
  forEachLabel(text, (at, end, stamped) => speakerName(text, at, end, stamped, found, words));
  if (found.length === 0) return;
  // Count the labels that gave a name, in a second pass over every label (linear: no search per candidate).
  const counts = new Map<string, number>(found.map((c) => [c.label, 0]));
  // Whether a customer, a caller or the writer speaks too: a conversation, not a feed of bots, teams or places.
  let conversation = false;
  forEachLabel(text, (at, end) => {
    const label = text.slice(at, end);
    const n = counts.get(label);
    if (n !== undefined) counts.set(label, n + 1);
    else if (!conversation) conversation = isSpeakerRole(text, at, end) || SELF_LABELS.has(label);
  });
  // Someone speaking who is surely a person, in a role or greeted by name, makes it one too. Each name is sought
  // once, and at most `MAX_SOUGHT` of them: a long feed of labels must not make the search quadratic.
  if (!conversation) {
    const sought = new Set<string>();
    for (const c of found) {
      if (!(c.once || counts.get(c.label)! >= 2)) continue;
      if (!c.alone) conversation = true;
      else if (!sought.has(c.name) && sought.size < MAX_SOUGHT) {
        sought.add(c.name);
        conversation = mentionedBeyond(text, c.name, counts.get(c.label)!);
      }
      if (conversation) break;
    }
  }
  for (const { start, name, confidence, label, once, role, alone } of found) {
    // A time-stamped staff label is a transcript's (`[10:01] 客服 Tina`, `[10:02] 客服 Amy`, `[10:03] 客服 Kevin`).
    if (!once && role !== '' && (words.get(role)?.size ?? 0) >= MAX_ROLE_WORDS) continue;
    if (!once && counts.get(label)! < 2) continue;
    // A name alone in a label, in a feed (`[20:15] Chelsea`, `[9:00] Reminder`): only when it is also greeted or
    // mentioned in what is said (`Hi Diego`), or someone in a role speaks too.
    if (alone && !conversation) continue;
    out.push([start, name, { normalized: normalizeName(name), confidence }]);
  }
}

/** How many names alone in labels are sought in the rest of the text. */
const MAX_SOUGHT = 8;

/** How the writer of an exported chat labels their own lines. */
const SELF_LABELS = new Set(['我', 'Me', 'me', 'You', 'you']);

/** Whether `name` is written in `text` more than `labels` times: somewhere besides its labels. */
function mentionedBeyond(text: string, name: string, labels: number): boolean {
  let n = 0;
  for (let i = text.indexOf(name); i !== -1; i = text.indexOf(name, i + name.length)) if (++n > labels) return true;
  return false;
}

/** How many different one-word names after one role make the labels a form's fields (`Agent Reply`, `Agent Group`). */
const MAX_ROLE_WORDS = 3;

/**
 * Calls `visit` with each speaker's label of `text` as [`at`, `end`) (after the time stamp, without the colon and
 * the spaces before it), and whether a time stamp came first. Labels of two characters or fewer (`客户：`) only
 * after a time stamp: a role alone, too short for a name with a role.
 */
function forEachLabel(text: string, visit: (at: number, end: number, stamped: boolean) => void): void {
  // Folded text: a full-width `：` reads as `:`, `（）` as `()`, `－` as `-`.
  for (let colon = text.indexOf(':'); colon !== -1; colon = text.indexOf(':', colon + 1)) {
    // The line's start: after a line or field break at most `LABEL_REACH` characters back, or the text's start.
    let at = colon - 1;
    const floor = colon - LABEL_REACH - 1;
    while (at >= 0 && at >= floor && text.charCodeAt(at) !== 0x0a && text.charCodeAt(at) !== 0x2029) at--;
    if (at >= 0 && at < floor) continue; // no line starts within reach
    at++;
    if (colon - at < 3) continue; // `客服：`, `Q:`: a role alone, too short for a name with anything more
    let stamped = false;
    const open = text.charCodeAt(at);
    if (open === 0x5b || open === 0x3010 || open === 0x28) {
      // [ 【 (
      const closing = open === 0x5b ? 0x5d : open === 0x28 ? 0x29 : 0x3011; // ] ) 】
      let close = at + 1;
      while (close < colon && text.charCodeAt(close) !== closing) close++; // within the label: never past its colon
      if (close >= colon || !holdsTime(text, at, close)) continue;
      at = close + 1;
      stamped = true;
    } else if ((open >= 0x30 && open <= 0x39) || open === 0x4e0a || open === 0x4e0b || open === 0x665a) {
      // a digit, 上午, 下午, 晚上
      LABEL_TIME.lastIndex = at;
      if (LABEL_TIME.test(text) && LABEL_TIME.lastIndex < colon) {
        at = LABEL_TIME.lastIndex;
        stamped = true;
      }
    }
    while (text.charCodeAt(at) === 0x20 || text.charCodeAt(at) === 0x09) at++;
    let end = colon;
    while (text.charCodeAt(end - 1) === 0x20) end--;
    // `客服Lily 15:02`: the time after the name
    const time = timeBefore(text, at, end);
    if (time > at) {
      end = time;
      stamped = true;
    }
    if (end - at < (stamped ? 2 : 3) || !isLabel(text, at, end)) continue;
    visit(at, end, stamped);
  }
}

/** Where a time that ends `text[at, end)` after a space starts (`客服Lily 15:02`), spaces before it included; else -1. */
function timeBefore(text: string, at: number, end: number): number {
  const c = text.charCodeAt(end - 1);
  if (!(c >= 0x30 && c <= 0x39)) return -1;
  const from = Math.max(at, end - 12);
  const m = TRAILING_TIME.exec(text.slice(from, end));
  return m ? from + m.index : -1;
}
const TRAILING_TIME = / +\d{1,2}:\d{2}(?::\d{2})?$/;

/** Whether `text[at, end)` can be a speaker's label: none of `NOT_IN_LABEL` in it. */
function isLabel(text: string, at: number, end: number): boolean {
  for (let i = at; i < end; i++) if (inBits(NOT_IN_LABEL, text.charCodeAt(i))) return false;
  return true;
}

/** Whether `text[from, to)` holds a time, a digit, a colon and two digits (`[10:21:33]`; not `[INFO]`, `[活动]`). */
function holdsTime(text: string, from: number, to: number): boolean {
  const isDigit = (c: number) => c >= 0x30 && c <= 0x39;
  for (let i = from + 1; i + 2 < to; i++) {
    if (text.charCodeAt(i) !== 0x3a) continue;
    if (isDigit(text.charCodeAt(i - 1)) && isDigit(text.charCodeAt(i + 1)) && isDigit(text.charCodeAt(i + 2)))
      return true;
  }
  return false;
}

/** The name the speaker's label `text[at, end)` gives, if any, added to `found` (see `speakerLabels`). */
function speakerName(
  text: string,
  at: number,
  end: number,
  stamped: boolean,
  found: SpeakerCandidate[],
  words: Map<string, Set<string>>,
): void {
  const before = found.length;
  roleSpeakerName(text, at, end, stamped, found, words);
  if (found.length === before) exportSpeakerName(text, at, end, stamped, found);
}

/** A speaker named by a role, a department or a flat, or alone after a time stamp (see `speakerLabels`). */
function roleSpeakerName(
  text: string,
  at: number,
  end: number,
  stamped: boolean,
  found: SpeakerCandidate[],
  words: Map<string, Set<string>>,
): void {
  // The label is sliced only for a name: most labels give none.
  const add = (start: number, stop: number, confidence: typeof CUE | typeof SURNAME = CUE, once = stamped) =>
    found.push({ start, name: text.slice(start, stop), confidence, label: text.slice(at, end), once, role: '' });
  /** A one-word Latin name after the role `text[at, roleEnd)`: noted with the role, and once only after a Han one. */
  const addWord = (roleEnd: number, start: number) => {
    if (isSpeakerName(text, start, end, false)) {
      // Words a field is known by (`Agent Reply`) are no names, so they do not count toward a form's fields.
      const role = text.slice(at, roleEnd);
      const name = text.slice(start, end);
      const seen = words.get(role) ?? new Set<string>();
      words.set(role, seen.add(name));
      const once = stamped && isHan(text, roleEnd - 1);
      found.push({ start, name, confidence: CUE, label: text.slice(at, end), once, role });
    }
  };
  if (text.charCodeAt(end - 1) === 0x29) {
    // `Leo Chen (客户)`, `Customer (Lucas Fernández)`, `经纪人（卢志鹏）`
    let open = end - 2;
    while (open > at && text.charCodeAt(open) !== 0x28) open--; // within the label: never before its start
    if (open <= at) return;
    let outerEnd = open;
    while (text.charCodeAt(outerEnd - 1) === 0x20) outerEnd--;
    if (isSpeakerRole(text, open + 1, end - 1)) {
      if (isSpeakerName(text, at, outerEnd, false)) add(at, outerEnd);
    } else if (isSpeakerRole(text, at, outerEnd) && isSpeakerName(text, open + 1, end - 1, true)) {
      add(open + 1, end - 1);
    }
    return;
  }
  const latin = latinTail(text, at, end);
  if (latin > at) {
    // `客服 Tina`, `12栋-Kevin Zhou`, `销售顾问Ryan`: a staff member's or resident's name after their role or flat
    const prefixEnd = separatorStart(text, at, latin);
    if ((prefixEnd < latin || isHan(text, latin - 1)) && isSpeakerPrefix(text, at, prefixEnd)) {
      if (spaceIn(text, latin, end) < 0) addWord(prefixEnd, latin);
      else if (isSpeakerName(text, latin, end, false)) add(latin, end);
    }
    return;
  }
  if (isLatinLetter(text.charCodeAt(at))) {
    // `Agent Nadia`, `Support Agent Nadia`: roles in words, then the name (`INFO 连接` is a log's level)
    let name = at;
    for (let space = spaceIn(text, name, end); space > 0; space = spaceIn(text, name, end)) {
      if (!isSpeakerRole(text, name, space)) break;
      name = space + 1;
    }
    if (name === at || isHan(text, name)) return;
    if (spaceIn(text, name, end) < 0) addWord(name - 1, name);
    else if (isSpeakerName(text, name, end, false)) add(name, end);
    return;
  }
  if (!isHan(text, end - 1)) return;
  const hanStart = hanTail(text, at, end);
  if (hanStart > at) {
    // `5栋-刘海涛`, `客服-蒋丽`: a name with a known surname after a separator
    const prefixEnd = separatorStart(text, at, hanStart);
    if (!isSpeakerPrefix(text, at, prefixEnd) || !isSpeakerName(text, hanStart, end, false)) return;
    // A resident goes by a nickname as often as by a name (`3栋-平安`): two characters there are a surname at most,
    // and a surname and a title (`5栋-葛姐`) the surname alone.
    if (end - hanStart < 3 && UNIT.test(text.slice(at, prefixEnd))) {
      if (!titledSurname(text, hanStart, end, add)) add(hanStart, end, SURNAME);
    } else add(hanStart, end);
    return;
  }
  // `[12/3 14:22] 陳生`: a surname and a Cantonese title
  const title = text.charCodeAt(end - 1);
  const cantonese = title === 0x751f || title === 0x592a; // 生 太
  if (cantonese && surnameLength(text, at) === end - 1 - at) {
    // `衛生`, `花生`: words
    if (!stamped || TITLED_WORDS.has(text.slice(end - 2, end)) || inBits(FUNCTION_SURNAME_CHARS, text.charCodeAt(at))) {
      return;
    }
    add(at, end - 1, SURNAME);
    return;
  }
  // `物业管家周颖`: a role and a name glued; `[10:01] 刘海涛`: a name alone after a time stamp
  for (let n = Math.max(at, end - 4); n <= end - 2; n++) {
    if (!isSpeakerName(text, n, end, false)) continue;
    // A word of two characters after a time stamp is a field as often as a name (`06:30 冷藏：`): a full name alone.
    if (n === at ? stamped && end - n >= 3 : isSpeakerPrefix(text, at, n)) add(n, end, CUE, stamped && n > at);
    return;
  }
}

/**
 * How a chat export labels its speakers beyond a role: by their company, shop or team and a name on either side of a
 * bar or a dash (`好旅行-Joana`, `星图-技术支持 Jason`, `鼎盛物流-IT 尉迟浩`, `Leo-安家房产`, `Jessica Yeung｜Crestline Bank
 * HK`, `物业客服-小林`, `京选客服-婷婷`), the team's side ending with a role or a business's word; by a team that ends
 * with a role and a name in parentheses (`EasyDrive Support (Coco)`, `平安客服（Vivian）`); or by a Latin name alone after
 * a time stamp (`[13:03] Diego`, `00:12 Kevin Tan`), in a conversation (see `speakerLabels`). None of these tells a
 * speaker from a form's field by itself: each counts only when the same label starts two lines or more.
 */
function exportSpeakerName(text: string, at: number, end: number, stamped: boolean, found: SpeakerCandidate[]): void {
  const add = (start: number, stop: number, confidence: typeof CUE | typeof SURNAME = CUE, alone = false) =>
    found.push({
      start,
      name: text.slice(start, stop),
      confidence,
      label: text.slice(at, end),
      once: false,
      role: '',
      alone,
    });
  if (text.charCodeAt(end - 1) === 0x29) {
    // `EasyDrive Support (Coco)`, `平安客服（Vivian）`: a team that ends with a role, and a name
    let open = end - 2;
    while (open > at && text.charCodeAt(open) !== 0x28) open--;
    let outerEnd = open;
    while (outerEnd > at && text.charCodeAt(outerEnd - 1) === 0x20) outerEnd--;
    if (outerEnd > at && teamEndsWithRole(text, at, outerEnd) && isSpeakerName(text, open + 1, end - 1, false))
      add(open + 1, end - 1);
    return;
  }
  let sep = end - 1;
  while (sep > at && !isTeamSeparator(text, sep)) sep--;
  if (sep === at) {
    // `[13:03] Diego`, `00:12 Kevin Tan`, `Nur Aisyah binte Rahman`: a Latin name alone after a time stamp
    if (
      stamped &&
      isLatinLetter(text.charCodeAt(at)) &&
      (isSpeakerName(text, at, end, false) || isLongName(text, at, end))
    )
      add(at, end, CUE, !surelyNamed(text, at, end));
    return;
  }
  let head = sep;
  while (head > at && text.charCodeAt(head - 1) === 0x20) head--;
  let tail = sep + 1;
  while (tail < end && text.charCodeAt(tail) === 0x20) tail++;
  if (head === at || tail === end) return;
  // The name ends the label, after its team (`好旅行-Joana`) and maybe a department (`星图-技术支持 Jason`: the team is
  // the department, the name a word), or starts it before its team (`Leo-安家房产`).
  const space = lastSpaceIn(text, tail, end);
  if (space > tail && isHan(text, space - 1) !== isHan(text, space + 1)) {
    if (isTeam(text, tail, space) && isSpeakerName(text, space + 1, end, false)) add(space + 1, end);
  } else if (isHan(text, tail) && end - tail >= 3 && isSpeakerName(text, tail, end, false)) {
    if (!isPlaceName(text.slice(at, head))) add(tail, end); // `链家-王建国`: a full Chinese name after any team
  } else if (isTeam(text, at, head)) {
    // `Crestline Bank - Jessica Yeung`, `Agencia Sol - María José de la Cruz`
    if (isSpeakerName(text, tail, end, false) || isLongName(text, tail, end)) add(tail, end);
    else if (isDoubled(text, tail, end)) {
      if (endsWithRole(text, at, head)) add(tail, end);
    } else titledSurname(text, tail, end, add);
  } else if (isTeam(text, tail, end) && isSpeakerName(text, at, head, false)) add(at, head);
}

/**
 * Whether the Latin name alone in a label, `text[at, end)`, is surely a person's, in a feed as in a conversation: it
 * has a romanized Chinese surname (`Kevin Tan`, `Leong Ka Hou`) or a particle of a Malay, Spanish or Dutch name
 * (`Nur Aisyah binte Rahman`). Other names alone (`Diego`, `Maria Lopez`) are taken in a conversation only, as a
 * feed's labels are written the same way (`Chelsea`, `Coffee Break`, `Amazon Locker`).
 */
function surelyNamed(text: string, at: number, end: number): boolean {
  const words = text.slice(at, end).split(' ');
  return words.length > 1 && words.some((w) => NAME_PARTICLES.has(w) || ROMANIZED_SURNAMES.has(w.toUpperCase()));
}

/**
 * Whether `text[i]` separates a team from a name in a chat export's label: a bar, or a dash with spaces on both sides
 * or between Chinese characters and Latin letters (`好旅行-Joana`, `京选客服-婷婷`); not a dash inside a word or a
 * name (`Build-Pipeline`, `Anne-Marie`).
 */
function isTeamSeparator(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c === 0x7c || c === 0xff5c) return true; // | ｜
  if (c !== 0x2d && c !== 0x2013 && c !== 0x2014) return false; // - – —
  if (text.charCodeAt(i - 1) === 0x20 && text.charCodeAt(i + 1) === 0x20) return true;
  return isHan(text, i - 1) || isHan(text, i + 1);
}

/**
 * Whether `text[at, end)` names a team or a business, beside a speaker's name: Chinese that ends with a role or a
 * business's word (`訊通客服`, `好旅行`, `安家房产`, `业委会`; not a place, `上海`), or Latin words one of which is a role or
 * a business's (`Crestline Bank HK`, `EasyDrive Support`, `IT`).
 */
function isTeam(text: string, at: number, end: number): boolean {
  if (UNIT.test(text.slice(at, end))) return true; // `7栋-俞阿姨`: a flat, where its residents speak
  if (isHan(text, end - 1)) {
    if (isPlaceName(text.slice(at, end))) return false;
    if (endsWithRole(text, at, end)) return true;
    for (let s = Math.max(at, end - 3); s < end; s++) if (TEAM_ENDS.has(text.slice(s, end))) return true;
    return false;
  }
  for (const word of text.slice(at, end).split(' ')) {
    const lower = word.toLowerCase();
    if (GENERIC.has(lower) || SPEAKER_ROLES.has(lower)) return true;
  }
  return false;
}
/** What the name of a business, a team or a department ends with (`好旅行`, `鼎盛物流`, `安家房产`, `技术部`). */
const TEAM_ENDS = new Set([
  ...[
    '旅行',
    '旅行社',
    '物流',
    '房产',
    '房產',
    '地产',
    '地產',
    '银行',
    '銀行',
    '公司',
    '集团',
    '集團',
    '科技',
    '店',
    '超市',
  ],
  ...[
    '中心',
    '部',
    '组',
    '組',
    '处',
    '處',
    '支持',
    '成功',
    '运营',
    '運營',
    '物业',
    '物業',
    '保险',
    '保險',
    '医院',
    '醫院',
  ],
  ...[
    '诊所',
    '診所',
    '酒店',
    '航空',
    '快递',
    '快遞',
    '速运',
    '速運',
    '通信',
    '电讯',
    '電訊',
    '教育',
    '学校',
    '學校',
    '行政',
  ],
  ...[
    '财务',
    '財務',
    '市场',
    '市場',
    '服务',
    '服務',
    '会',
    '會',
    '团队',
    '團隊',
    '工作室',
    '门店',
    '門店',
    '车行',
    '車行',
  ],
]);

/**
 * Whether `text[at, end)` is a Latin name of three or four words, linked by the particles of Malay, Spanish, Dutch or
 * Arabic names (`Leong Ka Hou`, `Nur Aisyah binte Rahman`, `Ana de la Cruz`), none of them a team's or a field's word.
 */
function isLongName(text: string, at: number, end: number): boolean {
  const words = text.slice(at, end).split(' ');
  if (words.length < 3 || words.length > 5) return false;
  let named = 0;
  for (const w of words) {
    if (NAME_PARTICLES.has(w)) continue;
    if (!EN_WORD_ALONE.test(w) || EN_STOP.has(w) || GENERIC.has(w.toLowerCase()) || namesNoOne(w)) return false;
    named++;
  }
  return named >= 3 || (named === 2 && words.length > 2 && !NAME_PARTICLES.has(words[0]!));
}
const EN_WORD_ALONE = new RegExp(`^${EN_WORD}$`, 'u');
const NAME_PARTICLES = new Set([
  'bin',
  'binti',
  'binte',
  'bte',
  'de',
  'del',
  'della',
  'la',
  'van',
  'von',
  'der',
  'den',
  'da',
  'dos',
  'das',
  'al',
  'el',
  'y',
  'di',
  'du',
  'le',
]);

/** Whether `text[at, end)` ends with a role, Chinese or a Latin word (`平安客服`, `EasyDrive Support`). */
function teamEndsWithRole(text: string, at: number, end: number): boolean {
  if (isHan(text, end - 1)) return endsWithRole(text, at, end);
  return isSpeakerRole(text, lastSpaceIn(text, at, end) + 1, end);
}

/** Whether `text[at, end)` ends with a Chinese role, whatever its company's name before it (`京选客服`, `訊通客服`). */
function endsWithRole(text: string, at: number, end: number): boolean {
  for (let s = Math.max(at, end - 5); s < end - 1; s++) if (SPEAKER_ROLES.has(text.slice(s, end))) return true;
  return false;
}

/**
 * Whether `text[at, end)` is a doubled given name (`婷婷`, `乐乐`), as staff go by after their role (`京选客服-婷婷`; a
 * customer's `宝妈-甜甜` is a nickname); not a laugh, a greeting, a relative or an adverb.
 */
function isDoubled(text: string, at: number, end: number): boolean {
  return (
    end === at + 2 &&
    isHan(text, at) &&
    text.charCodeAt(at) === text.charCodeAt(at + 1) &&
    !isStop(text, at) &&
    !DOUBLED_WORDS.has(text.slice(at, end))
  );
}
const DOUBLED_WORDS = new Set([
  '哈哈',
  '呵呵',
  '嘿嘿',
  '嘻嘻',
  '嗯嗯',
  '好好',
  '谢谢',
  '謝謝',
  '常常',
  '天天',
  '刚刚',
  '剛剛',
  '渐渐',
  '漸漸',
  '慢慢',
  '匆匆',
  '宝宝',
  '寶寶',
  '妈妈',
  '媽媽',
  '爸爸',
  '哥哥',
  '姐姐',
  '弟弟',
  '妹妹',
  '叔叔',
  '爷爷',
  '爺爺',
  '奶奶',
  '姥姥',
  '星星',
  '人人',
  '个个',
  '個個',
]);

/**
 * `小林`, `葛姐`, `俞阿姨`, `王经理`: a surname as the young, the elder or the staff are called, added at a surname's
 * confidence; whether it was.
 */
function titledSurname(
  text: string,
  at: number,
  end: number,
  add: (start: number, stop: number, confidence: typeof SURNAME) => void,
): boolean {
  let surname = 1;
  if (text.charCodeAt(at) === LITTLE) {
    // `小林`; `小鹿`, `小美` are nicknames: only a common surname
    if (end !== at + 2 || !inBits(COMMON_SURNAMES, text.charCodeAt(at + 1))) return false;
    at++;
  } else {
    surname = surnameLength(text, at);
    if (surname === 0 || inBits(FUNCTION_SURNAME_CHARS, text.charCodeAt(at))) return false;
    if (!LABEL_TITLES.has(text.slice(at + surname, end))) return false;
  }
  add(at, at + surname, SURNAME);
  return true;
}
const LITTLE = '小'.charCodeAt(0);
/** The hundred commonest surnames, simplified and traditional: `小` before one of them is how a colleague is called. */
const COMMON_SURNAME_CHARS =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何林高罗郑梁谢宋唐许韩冯邓曹彭曾肖田董潘袁蔡蒋余于杜叶程魏苏吕丁任卢姚沈钟姜崔谭陆范汪廖石金韦贾夏付方邹熊白孟秦邱侯江尹薛闫段雷龙黎史陶贺毛郝顾龚邵万覃武钱戴严莫孔向常汤康易乔赖文' +
  '張劉陳楊黃趙吳孫馬鄭謝許韓馮鄧蕭葉蘇呂盧鍾譚陸賈閻賀顧龔萬錢嚴湯賴羅';
const COMMON_SURNAMES = bitmap(COMMON_SURNAME_CHARS);
/** What follows a surname in a label of who speaks (`葛姐`, `俞阿姨`, `王叔`, `阎师傅`, `张经理`). */
const LABEL_TITLES = new Set([
  ...TITLES,
  '姐',
  '哥',
  '叔',
  '伯',
  '婶',
  '嬸',
  '工',
  '总',
  '總',
  '老板',
  '老闆',
  '主任',
  '医生',
  '醫生',
  '生',
  '太',
]);

/** The last space in `text[from, to)`, or -1. */
function lastSpaceIn(text: string, from: number, to: number): number {
  for (let i = to - 1; i >= from; i--) if (text.charCodeAt(i) === 0x20) return i;
  return -1;
}

/** The first space in `text[from, to)`, or -1: a label's search never runs past its end. */
function spaceIn(text: string, from: number, to: number): number {
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === 0x20) return i;
  return -1;
}

/** Whether `text[at, end)` is a speaker's role (`客户`, `Customer`, `理赔专员`: a Chinese one may end a longer word). */
function isSpeakerRole(text: string, at: number, end: number): boolean {
  if (SPEAKER_ROLES.has(text.slice(at, end).trim().toLowerCase())) return true;
  if (!isHan(text, end - 1)) return false;
  // A longer role ends with one (`理赔专员`, `高级会员`): what comes before it is Han words, no particle or verb.
  for (let s = at + 1; s < end - 1; s++) {
    if (!isHan(text, s - 1) || isStop(text, s - 1)) return false;
    if (SPEAKER_ROLES.has(text.slice(s, end))) return true;
  }
  return false;
}

/**
 * Whether `text[at, end)` before a speaker's name says who they are, in at most six characters: a role (`客服`,
 * `物业管家`; not `确认以下会员`, a sentence), a department (`理賠部`), or a flat (`5栋`).
 */
function isSpeakerPrefix(text: string, at: number, end: number): boolean {
  if (end <= at || end - at > 6) return false;
  if (UNIT.test(text.slice(at, end)) || isSpeakerRole(text, at, end)) return true;
  if (!DEPARTMENT_LAST.includes(text.charCodeAt(end - 1))) return false;
  for (let s = at; s < end - 1; s++) if (!isHan(text, s) || isStop(text, s)) return false;
  return true;
}

/**
 * Whether all of `text[at, end)` is a speaker's name: a Latin one (`Tina`, `Kevin Zhou`; a `full` one where a word
 * could be a tier or a place, `Customer (Gold)`), no field, role or team (`Customer Name`, `客服 Hotline`); or a
 * Chinese one with a known surname that ends like a name (not `方案`, `满意度`, `华东`).
 */
function isSpeakerName(text: string, at: number, end: number, full: boolean): boolean {
  if (isHan(text, at)) {
    if (surnameLength(text, at) === 0 || inBits(FUNCTION_SURNAME_CHARS, text.charCodeAt(at))) return false;
    if (end === at + 2 && DOUBLED_WORDS.has(text.slice(at, end))) return false; // `哈哈`
    if (chineseNameEnd(text, at, false) !== end || !endsLikeName(text, at, end)) return false;
    return !inBits(FIELD_FINAL, text.charCodeAt(end - 1)) && !isPlaceName(text.slice(at, end));
  }
  const en = englishNameAt(text, at);
  if (!en || at + en[1].length !== end || (full && !en[1].includes(' '))) return false;
  return !en[1].split(' ').some(namesNoOne);
}

/** Where the separator (spaces, a dash or a middle dot) before `name` starts; `name` when there is none. */
function separatorStart(text: string, at: number, name: number): number {
  let p = name;
  while (
    p > at &&
    (text.charCodeAt(p - 1) === 0x20 || text.charCodeAt(p - 1) === 0x2d || text.charCodeAt(p - 1) === 0xb7)
  )
    p--;
  return p;
}

/** Where the Latin words that end `text[at, end)` start (at a capital), or `at` when none end it. */
function latinTail(text: string, at: number, end: number): number {
  let p = end;
  for (
    let c = text.charCodeAt(p - 1);
    p > at && (isLatinLetter(c) || c === 0x20 || c === 0x27);
    c = text.charCodeAt(p - 1)
  )
    p--;
  while (text.charCodeAt(p) === 0x20) p++;
  return p < end && isLatinLetter(text.charCodeAt(p)) ? p : at;
}

/** A Latin letter, accented ones included (`Fernández`). */
const isLatinLetter = (c: number) => isAsciiLetter(c) || (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7);

/** Where the Han characters that end `text[at, end)` after a separator start, or `at` when no separator is there. */
function hanTail(text: string, at: number, end: number): number {
  let p = end;
  while (p > at && isHan(text, p - 1)) p--;
  return p > at && separatorStart(text, at, p) < p ? p : at;
}

const SOME = '某'.charCodeAt(0);
/** What `某` meaning "some" comes before: a numeral, a measure word or a thing (`某人`, `某天`, `某一方`, `某公司`, `某笔`). */
const SOME_NOUNS = [
  ...'人天地些种種个個位日年月时時处處事件项項方类類次样樣家品款台部一二两兩三几幾数數多公银銀平市省县縣国國大知女男笔筆张張条條段间間门門店网網牌单單厂廠局院校所社团團队隊组組企',
].map((c) => c.charCodeAt(0));
/** Verbs and prepositions a person referred to as `王某` is followed by (`骆某宣称`, `王某某于`, `李某因`). */
const AFTER_SOMEONE = [...'说說称稱宣表在于於因被将將向对對与與和等曾已也还還就所的系係为為是涉承供驾駕持'].map((c) =>
  c.charCodeAt(0),
);
/** What role nouns end with that name a person by a surname and 某 (`被告人`, `司机`, `员工`, `村民`, `当事者`). */
const ROLE_ENDS = [...'人告机機工民者员員'].map((c) => c.charCodeAt(0));

/** What may stand between a name and its label (`彭杰，身份证`, `邝美玲(工号`), by code: `，,：: (`. */
const LABEL_SEPARATORS = [...'，,：: ('].map((c) => c.charCodeAt(0));

/** A name written before the identifier label at `q` (`彭杰，身份证…`), standing apart from other words. */
function nameBeforeLabel(text: string, q: number, out: ScanMatch[]): void {
  let p = q;
  if (LABEL_SEPARATORS.includes(text.charCodeAt(p - 1))) p--;
  else if (startsWithAny(text, q, SEPARATED_LABELS_AFTER)) return;
  // Most labels follow no name (`我的身份证`): one starts with a surname two to four characters before.
  const c2 = text.charCodeAt(p - 2);
  if (!startsSurname(c2) && !startsSurname(text.charCodeAt(p - 3)) && !startsSurname(text.charCodeAt(p - 4))) return;
  // A name that stands apart before the label: after a boundary, never glued to other words (`公司电话`, `给江苏电话`).
  const start = nameBefore(text, p, Math.max(0, p - 4), AFTER_BOUNDARY);
  if (start >= 0) out.push([start, text.slice(start, p)]);
}

/**
 * Signatures (see `signatureAt`), found by a search for each line break. A signature ends its field: where `detect`
 * reads several fields as one text, each field (up to a `FIELD_BREAK`) is searched on its own.
 */
function signatures(text: string, out: ScanMatch[]): void {
  if (text.indexOf('\n') === -1) return;
  if (text.indexOf(FIELD_BREAK) === -1) {
    signaturesIn(text, 0, out);
    return;
  }
  for (let from = 0; from <= text.length; ) {
    let to = text.indexOf(FIELD_BREAK, from);
    if (to === -1) to = text.length;
    const field = text.slice(from, to);
    if (field.indexOf('\n') !== -1) signaturesIn(field, from, out);
    from = to + 1;
  }
}

/** Signatures in one field, `text`, whose first character is at `offset` of the text scanned. */
function signaturesIn(text: string, offset: number, out: ScanMatch[]): void {
  let n = text.indexOf('\n');
  if (n === -1) return;
  // A Latin signature is the text's last line: the line break before it is the only one to look after for one.
  let end = text.length;
  while (end > 0 && isWhiteSpace(text.charCodeAt(end - 1))) end--;
  const last = text.lastIndexOf('\n', end - 1);
  for (; n !== -1; n = text.indexOf('\n', n + 1)) {
    const signature = signatureAt(text, n, n === last);
    if (signature) out.push(offset === 0 ? signature : [offset + signature[0], signature[1]]);
  }
}

/** Whether the line that ends at the `\n` at `n` is blank or a closing (`此致`): a signature may follow. */
function belowBlankOrClosing(text: string, n: number): boolean {
  const end = text[n - 1] === '\r' ? n - 1 : n;
  const line = text.slice(text.lastIndexOf('\n', end - 1) + 1, end).trim();
  return line === '' || CLOSINGS.some((c) => line.endsWith(c));
}

/** Whether the line that ends at the `\n` at `n` ends with thanks (`唔該晒！`). */
function belowThanks(text: string, n: number): boolean {
  const line = text.slice(text.lastIndexOf('\n', n - 1) + 1, n).replace(TRAILING_PUNCTUATION, '');
  return THANKS.some((c) => line.endsWith(c));
}

/**
 * A signature on the line after the `\n` at `n`: a Chinese name followed by a closing (`何诗雨 敬上`); below a
 * blank or closing line, a Chinese name alone or before a phone or address (`何志强 19935593415`); or a
 * two-word Latin name as the text's last line (`lastLine`: the line after `n` is the last that is not blank).
 */
function signatureAt(text: string, n: number, lastLine: boolean): ScanMatch | null {
  let at = n + 1;
  while (text.charCodeAt(at) === 0x20) at++;
  const chinese = chineseNameEnd(text, at, false);
  if (chinese < 0) {
    if (!lastLine) return null;
    const latin = englishNameAt(text, at);
    if (!latin?.[1].includes(' ') || text.slice(at + latin[1].length).trim() !== '') return null;
    return belowBlankOrClosing(text, n) ? latin : null;
  }
  let after = chinese;
  while (text.charCodeAt(after) === 0x20) after++;
  // `谢谢` / `南山区` / `科技服务中心`: a signature's first line names a place or a team as often as a person.
  if (!endsLikeName(text, at, chinese)) return null;
  const name: ScanMatch = [at, text.slice(at, chinese)];
  if (startsWithAny(text, after, CLOSINGS)) return name;
  const lineEnds = after >= text.length || text[after] === '\n' || text[after] === '\r';
  if (!lineEnds && (after === chinese || isHan(text, after))) return null;
  // A letter's last line signs it: a name before a phone number (`韦春梅 17788015749`), or alone below a contact line
  // (`…电话 0755-8823 0943` / `华德明`); not below a sentence (`满意`, `石家庄`) nor a price (`运费 12` / `包邮`).
  if (lastLine && (PHONE_REST.test(text.slice(after)) || (lineEnds && belowContact(text, n)))) return name;
  if (chinese - at >= 3 && lineEnds && belowThanks(text, n)) return name;
  if (titledSignature(text, at, after, lineEnds)) return name;
  return belowBlankOrClosing(text, n) ? name : null;
}

/**
 * Whether the name at `at` signs with a job title: above it (`汪晓东` / `销售总监 | …`) or before it on its
 * line (`段磊 | 售后服务部 | 电话…`; `after` is where the line goes on after the name). A department alone names a
 * team as often as a person's: it counts with a phone number or address after it, on its line or the next. No
 * closing (`祝好`), category word (`华东区` / `区域经理`), or row of a table (a `|` on the line before or after).
 */
function titledSignature(text: string, at: number, after: number, lineEnds: boolean): boolean {
  if (text.charCodeAt(at) === WISH) return false;
  let title: number;
  if (lineEnds) {
    title = text.indexOf('\n', after) + 1;
    if (title === 0) return false;
  } else {
    if (!barAt(text, after)) return false;
    const lineStart = text.lastIndexOf('\n', at - 1) + 1;
    if (lineStart > 0 && hasBar(text, text.lastIndexOf('\n', lineStart - 2) + 1, lineStart - 1)) return false;
    const lineEnd = lineEndAt(text, after);
    if (hasBar(text, lineEnd + 1, lineEndAt(text, lineEnd + 1))) return false;
    title = after + 1;
  }
  const kind = titleAt(text, title);
  if (kind !== DEPARTMENT_TITLE) return kind === JOB_TITLE;
  // The contact: on the title's line, or the next.
  const next = lineEndAt(text, title);
  return CONTACT_LINE.test(text.slice(title, next < text.length ? lineEndAt(text, next + 1) : next));
}

const WISH = '祝'.charCodeAt(0);

/** Where the line that holds `at` ends: its `\n`, or the text's end. */
function lineEndAt(text: string, at: number): number {
  const n = text.indexOf('\n', at);
  return n < 0 ? text.length : n;
}

/** Whether `text[from, to)` holds a field separator (`|`, `｜`). */
function hasBar(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (barAt(text, i)) return true;
  return false;
}

/** Whether a field separator of a signature line is at `at`: `|` or `｜`. */
const barAt = (text: string, at: number) => text.charCodeAt(at) === 0x7c || text.charCodeAt(at) === 0xff5c;

/**
 * What starts at `at` (after spaces) of a signature: a job title (`销售总监`), a department (`售后服务部`), or neither:
 * a few Han characters that end with one and end the field (a line's end, `|`, a space).
 */
function titleAt(text: string, at: number): 0 | typeof JOB_TITLE | typeof DEPARTMENT_TITLE {
  while (text.charCodeAt(at) === 0x20) at++;
  let end = at;
  while (isHan(text, end) && end - at < 10) end++;
  if (end - at < 2 || isHan(text, end)) return 0;
  const c = text.charCodeAt(end);
  if (!(Number.isNaN(c) || c === 0x20 || c === 0x0a || c === 0x0d || c === 0x2029 || barAt(text, end))) return 0;
  const field = text.slice(at, end);
  if (JOB_TITLES.some((t) => field.endsWith(t))) return JOB_TITLE;
  return DEPARTMENTS.some((t) => field.endsWith(t)) ? DEPARTMENT_TITLE : 0;
}
const JOB_TITLE = 1;
const DEPARTMENT_TITLE = 2;
/** What a department in a signature ends with. */
const DEPARTMENTS = ['部', '处', '處', '中心'];
/** What a job title in a signature ends with. */
const JOB_TITLES = [
  '总监',
  '總監',
  '经理',
  '經理',
  '主管',
  '专员',
  '專員',
  '主任',
  '总裁',
  '總裁',
  '工程师',
  '工程師',
  '顾问',
  '顧問',
  '助理',
  '董事',
];

/** Whether the line that ends at the `\n` at `n` is a contact line: a phone number (seven digits or more) or an email address. */
function belowContact(text: string, n: number): boolean {
  const line = text.slice(text.lastIndexOf('\n', n - 1) + 1, n);
  return CONTACT_LINE.test(line);
}
const CONTACT_LINE = /\d(?:[ -]?\d){6}|@/;

/** The rest of a signature's line when it is a phone number. */
const PHONE_REST = /^\+?[\d -]{7,20}\s*$/;

/** Whether `text[from, to)` can be a given name: Han characters none of which is a stop character. */
function isGivenName(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!isHan(text, i) || isStop(text, i)) return false;
  return true;
}

/**
 * Where a name before `q` may start at the earliest: after the last word of `BEFORE_NAME` that ends in the four
 * characters before `q` (a name is at most four), or `q - 4`; `q` itself when such a word ends right at `q`.
 */
function nameFloor(text: string, q: number): number {
  const from = Math.max(0, q - 4);
  for (let end = q; end > from; end--) {
    if (!inBits(BEFORE_NAME_LASTS, text.charCodeAt(end - 1))) continue;
    for (const w of BEFORE_NAME) if (text.startsWith(w, end - w.length)) return end;
  }
  return from;
}

/** What precedes a name before a title or label: anything, no Han character or a word of `BEFORE_NAME`, no Han character. */
const ANYWHERE = 0;
const APART = 1;
const AFTER_BOUNDARY = 2;

/**
 * Where a name that ends right before a title at `q` starts (`请王小明先生` → 王小明), or -1 for a bare surname: a
 * surname and one or two given characters, starting at `floor` or later, after what `before` allows.
 */
function nameBefore(text: string, q: number, floor: number, before: number): number {
  // No closures here: this runs at every title and label, and a named closure costs its creation each time.
  for (let length = 4; length >= 2; length--) {
    const at = q - length;
    if (at < floor) continue;
    const surname = surnameLength(text, at);
    if (surname === 0 || surname >= length || length - surname > 2 || !isGivenName(text, at + surname, q)) continue;
    if (inBits(FUNCTION_SURNAME_CHARS, text.charCodeAt(at))) continue;
    if (NOT_NAMES.has(text.slice(at, at + 2))) continue;
    if (before !== ANYWHERE && isHan(text, at - 1) && (before === AFTER_BOUNDARY || !standsApart(text, at, floor, q)))
      continue;
    return at;
  }
  return -1;
}

/**
 * Whether a name at `at` stands apart: after no Han character, or after a word of `BEFORE_NAME` (that ends at
 * `floor`), or, when it is a full name that ends at `end`, after a department (`心内科司徒慧敏主任`; a shorter one is as
 * often a duty, `各科任课老师`, `信贷科高级经理`).
 */
function standsApart(text: string, at: number, floor: number, end = at): boolean {
  if (!isHan(text, at - 1) || (at === floor && endsBeforeName(text, at))) return true;
  return end - at >= 3 && DEPARTMENT_ENDS.includes(text.charCodeAt(at - 1)) && endsLikeName(text, at, end);
}
/** What the name of a department ends with (`心内科`, `教务处`). */
const DEPARTMENT_ENDS = [...'科处處'].map((c) => c.charCodeAt(0));

/** Whether a word of `BEFORE_NAME` ends at `at`. */
function endsBeforeName(text: string, at: number): boolean {
  if (!inBits(BEFORE_NAME_LASTS, text.charCodeAt(at - 1))) return false;
  for (const w of BEFORE_NAME) if (text.startsWith(w, at - w.length)) return true;
  return false;
}

/**
 * Names after English cues and titles (`My name is John Smith`, `Regards,\nAnna Lee`, `Mr. Smith`), relations
 * (`our contractor, Daniel Patel`), in one search; then answers to a name question it found (`it's Ryan Tanaka`).
 */
function englishCues(text: string, out: ScanMatch[]): void {
  // Where answers are looked for: after each name question, as [from, to) windows in text order, overlaps merged.
  const windows: number[] = [];
  EN_CUE.lastIndex = 0;
  for (let m = EN_CUE.exec(text); m; m = EN_CUE.exec(text)) {
    const at = m.index + m[0].length;
    if (m[1] === '') {
      const from = text.indexOf('?', at) + 1;
      if (from > 0 && windows.length > 0 && from <= windows[windows.length - 1]!) {
        windows[windows.length - 1] = from + ANSWER_REACH;
      } else if (from > 0) windows.push(from, from + ANSWER_REACH);
      continue;
    }
    if (m[3] !== undefined) {
      const comma = m[3].charCodeAt(1) === 0x2c; // ,
      const relation = afterRelation(text, m.index + 1, comma);
      // `our client Shenzhen Huaying Electronics`: only a close relation is followed by a name without a comma.
      if (relation === '' || (!comma && m[3].length === 2 && !CLOSE_RELATIONS.has(relation))) continue;
      const en = englishNameAt(text, at);
      // `my husband Eric`, `my wife, Folake,`; `my boss, Tom`: a first name alone after a looser one is too often no
      // name at all.
      if (en && (en[1].includes(' ') || CLOSE_RELATIONS.has(relation)) && !en[1].split(' ').some(namesNoOne))
        out.push(en);
      continue;
    }
    if (isAsciiLetter(text.charCodeAt(m.index - 1))) continue; // `Username:` is no `name:`, `HMr` no `Mr`
    if (m[4] !== undefined) {
      greeted(text, m.index, at, m[4].startsWith('Dear'), out);
      continue;
    }
    if (m[5] !== undefined) {
      signedBy(text, at, out);
      continue;
    }
    const title = m[2] !== undefined;
    const header = !title && HEADER.test(m[0]);
    if (!title && isHan(text, at)) {
      const end = header ? headerNameEnd(text, at) : chineseNameEnd(text, at, m[0].includes(':'));
      if (end > 0) out.push([at, text.slice(at, end)]);
    } else {
      const en = title ? englishNameAt(text, at) : romanNameAt(text, at, m[0].includes(':'));
      // `Her name is Mud`, `His name is Listed Below`: of someone else, a full name only.
      if (en && (en[1].includes(' ') || !THIRD_PERSON.test(m[0]))) out.push(en);
    }
    if (header) moreRecipients(text, at, out);
  }
  for (let i = 0; i < windows.length; i += 2) answers(text, windows[i]!, windows[i + 1]!, out);
}

/**
 * The name a greeting that opens a line or a turn addresses (`Dear Markus,`, `客服 Tina: Hi Lucas,`), when a comma
 * follows it, or the line's end after `Dear` (`Dear Markus`): no group, stranger, role or thing (`Dear Sir,`,
 * `Hi team,`, `Dear Valued Customer,`, `Dear Landlords,`, `Hello World,`). `greeting` is where the greeting starts.
 */
function greeted(text: string, greeting: number, at: number, letter: boolean, out: ScanMatch[]): void {
  let p = greeting;
  while (text.charCodeAt(p - 1) === 0x20 || text.charCodeAt(p - 1) === 0x09) p--;
  const before = text.charCodeAt(p - 1);
  // After a line's start, a turn's label or a quote's `>` (`> Hi Daniel,`); not mid-sentence (`the Hello Kitty`).
  if (!(p === 0 || before === 0x0a || before === 0x2029 || before === 0x3a || before === 0x3e)) return;
  const en = englishNameAt(text, at);
  if (!en) return;
  const next = text.charCodeAt(at + en[1].length);
  const lineEnd = next === 0x0a || next === 0x0d || next === 0x2029 || Number.isNaN(next);
  if (!(next === 0x2c || (letter && lineEnd))) return;
  if (en[1].split(' ').some(namesNoOne)) return;
  out.push(en);
}

/** Whether a greeting addresses no one by `word` (lower case), in the singular or the plural (`Landlords`). */
function addressesNoOne(word: string): boolean {
  const no = (w: string) => ADDRESSED_NO_ONE.has(w) || SPEAKER_ROLES.has(w) || RELATIONS.has(w) || GENERIC.has(w);
  return no(word) || (word.endsWith('s') && no(word.slice(0, -1)));
}

/**
 * Whether a capitalized word, found where a name could be (after a greeting, a role in a label, a form's field of
 * who did something), names no one: a turn's opener, a day or month, a field's name, a role, a group or a team.
 */
function namesNoOne(word: string): boolean {
  const lower = word.toLowerCase();
  return OPENERS.has(word) || CALENDAR.has(word) || FIELD_WORDS.has(lower) || addressesNoOne(lower);
}

/**
 * Words a greeting addresses a group, a stranger, a role or someone by kinship or endearment with (`Dear Sir or
 * Madam`, `Hi All`, `Dear Hiring Manager`, `Hi Mom`), and the words of a season's greeting (`Happy Holidays`).
 */
const ADDRESSED_NO_ONE = new Set(
  (
    "sir madam madame ma’am ma'am all there everyone everybody team colleague friend folk lady ladies gentleman " +
    'gentlemen valued hiring manager applicant ' +
    'candidate reader neighbour neighbor parent student world siri alexa google cortana recruiter editor landlord ' +
    'tenant shopper traveller traveler passenger patient policyholder cardholder subscriber homeowner resident owner ' +
    'merchant vendor supplier host teacher doctor doc professor officer coworker investor shareholder stakeholder ' +
    'participant attendee volunteer donor supporter patron visitor player driver developer webmaster moderator ' +
    'principal board committee community admission payroll nurse adjuster selection ' +
    'mom mum dad mommy daddy love honey darling dear mate bro buddy dude boss man girl girls guy stranger beloved both ' +
    'again happy merry quick santa diary me yo ik ich moi'
  ).split(' '),
);

/**
 * The names after a form's or minutes' field of who did something (`Chair: Helen Ward`, `Reported by: Lisa Wong`,
 * `Attendees: Helen Ward, Raj Patel, Support Ops`): a list of full names, up to the first item that is none, a team or
 * a role (`Approved by: Finance`, `Reviewed by: Quality Assurance`, `Assigned to: Tier Two`).
 */
function signedBy(text: string, from: number, out: ScanMatch[]): void {
  let at = from;
  for (let items = 0; items <= MAX_LISTED; items++) {
    const en = englishNameAt(text, at);
    // A full name: one word is as often a system, a team or a state (`Reported by: Zabbix`, `Assignee: Unassigned`).
    if (!en?.[1].includes(' ')) return;
    if (en[1].split(' ').some(namesNoOne)) return;
    out.push(items === 0 ? en : [at, en[1], { normalized: normalizeName(en[1]), confidence: LISTED }]);
    at += en[1].length;
    if (text.charCodeAt(at) !== 0x2c || text.charCodeAt(at + 1) !== 0x20) return; // `, `
    at += 2;
  }
}

/** Someone else's name cue, as `EN_CUE` matches it. */
const THIRD_PERSON = /^[Hh](?:er|is) /;

/** A mail header's label, as `EN_CUE` matches it. */
const HEADER = /^(?:From|To|Cc):/;

/**
 * Where the Chinese display name at `at` in a mail header ends (`Cc: 陈俊杰 <…>`), or -1: a known surname, the whole
 * display name, and no team or brand (`Cc: 财务 <…>`, `From: 华南区 <…>`).
 */
function headerNameEnd(text: string, at: number): number {
  const end = chineseNameEnd(text, at, false);
  if (end < 0 || !endsLikeName(text, at, end)) return -1;
  const next = text.charCodeAt(end) === 0x20 ? end + 1 : end;
  return text.charCodeAt(next) === 0x3c ? end : -1; // <
}

/**
 * The display names after the first in a header's list of addresses (`To: 李娜 <…>, 王建国 <…>; Anna Lee <…>`), the
 * first item starting at `from`: each after a `,` or `;` that follows an address's `>`, before its own. Every search
 * is bounded (an item's length, an address's, and `MAX_RECIPIENTS` items), so a long text of headers or names costs
 * no more per header.
 */
function moreRecipients(text: string, from: number, out: ScanMatch[]): void {
  let items = 0;
  for (let close = addressEndAfter(text, from); close >= 0 && items++ < MAX_RECIPIENTS; ) {
    const sep = text.charCodeAt(close + 1);
    if (sep !== 0x2c && sep !== 0x3b && sep !== 0xff0c && sep !== 0xff1b) return; // , ; ， ；
    let at = close + 2;
    while (text.charCodeAt(at) === 0x20) at++;
    if (isHan(text, at)) {
      const end = headerNameEnd(text, at);
      if (end > 0) out.push([at, text.slice(at, end)]);
    } else {
      const en = englishNameAt(text, at);
      if (en?.[1].includes(' ') && text.startsWith(' <', at + en[1].length)) out.push(en);
    }
    close = addressEndAfter(text, at);
  }
}

/** The enumeration comma `、`, which separates the items of a list in Chinese. */
const ENUMERATION = 0x3001;
/** The most names after the first a list after a cue is read for. */
const MAX_LISTED = 16;

/**
 * The names after the first of a list a cue gave (`参会：王建国、李娜、陈俊杰、质检组`), the first ending at `from`: each
 * after a `、`, with a known surname, ending at a boundary like a name (not a team, `质检组`, a title, `叶总监`, or an
 * office, `武汉办`); the list ends at the first item that is none. Listed names are not sought elsewhere.
 */
function listedAfter(text: string, from: number, out: ScanMatch[]): void {
  let end = from;
  for (let items = 0; text.charCodeAt(end) === ENUMERATION && items < MAX_LISTED; items++) {
    const at = end + 1;
    const next = chineseNameEnd(text, at, false);
    if (next < 0 || !endsAtBoundary(text, next) || !endsLikeName(text, at, next)) return;
    // `叶总监`, `陆总`, `武汉办`: a surname and a title, or an office, ends the list of names.
    const given = at + surnameLength(text, at);
    if (GREETED_TITLES.includes(text.charCodeAt(given)) || startsTitle(text, given) || startsTitle(text, next)) return;
    if (text.charCodeAt(next - 1) === 0x529e || text.charCodeAt(next - 1) === 0x8fa6) return; // 办 辦
    const name = text.slice(at, next);
    out.push([at, name, { normalized: normalizeName(name), confidence: LISTED }]);
    end = next;
  }
}

/** The most addresses after the first a header's list is read for. */
const MAX_RECIPIENTS = 64;
/** How far an item of an address list may run before its `<`, and how long an address may be. */
const ITEM_REACH = 80;
const ADDRESS_REACH = 320;

/** The `>` that closes the first `<…>` starting within `ITEM_REACH` of `at` on its line, or -1. */
function addressEndAfter(text: string, at: number): number {
  const stop = Math.min(text.length, at + ITEM_REACH);
  let open = at;
  while (open < stop && !isLineOrAddressEnd(text.charCodeAt(open)) && text.charCodeAt(open) !== 0x3c) open++;
  if (text.charCodeAt(open) !== 0x3c) return -1;
  const end = Math.min(text.length, open + ADDRESS_REACH);
  for (let j = open + 1; j < end; j++) {
    const c = text.charCodeAt(j);
    if (c === 0x3e) return j;
    if (isLineOrAddressEnd(c) || c === 0x3c) return -1;
  }
  return -1;
}

/** A line's or field's end, or an address's `>`: where an item of an address list cannot go on. */
const isLineOrAddressEnd = (c: number) => c === 0x0a || c === 0x0d || c === 0x2029 || c === 0x3e;

/** Where the lower-case ASCII word that ends at `end` starts, or -1 when none does. */
function lowerWordStart(text: string, end: number): number {
  let s = end;
  for (let c = text.charCodeAt(s - 1); c >= 0x61 && c <= 0x7a; c = text.charCodeAt(s - 1)) s--;
  return s === end ? -1 : s;
}

/**
 * The relation that ends at `end` when it is someone's, before a `comma` (`our contractor,`, `my partner's name,`), an
 * `'s name is` (`my husband's name is`) or a space (`my husband Eric`, `my father-in-law Gerald`); else ''.
 */
function afterRelation(text: string, end: number, comma: boolean): string {
  let e = end;
  let s = lowerWordStart(text, e);
  if (s < 0) return '';
  if (e - s === 3 && text.startsWith('-in-law', s - 4)) {
    // `my father-in-law,`: the relation is before the `-in-law`
    e = s - 4;
    s = lowerWordStart(text, e);
    if (s < 0) return '';
  }
  if (comma && e - s === 4 && text.startsWith('name', s)) {
    // `my partner's name,`: the relation is before the `'s`
    const apostrophe = text.charCodeAt(s - 3);
    if (text.charCodeAt(s - 1) !== 0x20 || text.charCodeAt(s - 2) !== 0x73) return '';
    if (apostrophe !== 0x27 && apostrophe !== 0x2019) return '';
    e = s - 3;
    s = lowerWordStart(text, e);
    if (s < 0) return '';
  }
  const relation = text.slice(s, e);
  if (!RELATIONS.has(relation) || text.charCodeAt(s - 1) !== 0x20) return '';
  const before = wordBefore(text, s - 1);
  if (before === null) return '';
  if (POSSESSIVES.has(before.toLowerCase())) return relation;
  // `An adjuster, Priya Raman,`: in apposition, set off by commas, after an article too.
  if (comma && ARTICLES.has(before.toLowerCase())) return relation;
  // `our loss adjuster,`, `your field technician`, `A loss adjuster, Graham Pike,`: one lower-case word between.
  const first = /^[a-z]+$/.test(before) ? wordBefore(text, s - 2 - before.length)?.toLowerCase() : undefined;
  return first !== undefined && (POSSESSIVES.has(first) || (comma && ARTICLES.has(first))) ? relation : '';
}

const ARTICLES = new Set(['a', 'an', 'the']);

/** The ASCII word that ends at `end` (a space follows it), or null when a letter-less character or the start is there. */
function wordBefore(text: string, end: number): string | null {
  if (text.charCodeAt(end) !== 0x20) return null;
  let p = end;
  while (isAsciiLetter(text.charCodeAt(p - 1))) p--;
  return p < end && !isAsciiLetter(text.charCodeAt(p - 1)) ? text.slice(p, end) : null;
}

/**
 * Full names given in answer to a name question, starting in [`from`, `to`), `from` being where a question ends
 * (`Yes, it's Ryan Tanaka.`).
 */
function answers(text: string, from: number, to: number, out: ScanMatch[]): void {
  labelledAnswer(text, from, out);
  EN_ANSWER.lastIndex = from;
  for (let m = EN_ANSWER.exec(text); m && m.index < to; m = EN_ANSWER.exec(text)) {
    if (isAsciiLetter(text.charCodeAt(m.index - 1))) continue; // `bit's`, `Yesterday`
    const en = englishNameAt(text, m.index + m[0].length);
    if (en?.[1].includes(' ') && !CALENDAR.has(en[1].slice(0, en[1].indexOf(' ')))) out.push(en);
  }
}

/**
 * A full Latin name that answers a name question on its own after a speaker's label, at the start of the turn after
 * the question that ends at `from` (`请问您的姓名？` / `Passenger: Emily Kowalski, phone…`, `…the name on the booking?` /
 * `Guest: Yuki Tanabe.`).
 */
function labelledAnswer(text: string, from: number, out: ScanMatch[]): void {
  HAN_ANSWER_LEAD.lastIndex = from;
  if (HAN_ANSWER_LEAD.test(text) && text.charCodeAt(HAN_ANSWER_LEAD.lastIndex - 1) !== 0x3f) {
    latinAnswerAt(text, HAN_ANSWER_LEAD.lastIndex, out);
  }
}

/**
 * Whether a full Latin name that ends its clause starts at `at`, where an answer to a name question starts (after a
 * speaker's label); it is added to `out`. A lone word, or words that go on (`Sure thing`), are no answer.
 */
function latinAnswerAt(text: string, at: number, out: ScanMatch[]): boolean {
  const c = text.charCodeAt(at);
  if (!isCapital(c) || !isAnswerLabelled(text, at)) return false;
  const en = englishNameAt(text, at);
  const space = en ? en[1].indexOf(' ') : -1;
  if (!en || space < 0) return false;
  const first = en[1].slice(0, space);
  if (CALENDAR.has(first) || OPENERS.has(first) || OPENERS.has(en[1].slice(space + 1))) return false;
  const next = text.charCodeAt(at + en[1].length);
  if (!(Number.isNaN(next) || next === 0x2c || next === 0x2e || next === 0x0a || next === 0x0d || next === 0x2029))
    return false; // , . or the line's end
  out.push(en);
  return true;
}

/** Whether `at` follows a speaker's label (`Guest: `, `客户：`): a colon, then spaces. */
function isAnswerLabelled(text: string, at: number): boolean {
  let p = at;
  while (text.charCodeAt(p - 1) === 0x20 || text.charCodeAt(p - 1) === 0x09) p--;
  return text.charCodeAt(p - 1) === 0x3a; // folded text: `：` reads as `:`
}

/**
 * A Chinese question for someone's name, ending at the question mark (`请问怎么称呼您？`, `您贵姓？`, `机主的姓名是？`,
 * `你叫什么名字?`): 称呼, 贵姓 and 姓名 ask for a person's name; 名字 and 叫什么 only when asked of 您/你 (`这款卡叫什么？`
 * asks for a product's).
 */
const HAN_NAME_QUESTION =
  /(?:怎么称呼|怎麼稱呼|如何称呼|如何稱呼|[贵貴]姓|姓名(?:是|叫什么|叫什麼|[和及与與、](?:联系方式|聯繫方式|联系电话|聯絡電話|电话|電話|手机号?|手機號?))?|[您你](?:的名字(?:是)?|叫什么(?:名字)?|叫什麼(?:名字)?))(?:您|你|呢|啊|呀|吗|嗎|一下)*\?$/;
/** How far before a question mark `HAN_NAME_QUESTION` is looked for. */
const QUESTION_REACH = 10;
/**
 * What may come before the name that answers one, in the same turn or the next: a transcript's time (`[00:01:13]`),
 * a speaker's label (`客户：`, `Customer:`), then `我叫`, `叫我`, `我是`.
 */
const HAN_ANSWER_LEAD =
  /[ \t\r\n]*\u2029?[ \t\r\n]*(?:\[[^\]\n\u2029]{1,12}\][ \t]*)?(?:[^\s:,，。?]{1,12}:[ \t]*)?(?:我叫|叫我|我是|是)?/y;

/**
 * Names that answer a Chinese name question, in the same turn or the next (`坐席：请问怎么称呼？` / `客户：张伟`,
 * `叫我李明就行`): right after the question, a speaker's label and a lead word at most, a name with a known surname
 * that stands apart (no Han character but a stop character or title follows it).
 */
function hanAnswers(text: string, out: ScanMatch[]): void {
  // Folded text: a full-width `？` reads as `?`.
  for (let q = text.indexOf('?'); q !== -1; q = text.indexOf('?', q + 1)) {
    if (!HAN_NAME_QUESTION.test(text.slice(Math.max(0, q - QUESTION_REACH), q + 1))) continue;
    HAN_ANSWER_LEAD.lastIndex = q + 1;
    HAN_ANSWER_LEAD.test(text);
    const at = HAN_ANSWER_LEAD.lastIndex;
    if (latinAnswerAt(text, at, out) || !startsSurname(text.charCodeAt(at))) continue;
    const end = chineseNameEnd(text, at, false);
    if (end < 0 || (isHan(text, end) && !isStop(text, end) && !startsTitle(text, end))) continue;
    out.push([at, text.slice(at, end)]);
  }
}

/** The most names a text's other mentions are looked for: each is one search of the whole text. */
const MAX_MENTIONED = 32;

/**
 * The other mentions of the names found in `text` (`out`), as a record's participants are found wherever the text
 * repeats them: a name a cue gave once (`我叫邵文斌`, `物业管家周颖：`) is the same person's wherever it is written
 * again (`邵文斌转给周颖`, `@物业管家周颖`), and so is a full name's given name (`文斌说`, `Helen:`). Only names found at
 * a cue's confidence, never a surname alone or a name only listed. A Chinese name of three characters anywhere; one of
 * two only where a name stands (see `standsAsName`: `建国以来`, `今年夏天`, `退款成功` are words); a Latin one as whole
 * words, a first name alone only where no proper noun or place holds it (see `latinStandsAsName`).
 */
function mentionsAgain(text: string, out: ScanMatch[]): void {
  // Each name with whether it is a first name taken from a full one (which never takes the word after it).
  const names = new Map<string, boolean>();
  const starts = new Set<number>();
  for (const [start, name, given] of out) {
    starts.add(start);
    // A participant's name is found at every mention already; a surname alone is never looked for, nor a name only
    // listed (`参会：王建国、万科`).
    if (given !== undefined && given.confidence !== CUE) continue;
    if (names.size >= MAX_MENTIONED) continue;
    if (!names.has(name)) names.set(name, false);
    // `邵文斌` is `文斌` to colleagues, `Helen Ward` is `Helen`: a full name's given name.
    const first = givenName(name);
    if (first && names.size < MAX_MENTIONED && !names.has(first)) names.set(first, true);
  }
  for (const [name, derived] of names) {
    const han = isHan(name, 0);
    for (let i = text.indexOf(name); i !== -1; i = text.indexOf(name, i + name.length)) {
      const end = i + name.length;
      if (starts.has(i)) continue; // found already
      if (han ? name.length < 3 && !standsAsName(text, i, end) : !latinMention(text, i, end, name)) continue;
      // `Hi Sarah,` … `Sarah Miller`: a name found alone takes the surname written after it (a first name taken from
      // a full one does not: `Logan Smith` … `Logan Airport`).
      const full = han || derived || name.includes(' ') ? null : englishNameAt(text, i);
      out.push(full && full[1].length > name.length ? full : [i, name]);
      starts.add(i);
    }
  }
}

/** Whether the Latin `name` at [`at`, `end`) is a mention of it: whole words, and a first name alone as one stands. */
function latinMention(text: string, at: number, end: number, name: string): boolean {
  if (isLatinLetter(text.charCodeAt(at - 1)) || isLatinLetter(text.charCodeAt(end))) return false;
  return name.includes(' ') || latinStandsAsName(text, at, end);
}

/** What a two-character name is followed by, where it stands as one (`建国说`, `文斌你好`, `周颖在吗`, `晓东本人`). */
const AFTER_NAME = [...'是在和跟也就还還给給让讓问問叫请請你您我他她本'].map((c) => c.charCodeAt(0));

/**
 * Whether the two-character Chinese name at [`at`, `end`) stands as a name, not inside a word: after no Han
 * character, a word names follow (`请`, `谢谢`, `转给`) or `叫我`; before no Han character or digit, a title
 * (`周颖经理`, `海涛哥`), a word a name is followed by (`说`, `反映`) or a particle or verb (`是`, `在`, `你`).
 */
function standsAsName(text: string, at: number, end: number): boolean {
  if (isHan(text, at - 1) && !endsBeforeName(text, at) && !text.startsWith('叫我', at - 2)) return false;
  const next = text.charCodeAt(end);
  if (!isHan(text, end)) return !(next >= 0x30 && next <= 0x39);
  return (
    GREETED_TITLES.includes(next) || AFTER_NAME.includes(next) || startsTitle(text, end) || startsFollower(text, end)
  );
}

/** Words a first name alone is no name after: determiners and places' prepositions (`the Jordan office`, `in Paris`). */
const BEFORE_NO_NAME = new Set('the a an my our your his her their this that in from at near via into'.split(' '));
/** Capitalized words a first name alone may follow: greetings and thanks (`Hi Helen`, `Thanks Helen`). */
const BEFORE_NAME_EN = new Set(
  'Hi Hello Hey Dear Thanks Thank Sorry Welcome Bye Morning Cheers Ok OK Yes No'.split(' '),
);

/**
 * Whether the Latin first name at [`at`, `end`) stands alone as a name: not part of a proper noun (after another
 * capitalized word, `&` or `St.`: `San Jose`, `Marks & Spencer`; before a hyphen, a number or `'s` and a capital:
 * `Ray-Ban`, `Nova 12`), nor a place or thing after a determiner or preposition (`the Jordan office`, `in Paris`).
 */
function latinStandsAsName(text: string, at: number, end: number): boolean {
  const next = text.charCodeAt(end);
  if (next === 0x2d && isLatinLetter(text.charCodeAt(end + 1))) return false; // `Ray-Ban`
  if (next === 0x20 && text.charCodeAt(end + 1) >= 0x30 && text.charCodeAt(end + 1) <= 0x39) return false; // `Nova 12`
  if (
    (next === 0x27 || next === 0x2019) &&
    text.charCodeAt(end + 1) === 0x73 &&
    /^ [A-Z]/.test(text.slice(end + 2, end + 4))
  )
    return false; // `Victoria's Secret`
  let p = at;
  while (text.charCodeAt(p - 1) === 0x20) p--;
  if (p === at) return true; // a line's start, a label's colon glued on, Han text before it
  const before = text.charCodeAt(p - 1);
  if (before === 0x26) return false; // `Marks & Spencer`
  let w = p;
  while (isLatinLetter(text.charCodeAt(w - 1)) || text.charCodeAt(w - 1) === 0x2e) w--;
  const word = text.slice(w, p);
  if (word === '') return true;
  if (word === 'St.' || BEFORE_NO_NAME.has(word.toLowerCase())) return false;
  const c = word.charCodeAt(0);
  return !isCapital(c) || BEFORE_NAME_EN.has(word); // `San Jose`, not `Hi Jose`
}

/**
 * The given name of a full name that is looked for alone too (see `mentionsAgain`): a Chinese one's two given
 * characters (`邵文斌` → `文斌`), a Latin one's first word when it is no everyday word as well (`Helen Ward` → `Helen`;
 * not `Will Smith`, `Grace Lee`); or ''.
 */
function givenName(name: string): string {
  if (isHan(name, 0)) {
    const surname = surnameLength(name);
    return surname > 0 && name.length - surname === 2 ? name.slice(surname) : '';
  }
  const space = name.indexOf(' ');
  if (space < 3) return '';
  const first = name.slice(0, space);
  return isWordName(first) ? '' : first;
}

/** Whether the first name `word` is an everyday word too (`Will`, `Grace`, `Monday`, `Sure`). */
const isWordName = (word: string) =>
  EN_STOP.has(word) || CALENDAR.has(word) || OPENERS.has(word) || WORD_NAMES.has(word);

/** First names that are everyday English words too, never looked for alone (`Will` starts a question). */
const WORD_NAMES = new Set(
  (
    'Will May June April August Mark Bill Rose Grace Hope Faith Joy Art Pat Sue Rob Don Max Sunny Summer Autumn ' +
    'Amber Ruby Pearl Iris Holly Ivy Lily Jack Frank Guy Earl Dean Drew Chase Hunter Price Case Page Rich Sky Star ' +
    'Dawn Eve Carol Penny Sandy Rusty Bob Gene Jean Miles Sage Faye Glen Cliff Heath Lane Wade Brook Neil Victor ' +
    'Grant Destiny Angel Crystal Daisy Violet Jasmine Sterling Harley Ray Jay Bud Buck Misty Honey Storm'
  ).split(' '),
);

/**
 * Romanized surnames as passports and airlines write them (`ZHANG/WEI`, `WONG/KA YAN`): Hanyu Pinyin, and the
 * Cantonese and Wade-Giles spellings of Hong Kong, Macau and Taiwan.
 */
const ROMANIZED_SURNAMES = new Set(
  (
    'WANG LI ZHANG LIU CHEN YANG HUANG ZHAO WU ZHOU XU SUN MA ZHU HU GUO HE GAO LIN LUO ZHENG LIANG XIE SONG TANG HAN ' +
    'FENG DENG CAO PENG ZENG XIAO TIAN DONG YUAN PAN YU JIANG CAI DU YE CHENG SU WEI LV LU DING REN SHEN YAO CUI ZHONG ' +
    'TAN FAN JIN SHI LIAO JIA XIA FU FANG BAI ZOU MENG XIONG QIN QIU YIN XUE DUAN LEI HOU LONG TAO GU MAO HAO GONG SHAO ' +
    'WAN QIAN YAN DAI MO KONG XIANG OUYANG SITU ZHUGE SHANGGUAN ' +
    'WONG CHAN CHEUNG LEUNG LAM LEE HO NG TSANG CHOW LAU YEUNG KWOK TSE LAI LO FUNG CHIU YIP MAK KWAN LUI TAM SO KO AU ' +
    'POON CHU CHUNG YIU SIU TSUI KAM CHOI MOK YUEN WAI HUI LING CHIANG CHANG HSU TSAI KUO HSIEH CHIEN'
  ).split(' '),
);

/**
 * Characters a surname character is no surname after: measure and order words (`这张卡`, `每周`, `第五`), pronouns
 * and verbs a measure follows (`我張信用卡`, `訂咗張梳化`, `办张卡`), `阿` of a nickname or a foreign word (`阿莫西林`), and
 * characters of transliterations.
 */
const NO_SURNAME_AFTER = bitmap(
  '这這那哪一两兩几幾每另半某各该該此第本上下前后後我你您佢呢嗰了咗过過办辦买買订訂请請换換开開补補阿' +
    // Characters of transliterations (`格罗宁根`, `诺丁汉`, `阿鲁巴弗罗林`).
    '尔爾斯克格奥奧埃兹茲乌烏迪萨薩贝貝哈诺諾瓦吉扬揚弗',
);
/** Surname characters that are far more often a word of their own (`付定金`, `常出差`, `高血压`, `万圣节`, `曾承诺`, `任一`). */
const WORDLIKE_SURNAMES = bitmap('付常曾万萬白高金钱錢钟鍾戴文方石龙龍向于於任');
/** Characters after which two Han characters are a place, a shop or a firm, not a person (`金湖路`, `韦氏商贸`). */
const PLACE_AFTER = bitmap(
  '路街道巷弄村镇鎮乡鄉市县縣区區省店厂廠司行局院馆館园園楼樓场場所科室队隊校站湖江河山桥橋氏牌家糖脂',
);
/** Words a firm's or a place's name comes before (`张江公寓`, `林语小区`, `万达影城`, `方远置业`, `高德地图`). */
const PLACE_WORDS = (
  '小区 小區 公寓 大厦 大廈 广场 廣場 花园 花園 中心 公司 集团 集團 银行 銀行 医院 醫院 学校 學校 大学 ' +
  '大學 酒店 宾馆 賓館 商场 商場 超市 影城 地图 地圖 物业 物業 置业 置業 地产 地產 航空 证券 證券 保险 ' +
  '保險 科技 网络 網絡 商贸 商貿 互联 互聯 易购 易購 电器 電器 汽车 汽車 家居 国际 國際 分部 分行 分店 支行 门店 門店'
).split(' ');
/** Words that say a surname before them is a title's (`金律师`, `王护士`), found by the title rules if at all. */
const UNCUED_TITLES = [
  ...new Set([...LABEL_TITLES, ...SUFFIX_CUES, ...LOOSE_SUFFIX_CUES, ...GUARDED_SUFFIX_CUES, ...SPEAKER_ROLES]),
];

/**
 * Chinese names without a cue (`具体让财务孙睿跟您对接`, `已多次向保安員陳志輝反映`, `骑车的人叫杜丽娟`): one of the hundred
 * commonest surnames and one or two given-name characters, where the dictionary holds no word across either edge
 * (`方便`, `支付宝`, `周末`, `高新`, `明天` are words, `孙睿` and `睿跟` are not), and the name ends where a word or a
 * particle starts. Not a surname that is more often a word (`付定金`, `高血压`), nor one after a measure, an order
 * word, a pronoun or a verb a measure follows (`这张卡`, `每周`, `我張信用卡`); not before a title (the title rules find
 * `王经理`), nor before a place's or a firm's word (`金湖路`, `张江公寓`). Found at `UNCUED` confidence, never over a
 * name a cue found.
 */
function uncuedNames(text: string, out: ScanMatch[]): void {
  let covered: Uint8Array | null = null;
  const length = text.length; // read once: a loop that re-reads it can compile to far slower code
  for (let i = 0; i < length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x3400) continue;
    // A Tibetan, Mongolian or Uyghur name, made of parts (`扎西顿珠`), read in the same pass.
    if (inBits(MINORITY_FIRSTS, c)) {
      const end = minorityNameAt(text, i, out);
      if (end > i) {
        i = end - 1;
        continue;
      }
    }
    // Most characters are no common surname and start no compound one: two bitmap reads rule them out.
    if (!inBits(UNCUED_SURNAME_STARTS, c)) continue;
    const surname = surnameLength(text, i);
    if (surname === 0 || (surname === 1 && (!inBits(COMMON_SURNAMES, c) || inBits(WORDLIKE_SURNAMES, c)))) continue;
    const end = uncuedNameEnd(text, i, surname);
    if (end === 0) continue;
    covered ??= coverage(out, text.length);
    if (covered[i] === 0 && covered[end - 1] === 0) {
      out.push([i, text.slice(i, end), { normalized: text.slice(i, end), confidence: UNCUED }]);
    }
    i = end - 1;
  }
}

/** The end of the uncued name whose surname of `surname` characters starts at `at`, or 0 when none is there. */
function uncuedNameEnd(text: string, at: number, surname: number): number {
  const before = text.charCodeAt(at - 1);
  // After a measure or a pronoun, or inside a run of surnames (`张江公寓`: not `江公寓` once `张江` is no name).
  if (inBits(NO_SURNAME_AFTER, before) || (inBits(COMMON_SURNAMES, before) && !inBits(WORDLIKE_SURNAMES, before)))
    return 0;
  const given = at + surname;
  if (!isGivenChar(text, given) || startsUncuedTitle(text, given)) return 0;
  // The surname ends the word before it (`支付宝`) or starts one with the next character (`方便`).
  if (isHan(text, at - 1) && isChineseWordAt(text, at - 1)) return 0;
  if (surname === 1 && isChineseWordAt(text, at)) return 0;
  let end = given + 1;
  // A second given-name character, unless it starts a word with the character after it (`陈志辉反映`, not `…辉反`).
  if (isGivenChar(text, end) && !startsUncuedTitle(text, end) && !wordAt(text, end)) end++;
  // The last character starts a word with the next (`张明天来`): the surname stands alone.
  if (isHan(text, end) && isChineseWordAt(text, end - 1)) return 0;
  if (end - at === 3 && isChineseWord(text.slice(at, end))) return 0;
  // A compound surname before a word is a place or a firm (`东方航空`, `欧阳路`), as the dictionary holds few names.
  if (surname === 2 && end - given === 2 && isChineseWordAt(text, given)) return 0;
  const next = text.charCodeAt(end);
  if (inBits(PLACE_AFTER, next) || (inBits(PLACE_WORD_FIRSTS, next) && startsWithAny(text, end, PLACE_WORDS))) return 0;
  if (!endsLikeName(text, at, end)) return 0;
  // What follows starts a word or is no Han character (`孙睿跟您`, `陈志辉反映`, `杜丽娟，`): not `苏宁易购`, `常熟农商`.
  return !isHan(text, end) || (isStop(text, end) && !inBits(THINGS, next)) || wordAt(text, end) ? end : 0;
}

/** The things in `STOP` (`卡`, `单`, `费`): after two or three characters, they end a word, not a name (`張信用卡`). */
const THINGS = bitmap(STOP_THINGS);
const PLACE_WORD_FIRSTS = bitmap(PLACE_WORDS.map((w) => w[0]!));
/** The characters an uncued name can start with: a common surname, or the first of a compound one. */
const UNCUED_SURNAME_STARTS = bitmap([...COMPOUND_SURNAMES].map((s) => s[0]!).join('') + COMMON_SURNAME_CHARS);
const UNCUED_TITLE_FIRSTS = bitmap(UNCUED_TITLES.map((w) => w[0]!));
const startsUncuedTitle = (text: string, at: number) =>
  inBits(UNCUED_TITLE_FIRSTS, text.charCodeAt(at)) && startsWithAny(text, at, UNCUED_TITLES);

/** Whether a word of two characters starts at `at`. */
const wordAt = (text: string, at: number) => isHan(text, at + 1) && isChineseWordAt(text, at);

/** Whether `text[i]` can be a given name's character: a common one, and neither a particle nor a common noun (`STOP`). */
const isGivenChar = (text: string, i: number) =>
  inBits(GIVEN_NAME_BITS, text.charCodeAt(i)) && !isStop(text, i) && !inBits(NOT_FINAL, text.charCodeAt(i));
const GIVEN_NAME_BITS = bitmap(GIVEN_NAME_CHARS);

/** Which characters of a text of `length` the names in `out` cover. */
function coverage(out: readonly ScanMatch[], length: number): Uint8Array {
  const covered = new Uint8Array(length + 1);
  for (const [start, name] of out) covered.fill(1, start, Math.min(length, start + name.length));
  return covered;
}

/**
 * What a few rules start from, sought in one pass since most texts hold none: `this is` and ` speaking` (`introducedAt`,
 * `speakingAt`), ` called `/` named ` (`calledAt`), a signing dash (`dashSignatureAt`), a mail's `wrote:`/`写道`
 * (`attributionAt`), a middle dot between a name's parts (`dottedNameAt`), `姓` (`surnameGivenAt`).
 */
const TRIGGERS = /[Tt]his is | speaking| called | named |wrote:|[写寫]道|[\u2013\u2014]|[\u00b7\u30fb\u2022\uff65]|姓/g;

/** The names the rules of `TRIGGERS` find; a dotted name only in text with Han characters. */
function triggered(text: string, han: boolean, out: ScanMatch[]): void {
  let dottedUntil = 0;
  TRIGGERS.lastIndex = 0;
  for (let m = TRIGGERS.exec(text); m; m = TRIGGERS.exec(text)) {
    const at = m.index;
    const c = text.charCodeAt(at);
    // By the trigger's first character: `this is`, `wrote:`, a dash, `写道`/`寫道`, `姓`, a space, else a middle dot.
    if (c === 0x74 || c === 0x54) introducedAt(text, at, out);
    else if (c === 0x77) attributionAt(text, at, true, out);
    else if (c === 0x2013 || c === 0x2014) dashSignatureAt(text, at, out);
    else if (c === 0x5199 || c === 0x5beb) attributionAt(text, at, false, out);
    else if (c === SURNAMED) surnameGivenAt(text, at, out);
    else if (c === 0x20) {
      if (m[0] === ' speaking') speakingAt(text, at, out);
      else calledAt(text, at, m[0].length, out);
    } else if (han && at >= dottedUntil) dottedUntil = dottedNameAt(text, at, out);
  }
}

const SURNAMED = '姓'.charCodeAt(0);
/** What a surname given with `姓` is followed by: the clause's end, a space, `的` (`有个姓王的`). */
const AFTER_SURNAME_GIVEN = [...'，。！？；、,.!?; 的\n\u2029'].map((c) => c.charCodeAt(0));

/**
 * A surname given with the `姓` at `at` (`好像姓蔡，`, `楼上租户姓殷，电话…`, `有个姓王的`), at low confidence: a known
 * surname that ends its clause. Not `老百姓`, `姓名`, `贵姓？`.
 */
function surnameGivenAt(text: string, at: number, out: ScanMatch[]): void {
  if (text.charCodeAt(at - 1) === 0x767e) return; // 百
  const surname = surnameLength(text, at + 1);
  if (surname === 0 || inBits(FUNCTION_SURNAME_CHARS, text.charCodeAt(at + 1))) return;
  const end = at + 1 + surname;
  if (!(end === text.length || AFTER_SURNAME_GIVEN.includes(text.charCodeAt(end)))) return;
  out.push([at + 1, text.slice(at + 1, end), { normalized: text.slice(at + 1, end), confidence: SURNAME }]);
}

/** What may follow the name `this is` introduces: the clause's end, `speaking`, `from`, `calling`, `here`. */
const AFTER_INTRODUCED = /^(?:[.,!;]|$| (?:speaking|from|calling|here|with)\b)/;
/** What ends the clause after `Melissa speaking` (not `Public speaking is hard`): punctuation, a line's or the text's end. */
const SPEAKING_ENDS = /^(?:[.,!;\n\u2029]|$)/;
/** How far before `speaking` its name may start. */
const SPEAKER_REACH = 40;

/**
 * Who introduces themselves with the `this is` at `at` (`Hi, this is Daniel from Fraud Support`, `Thank you for
 * calling Harbor Mutual, this is Nadia. May I…`): a name after it at a clause's start, followed by the clause's end or
 * `speaking`/`from`/`calling`. Not a team or a role (`this is Customer Service.`).
 */
function introducedAt(text: string, at: number, out: ScanMatch[]): void {
  if (!startsClause(text, at)) return;
  const en = englishNameAt(text, at + 8);
  if (en && namesSomeone(en[1]) && AFTER_INTRODUCED.test(text.slice(en[0] + en[1].length, en[0] + en[1].length + 9)))
    out.push(en);
}

/**
 * The name alone in its clause before the ` speaking` at `at` that ends it (`Pacific Wings reservations, Melissa
 * speaking.`, `this is Kelvin speaking`). Not an adverb (`Generally speaking,`).
 */
function speakingAt(text: string, at: number, out: ScanMatch[]): void {
  if (!SPEAKING_ENDS.test(text.slice(at + 9, at + 10))) return;
  let from = at;
  while (from > 0 && at - from < SPEAKER_REACH && /[A-Za-z\u00c0-\u024f' -]/.test(text[from - 1]!)) from--;
  while (text.charCodeAt(from) === 0x20) from++;
  const start = /^[Tt]his is /.test(text.slice(from, at)) ? from + 8 : from;
  const en = englishNameAt(text, start);
  if (!en || en[0] + en[1].length !== at || !namesSomeone(en[1])) return;
  // `Generally speaking`: an adverb, unless `this is` says it is a name (`this is Beverly speaking`).
  if (start === from && en[1].endsWith('ly') && !en[1].includes(' ')) return;
  out.push(en); // `this is Kelvin speaking` twice over: overlaps are resolved after the scan
}

/** People a name is given for with `called`/`named` (`a chap called Piotr Nowak`, `someone named Lisa`). */
const CALLED_PEOPLE = new Set(
  'chap guy man woman lady gentleman girl boy bloke fellow someone somebody person agent caller customer driver officer nurse doctor'.split(
    ' ',
  ),
);

/** The name after a person and the ` called `/` named ` at `at` (`a chap called Piotr Nowak`; not `a company called Acme`). */
function calledAt(text: string, at: number, length: number, out: ScanMatch[]): void {
  const person = wordBefore(text, at)?.toLowerCase();
  if (person === undefined || !(CALLED_PEOPLE.has(person) || RELATIONS.has(person))) return;
  const en = englishNameAt(text, at + length);
  if (en && namesSomeone(en[1])) out.push(en);
}

const SENTENCE_ENDS = [...'.!?。！？'].map((c) => c.charCodeAt(0));
/** What may follow a dash signature's name on its line: a role after a comma (`, KYC Analyst`), at most this long. */
const SIGNATURE_ROLE_REACH = 40;

/**
 * A name signed after the dash at `at` (`–` or `—`), at a line's end (`Thanks, works now. – Priya, DevOps`, `– Sofia
 * Reyes, KYC Analyst`): the dash after a sentence's end or at a line's start, then one or two capitalized words, alone
 * or before a comma and a role that end the line.
 */
function dashSignatureAt(text: string, at: number, out: ScanMatch[]): void {
  // After a sentence's end or at a line's start: not a title's or a status's dash (`Refund – Completed`).
  const before = text.charCodeAt(at - 1) === 0x20 ? text.charCodeAt(at - 2) : text.charCodeAt(at - 1);
  if (!(at === 0 || isLineBreak(before) || SENTENCE_ENDS.includes(before)) || text.charCodeAt(at + 1) !== 0x20) return;
  const en = englishNameAt(text, at + 2);
  if (!en || !namesSomeone(en[1])) return;
  let end = at + 2 + en[1].length;
  if (text.charCodeAt(end) === 0x2c) {
    const line = text.indexOf('\n', end);
    const lineEnd = line < 0 ? text.length : line;
    if (lineEnd - end > SIGNATURE_ROLE_REACH || /[.!?]/.test(text.slice(end, lineEnd))) return;
    end = lineEnd;
  }
  if (end === text.length || isLineBreak(text.charCodeAt(end))) out.push(en);
}

/** Whether `at` starts a clause: the text's, a line's or a field's start, or after `:`, `,`, `.`, `!`, `?` and a space. */
function startsClause(text: string, at: number): boolean {
  const p = text.charCodeAt(at - 1) === 0x20 ? at - 1 : at;
  return p === 0 || CLAUSE_STARTS_AFTER.includes(text.charCodeAt(p - 1));
}
const CLAUSE_STARTS_AFTER = [...'\n\u2029:,.!?'].map((c) => c.charCodeAt(0));

/** Words written capitalized for weight after `this is` (`Hi, this is Urgent.`). */
const EMPHASIS = new Set(
  'Urgent Important Critical Serious Unacceptable Ridiculous Wrong Correct Done Final Free New'.split(' '),
);
/** Whether a name a caller or an agent introduces names someone: no word of it a team, a role, a day or an opener. */
const namesSomeone = (name: string) => !name.split(' ').some((w) => namesNoOne(w) || EMPHASIS.has(w));

/** A Latin name's words in an attribution, lower-case particles included (`Sanne de Vries`, `Nur binte Rahman`). */
const ATTRIBUTED_WORD = "\\p{Lu}(?:['’]\\p{Lu})?\\p{Ll}[\\p{L}'’-]*";
const ATTRIBUTED_LATIN = new RegExp(
  `^${ATTRIBUTED_WORD}(?: (?:(?:${[...NAME_PARTICLES].join('|')}) )*${ATTRIBUTED_WORD}){0,3}$`,
  'u',
);
/** A Chinese name in an attribution: two to four Han characters. */
const ATTRIBUTED_HAN = /^[\u3400-\u9fff]{2,4}$/;

/**
 * Who wrote the message a mail quotes, from the line that introduces the quote (`On 12 May 2024, Sanne de Vries
 * wrote:`, `On Mon, May 12, 2024 at 10:15 AM John Smith <john@…> wrote:`, `在 2024年3月12日 14:05，余婉婷 <…> 写道：`,
 * `李娜 <lina@…> 于2024年5月12日周一 上午10:00写道：`): the name before the sender's address, or the last of the
 * line's comma-separated parts. A Chinese name starts with a known surname (not `跨境清关组 写道：`); a Latin one is
 * capitalized words and particles, none a team's or a role's (not `Support Team <…> wrote:`); never the name of a team's
 * or a system's mailbox (`Brightline Home <orders@…>`).
 */
function attributionAt(text: string, at: number, english: boolean, out: ScanMatch[]): void {
  let lineStart = at;
  while (lineStart > 0 && !isLineBreak(text.charCodeAt(lineStart - 1)) && at - lineStart < ATTRIBUTION_REACH)
    lineStart--;
  const name = attributedName(text, lineStart, at, english);
  if (name) out.push(name);
}

/** How far back from `wrote:` an attribution's line may start. */
const ATTRIBUTION_REACH = 200;
const isLineBreak = (c: number) => c === 0x0a || c === 0x0d || c === 0x2029;

/** The name in the attribution `text[from, to)` (`to` at `wrote:` or `写道`), as [start, name], or null. */
function attributedName(text: string, from: number, to: number, english: boolean): ScanMatch | null {
  let line = text.slice(from, to);
  const lead = line.length - line.replace(/^[>\s]+/, '').length;
  line = line.slice(lead);
  // English attributions open with `On` (`On Mon, …`); Chinese ones with `在` or with the name itself.
  if (english && !line.startsWith('On ')) return null;
  const address = line.indexOf('<');
  let end = address >= 0 ? address : line.length;
  const at = address >= 0 ? line.indexOf('@', address) : -1;
  if (address >= 0 && (at < 0 || roleMailbox(line.slice(address + 1, at)))) return null;
  while (end > 0 && line.charCodeAt(end - 1) === 0x20) end--;
  let start = end;
  if (english) {
    // Back over the name's words, to a comma, a time's `AM`/`PM` or a word with a digit (`2024`, `10:15`).
    for (;;) {
      let w = start;
      while (w > 0 && line.charCodeAt(w - 1) !== 0x20) w--;
      const token = line.slice(w, start);
      if (w === start || /[\d,]/.test(token) || /^(?:AM|PM|am|pm|at|On)$/.test(token)) break;
      start = w;
      while (start > 0 && line.charCodeAt(start - 1) === 0x20) start--;
      if (line.charCodeAt(start - 1) === 0x2c) break;
    }
    while (line.charCodeAt(start) === 0x20) start++;
  } else {
    start =
      Math.max(line.lastIndexOf(',', end - 1), line.lastIndexOf('，', end - 1), line.lastIndexOf(' ', end - 1)) + 1;
  }
  const name = line.slice(start, end);
  if (ATTRIBUTED_HAN.test(name)) return surnameLength(name, 0) > 0 ? [from + lead + start, name] : null;
  if (!ATTRIBUTED_LATIN.test(name) || !namesSomeone(name)) return null;
  return [from + lead + start, name];
}

/** Whether an address's local part is a team's or a system's (`orders@`, `no-reply@`, `customer.care@`), not a person's. */
function roleMailbox(local: string): boolean {
  return local
    .toLowerCase()
    .split(/[._+-]/)
    .some((w) => MAILBOX_WORDS.has(w) || GENERIC.has(w) || (w.endsWith('s') && GENERIC.has(w.slice(0, -1))));
}
/** Words of a shared mailbox's address beyond `GENERIC`'s. */
const MAILBOX_WORDS = new Set(
  'order orders shipping delivery returns refund refunds booking bookings reservations newsletter hello contact enquiries inquiries care donotreply'.split(
    ' ',
  ),
);

/** Two or three words in capitals, as passports and bookings write a Chinese name (`WANG JIANHUA`, `LAU CHI KEUNG`). */
const CAPITAL_WORDS = /[A-Z]{2,}(?: [A-Z]{2,}){1,2}(?![A-Za-z])/g;
/** How far from a romanized name its Chinese form may stand (`FENG XIAODONG / 冯晓东`, `马俊峰 (MA JUNFENG)`). */
const BESIDE_REACH = 3;
/** A passport's or a permit's number after a name (`ZHONG SIQI，E81430275`). */
const DOCUMENT_NUMBER = /^[,，] ?[A-Z]{1,2}\d{7,8}(?![0-9A-Za-z])/;

/**
 * A Chinese name romanized in capitals, its first word a romanized surname, beside the name in Chinese characters
 * or before a passport's number (`1. WANG JIANHUA 王建华 E27715093`, `FENG XIAODONG / 冯晓东`, `马俊峰 (MA JUNFENG)`,
 * `Passport：ZHONG SIQI，E81430275`), as travel, visa and account forms list people. Not capitals that name no one
 * (`USD CNY`, `VIP CARD`).
 */
function romanizedBesideHan(text: string, out: ScanMatch[]): void {
  CAPITAL_WORDS.lastIndex = 0;
  for (let m = CAPITAL_WORDS.exec(text); m; m = CAPITAL_WORDS.exec(text)) {
    const at = m.index;
    if (isAsciiLetter(text.charCodeAt(at - 1)) || !ROMANIZED_SURNAMES.has(m[0].slice(0, m[0].indexOf(' ')))) continue;
    const end = at + m[0].length;
    if (
      hanNameWithin(text, end, 1) ||
      hanNameWithin(text, at - 1, -1) ||
      DOCUMENT_NUMBER.test(text.slice(end, end + 12))
    )
      out.push([at, m[0]]);
  }
}

/** Whether a Chinese name with a known surname starts (or, going back, ends) within `BESIDE_REACH` of `from`. */
function hanNameWithin(text: string, from: number, step: 1 | -1): boolean {
  let p = from;
  for (let n = 0; n < BESIDE_REACH && /[ /(（)）]/.test(text[p] ?? ''); n++) p += step;
  if (step === 1) return surnameLength(text, p) > 0 && chineseNameEnd(text, p, false) > 0;
  let start = p;
  while (start > p - 4 && isHan(text, start)) start--;
  start++;
  return p - start >= 1 && surnameLength(text, start) > 0 && chineseNameEnd(text, start, false) === p + 1;
}

/**
 * A Chinese name that opens its line or clause before a document's number, as lists of travellers and applicants give
 * them (`梁家豪 M10523847`, `[20:15] 陳生: 陳浩霖 K548804(4)`): the number a space and then one or two capitals and six to
 * eight digits (a Hong Kong or Macau ID, a passport, a permit), a check character in parentheses or not; the name a
 * known surname, two to four characters, no dictionary word, after no other Han character or Latin letter. Read from
 * the shared digit runs, not by a search of its own.
 */
function namesBeforeDocuments(text: string, out: ScanMatch[]): void {
  const runs = digitRuns(text);
  for (let i = 0; i < runs.length; i += 2) {
    const digits = runs[i]!;
    const length = runs[i + 1]! - digits;
    if (length < 6 || length > 8 || !isCapital(text.charCodeAt(digits - 1))) continue;
    const letters = isCapital(text.charCodeAt(digits - 2)) ? 2 : 1;
    const end = digits - letters - 1;
    if (text.charCodeAt(end) !== 0x20 || isAsciiLetter(text.charCodeAt(end - 1))) continue;
    const after = text.charCodeAt(runs[i + 1]!);
    if (isAsciiLetter(after) || (after >= 0x30 && after <= 0x39)) continue;
    let start = end;
    while (start > end - 4 && isHan(text, start - 1)) start--;
    if (end - start < 2 || isHan(text, start - 1) || isAsciiLetter(text.charCodeAt(start - 1))) continue;
    if (surnameLength(text, start) === 0 || chineseNameEnd(text, start, false) !== end) continue;
    if (hasChineseWords && isChineseWord(text.slice(start, end))) continue; // a dictionary word is no name
    out.push([start, text.slice(start, end)]);
  }
}

/**
 * Parts Tibetan, Mongolian and Uyghur names are made of, two or more to a name (`扎西顿珠`, `央金卓玛`, `达瓦次仁`,
 * `乌云其其格`, `帕提古丽`), in simplified and traditional characters.
 */
const MINORITY_NAME_PARTS = (
  '扎西 紮西 卓玛 卓瑪 次仁 顿珠 頓珠 达娃 達娃 达瓦 達瓦 央金 格桑 平措 旺堆 拉姆 尼玛 尼瑪 多吉 德吉 白玛 白瑪 索朗 强巴 ' +
  '強巴 普布 边巴 邊巴 巴桑 次旦 仁青 益西 洛桑 丹增 旺姆 曲珍 卓嘎 措姆 琼达 瓊達 ' +
  '乌云 烏雲 其其格 其木格 巴特尔 巴特爾 萨仁 薩仁 图雅 圖雅 斯琴 高娃 乌兰 烏蘭 额尔敦 額爾敦 苏和 蘇和 ' +
  '阿依 古丽 古麗 帕提 买买提 買買提 艾力 艾尔肯 艾爾肯 吐尔逊 吐爾遜 热依拉 熱依拉 努尔 努爾 迪丽 迪麗 阿不都 阿依古丽'
).split(' ');
/** The parts by their first character, longest first (`阿依古丽` before `阿依`). */
const MINORITY_PARTS_BY_FIRST = new Map<number, string[]>();
for (const part of [...MINORITY_NAME_PARTS].sort((x, y) => y.length - x.length)) {
  const first = part.charCodeAt(0);
  MINORITY_PARTS_BY_FIRST.set(first, [...(MINORITY_PARTS_BY_FIRST.get(first) ?? []), part]);
}
const MINORITY_FIRSTS = bitmap(MINORITY_NAME_PARTS.map((w) => w[0]!).join(''));
/** The most parts a name has. */
const MINORITY_PARTS_MAX = 4;

/**
 * The end of a name made of two to four such parts at `at`, added to `out` (`请问是扎西顿珠的家属吗`, `我是他女儿央金卓玛。`,
 * `找柜台达娃卓玛`), or `at` when none is there: not glued to a word before (after a particle, a word names follow, a
 * cue, punctuation or a line's start) and ending where a particle, a verb of saying or no Han character follows. Not
 * `扎西德勒` (a greeting: `德勒` is no part). Called by `uncuedNames`, which reads every Han character anyway.
 */
function minorityNameAt(text: string, at: number, out: ScanMatch[]): number {
  let end = at;
  let parts = 0;
  for (let part = partAt(text, end); part > 0 && parts < MINORITY_PARTS_MAX; part = partAt(text, end)) {
    end += part;
    parts++;
  }
  if (parts < 2 || !endsDotted(text, end) || (glued(text, at) && !cueEndsAt(text, at))) return at;
  out.push([at, text.slice(at, end), { normalized: text.slice(at, end), confidence: CUE }]);
  return end;
}

/** The length of the longest name part at `at`, or 0. */
function partAt(text: string, at: number): number {
  const parts = MINORITY_PARTS_BY_FIRST.get(text.charCodeAt(at));
  if (parts === undefined) return 0;
  for (const part of parts) if (text.startsWith(part, at)) return part.length;
  return 0;
}

/** Whether a cue a name follows ends right before `at` (`女儿`, `柜台`, `借款人`). */
function cueEndsAt(text: string, at: number): boolean {
  const id = ANCHOR_ID[anchorNumber(text.charCodeAt(at - 2)) * ROW + anchorNumber(text.charCodeAt(at - 1))]!;
  return (
    id !== 0 && ANCHORS[id]!.cues.some((c) => !c.ignore && !c.surname && text.startsWith(c.cue, at - c.cue.length))
  );
}

/** The middle dots that join the parts of a transliterated name (`阿依古丽·买买提`, `约翰·史密斯`). */
const NAME_DOTS = [0xb7, 0x30fb, 0x2022, 0xff65];
/**
 * Characters transliterated names are written with (Uyghur, Kazakh, Tibetan, Mongolian and Western names), as a
 * bitmap: `阿依古丽·买买提` is all of them, `便民热线·在线咨询` and `客服·龙洁` are not.
 */
const TRANSLITERATION = bitmap(
  '阿艾爱安奥巴拜班贝比彼波伯博布查达戴丹德邓迪蒂丁东杜多顿厄恩尔尔法菲芬弗福甫盖格贡古哈海汉罕汗豪赫亨胡华霍吉加' +
    '贾杰捷金卡凯坎康柯科克肯库夸拉莱赖兰朗劳勒雷蕾里丽利莉林琳刘留龙卢鲁陆伦罗洛玛马买迈麦曼毛梅美蒙米密敏明' +
    '莫姆木穆纳娜奈南内尼妮努诺欧帕潘佩皮平普奇琪恰乔切钦琴让热仁萨塞赛桑森瑟沙莎尚舍什施史斯松苏索塔泰坦汤唐特' +
    '提廷通图吐托瓦万旺威韦维温文沃乌吾西希夏谢辛兴休雅亚延扬耶伊依因英尤约于央扎泽詹珍卓兹孜佐则措次德堆' +
    '爾買麗蘭羅瑪邁萊賴倫盧魯納諾歐佩薩塞沙瓦維溫烏謝亞楊約紮澤詹卓茲' +
    '力江逊遜合姑肉娅婭妮蒂黛萝蘿露丝絲薇茜翰茨斐昆隆默涅纽紐珀齐齊琼瓊瑞若舒锡錫朱祖理',
);
/** Characters a place's name ends with (`阿里·萨比州`, `博卡斯·德尔托罗省`): a place, not a person. */
const PLACE_ENDS = bitmap('州省区區县縣市岛島山河湖城港');
/** The most characters one part of a dotted name has. */
const DOTTED_PART = 6;

/**
 * Transliterated names, their parts joined by a middle dot (`受理员：阿依古丽·买买提（工号1207）`, `我叫艾力江·吐尔逊，`,
 * `理查德·斯托曼说`): two parts or more of two to six characters, every character one transliterations are written with,
 * not glued to a word before. Not a title, a service or a place (`便民热线·在线咨询`, `阿里·萨比州`).
 */
function dottedNameAt(text: string, i: number, out: ScanMatch[]): number {
  let start = i;
  while (start > 0 && i - start < DOTTED_PART && inBits(TRANSLITERATION, text.charCodeAt(start - 1))) start--;
  if (i - start < 2) return i;
  let end = i;
  let parts = 1;
  for (;;) {
    let p = end + 1;
    while (p - end - 1 < DOTTED_PART && inBits(TRANSLITERATION, text.charCodeAt(p))) p++;
    if (p - end - 1 < 2) break;
    end = p;
    parts++;
    if (!NAME_DOTS.includes(text.charCodeAt(end))) break;
  }
  const last = text.charCodeAt(end - 1);
  if (parts >= 2 && !inBits(PLACE_ENDS, last) && endsDotted(text, end) && !glued(text, start)) {
    out.push([start, text.slice(start, end), { normalized: text.slice(start, end), confidence: CUE }]);
  }
  return end;
}

/** Characters a dotted name is followed by in a sentence: particles, verbs of saying, prepositions, titles. */
const AFTER_DOTTED = bitmap('的是在和与與及等也都就还還已给給向对對让讓说說讲講称稱表先女小总總医醫老教博主');
/** Whether a dotted name may end at `end`: no Han character follows, or one a name is followed by (`斯托曼说`). */
const endsDotted = (text: string, end: number) =>
  !isHan(text, end) || inBits(STOP_CHARS, text.charCodeAt(end)) || inBits(AFTER_DOTTED, text.charCodeAt(end));

/** Whether the Han character before `start` glues it to a word (`在线·` is no name's start; `我叫`, `是`, `：` are fine). */
function glued(text: string, start: number): boolean {
  if (!isHan(text, start - 1)) return false;
  const c = text.charCodeAt(start - 1);
  return !(c === IS || c === 0x53eb /* 叫 */ || inBits(STOP_CHARS, c) || inBits(BEFORE_NAME_LASTS, c));
}

/** A passport-style name: capitals, a slash, capitals (`ZHANG/WEI`, `WONG/KA YAN`), not the title after it (`MR`). */
const SLASHED_CAPITALS = /[A-Z]{2,}\/[A-Z]{2,}(?: (?!(?:MR|MRS|MS|MISS|MSTR)(?![A-Z]))[A-Z]{2,})?(?![A-Za-z0-9/])/y;
/** Words that say a passport-style name follows (`Passenger:`, `passport reads`, `offer holder`), within `PASSPORT_REACH`. */
const PASSPORT_CUE = /passenger|passport|holder|name|guest|traveller|traveler|姓名|旅客|乘客|乘机人|护照|護照|拼音/i;
const PASSPORT_REACH = 24;

/**
 * Passport-style names after a word that announces one (`Passenger: WONG/KA YAN MS`, `passport reads ZHANG/WEI`):
 * capitals, a slash and capitals, the first word a romanized surname, so `USD/CNY` and `TCP/IP` are none.
 */
function passportNames(text: string, out: ScanMatch[]): void {
  for (let slash = text.indexOf('/'); slash !== -1; slash = text.indexOf('/', slash + 1)) {
    let at = slash;
    while (at > 0 && at > slash - 10 && text.charCodeAt(at - 1) >= 0x41 && text.charCodeAt(at - 1) <= 0x5a) at--;
    if (slash - at < 2 || isAsciiLetter(text.charCodeAt(at - 1)) || !ROMANIZED_SURNAMES.has(text.slice(at, slash))) {
      continue;
    }
    if (!PASSPORT_CUE.test(text.slice(Math.max(0, at - PASSPORT_REACH), at))) continue;
    SLASHED_CAPITALS.lastIndex = at;
    if (SLASHED_CAPITALS.test(text)) out.push([at, text.slice(at, SLASHED_CAPITALS.lastIndex)]);
  }
}

/**
 * Person name (姓名) without machine learning: the names the record's metadata gives, wherever the text
 * repeats them (high confidence), and names after or before cues — `姓名：`, `联系人`, `我叫`, `本人`, `转给`,
 * `改成`, `拼音`, `X先生/女士/小姐`, `X经理/老师`, `my name is`, `Mr./Ms.`, `my partner,`, an answer to a name
 * question — with a known surname or in Latin letters (medium confidence); a bare
 * surname (`王先生`, `她姓丁`) at low confidence. Masked as participants' names are (`maskName`: `张*`, `J*** S****`).
 */
export const personName: Detector = {
  type: 'PERSON_NAME',
  scan: (text: string, scope: ScanScope) => {
    const out: ScanMatch[] = [];
    const han = hasFeature(scope.has, 'han');
    if (scope.names.length > 0) participantNames(text, scope.names, han, out);
    if (han) {
      chineseCues(text, out); // every Chinese cue is Han characters
      hanAnswers(text, out);
      someones(text, out);
      cantoneseTitled(text, out);
    }
    signatures(text, out);
    if (hasFeature(scope.has, ':')) speakerLabels(text, out);
    if (hasFeature(scope.has, 'latin')) passportNames(text, out);
    if (hasFeature(scope.has, 'latin')) englishCues(text, out); // every English cue holds a Latin letter
    triggered(text, han, out);
    if (hasFeature(scope.has, 'latin')) romanizedBesideHan(text, out);
    if (han && hasFeature(scope.has, 'latin') && hasFeature(scope.has, 'digit')) namesBeforeDocuments(text, out);
    if (out.length > 0) mentionsAgain(text, out);
    if (han && hasChineseWords) uncuedNames(text, out);
    return out;
  },
  validate: (match) => ({ normalized: normalizeName(match), confidence: CUE }),
  context: [],
  mask: (f) => maskName(f.value),
  label: '[姓名]',
  sensitivity: 'L2',
  piplSensitive: false,
};
