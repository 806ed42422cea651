import { describe, expect, it } from 'vitest';
import { detectorFor } from '../src/redact/catalogue';
import { detect } from '../src/redact/detect';
import { maskName } from '../src/redact/mask-name';

const names = (text: string, known: string[] = [], minConfidence = 0) =>
  detect(text, { names: known })
    .filter((f) => f.type === 'PERSON_NAME' && f.confidence >= minConfidence)
    .map((f) => f.value);

describe('person name from the record', () => {
  it('finds the participants names wherever the text repeats them, with high confidence', () => {
    const found = detect('张三您好，关于张三的订单：Dear ZHANG SAN, thanks', { names: ['张三', 'Zhang San'] }).filter(
      (f) => f.type === 'PERSON_NAME',
    );
    expect(found.map((f) => [f.value, f.normalized])).toEqual([
      ['张三', '张三'],
      ['张三', '张三'],
      ['ZHANG SAN', 'zhang san'],
    ]);
    for (const f of found) expect(f.confidence).toBeGreaterThanOrEqual(0.9);
  });

  it('matches a Latin name as whole words only', () => {
    expect(names('Li Sina wrote to Li Si.', ['Li Si'])).toEqual(['Li Si']);
  });

  it('matches a Latin name in any case, accented letters too, and names with symbols as written', () => {
    expect(names('Dear JOSÉ GARCÍA, and josé garcía again', ['José García'])).toEqual(['JOSÉ GARCÍA', 'josé garcía']);
    expect(names('Hello İsmail Yılmaz,', ['İsmail Yılmaz'])).toEqual(['İsmail Yılmaz']);
    expect(names("Mary-Ann O'Neil (c/o) wrote; so did Mary Ann ONeil", ["Mary-Ann O'Neil"])).toEqual([
      "Mary-Ann O'Neil",
    ]);
  });

  it('ignores display names that name no person: teams, mailboxes, no surname, one character', () => {
    expect(names('客服已回复，Customer Support team, 小王在', ['客服', 'Customer Support', '小王', '王'])).toEqual([]);
  });

  it('works without any names, as detect(text) always did', () => {
    expect(names('张三您好')).toEqual([]);
  });
});

describe('person name from cues', () => {
  it.each([
    ['姓名：张伟，电话未留', '张伟'],
    ['联系人：欧阳娜娜 13800000000', '欧阳娜娜'],
    ['收件人李小明，地址见下', '李小明'],
    ['收货人：王芳', '王芳'],
    ['我叫刘洋，上周买的冰箱坏了', '刘洋'],
    ['您好我叫陈静想问一下', '陈静'],
    ['本人张三身份证丢了', '张三'],
    ['客户：赵敏', '赵敏'],
    ['客户王明反映包裹破损', '王明'],
    ['请转告张伟先生', '张伟'],
    ['王小红女士您好', '王小红'],
    ['司马光小姐的快递', '司马光'],
    ['姓名：那英', '那英'],
  ])('finds the name in %s', (text, name) => {
    expect(names(text)).toEqual([name]);
  });

  it.each([
    ['My name is John Smith and I need help.', 'John Smith'],
    ["hi, my name's Li Lei", 'Li Lei'],
    ['Name: Wang Fang', 'Wang Fang'],
    ['Dear Mr. Smith, please call back.', 'Smith'],
    ['Ms Wang Fang called twice', 'Wang Fang'],
    ['My name is 李娜', '李娜'],
  ])('finds the English-cued name in %s', (text, name) => {
    expect(names(text)).toEqual([name]);
  });

  it('scores cue names at medium confidence', () => {
    const [f] = detect('我叫刘洋').filter((x) => x.type === 'PERSON_NAME');
    expect(f!.confidence).toBeGreaterThanOrEqual(0.5);
    expect(f!.confidence).toBeLessThan(0.9);
  });

  it('finds a bare surname before a title at a confidence too low to count, and masks nothing of it', () => {
    const found = detect('王先生您好，欧阳女士已经到了').filter((f) => f.type === 'PERSON_NAME');
    expect(found.map((f) => f.value)).toEqual(['王', '欧阳']);
    for (const f of found) expect(f.confidence).toBeLessThan(0.5);
    expect(detectorFor('PERSON_NAME').mask(found[1]!)).toBe('欧阳');
    expect(names('原先生活很好，祖先生于此')).toEqual([]);
  });

  it.each([
    ['谢谢李先生', '李'],
    ['多谢李先生帮忙', '李'],
    ['感谢王明先生的耐心', '王明'],
    ['联系王小明先生', '王小明'],
    ['请张女士稍等', '张'],
    ['麻烦欧阳女士签收', '欧阳'],
  ])('starts the name before a title after the words a name follows, in %s', (text, name) => {
    expect(names(text)).toEqual([name]);
  });

  it('takes a title after a word a name follows for no name at all', () => {
    expect(names('我和先生一起来的')).toEqual([]);
  });

  it.each([
    ['曾经理您好，按照昨天电话沟通的内容', '曾'],
    ['请联系王经理确认', '王'],
    ['李老师，孩子的课改到周六', '李'],
    ['谢谢张伟经理', '张伟'],
    // A Latin name before a Chinese title, with or without a space.
    ['> 尊敬的 Laurent 女士：', 'Laurent'],
    ['Wong先生你好', 'Wong'],
    ['请 Helen Ward 小姐签收', 'Helen Ward'],
    ['安排Amber老师的周六上午班', 'Amber'],
    ['上周跟城管局的唐科长说过', '唐'],
    ['专员聂主管给您回电', '聂'],
    ['请王处长签字', '王'],
  ])('finds the name before a manager, teacher or official title when it stands apart, in %s', (text, name) => {
    expect(names(text)).toEqual([name]);
  });

  it.each([
    '项目经理会联系您',
    '我们部门经理不在',
    '语文老师布置的作业',
    '客户经理已经回复',
    '财务主管审批',
    '我们English老师说',
    'Python老师讲得好',
    'Hi 阿姨你好',
    'Customer Service 小姐',
    '公安局长表示',
    '人事处长说',
    '部门主管同意了',
  ])('takes no job title for a name in %s', (text) => {
    expect(names(text)).toEqual([]);
  });

  it.each(['客服：金卡', '客服：白金卡', '客户：钱包找到了', '客服：万达店', '客户：周报.docx'])(
    'takes no card, wallet, shop or file a speaker names for a person in %s',
    (text) => {
      expect(names(text)).toEqual([]);
    },
  );

  it('finds the agent name after 客服 and a lone surname after 姓', () => {
    expect(names('客服：您好，我是售后客服许丽娟，工号8826')).toEqual(['许丽娟']);
    expect(names('客服：您好，请问有什么可以帮您？')).toEqual([]);
    const [surname] = detect('号码是13912345678，她姓丁。').filter((f) => f.type === 'PERSON_NAME');
    expect([surname!.value, surname!.confidence < 0.5]).toEqual(['丁', true]);
    expect(names('客服：请问您贵姓？\n客户：免贵姓王，叫我小王就行')).toContain('王');
    expect(names('客户：免貴姓陳')).toEqual(['陳']);
    expect(names('客服：请问您贵姓？')).toEqual([]);
    expect(names('老百姓都知道')).toEqual([]);
  });

  it.each([
    ['1. 彭杰，身份证110101199003077774', '彭杰'],
    ['经办人 田晨曦 电话 021-12345678', '田晨曦'],
    ['联系方式：\n曹国华 手机13812345678', '曹国华'],
    ['通话时长 04:37  坐席：邝美玲(工号SZ-20931)', '邝美玲'],
    ['坐席：欧阳晓蕾 工号80217', '欧阳晓蕾'],
    ['職員：陳嘉俊（員工編號HK30871）', '陳嘉俊'],
  ])('finds a name written before an identifier label in %s', (text, name) => {
    expect(names(text)).toContain(name);
  });

  it.each([
    ['谢谢！\n\n程思远\n2024年3月15日', '程思远'],
    ['此致\n李德明', '李德明'],
    ['电话：0936-952-257\n何诗雨 敬上', '何诗雨'],
    ['Please refund the duplicate charge.\n\nHannah Fischer', 'Hannah Fischer'],
    ['See you then.\nThanks,\nRyan Tanaka', 'Ryan Tanaka'],
  ])('finds the signature in %s', (text, name) => {
    expect(names(text)).toEqual([name]);
  });

  it.each([
    '订单详情\n\n王者荣耀皮肤已发放',
    'Order Summary\n\nShipping Address\nplease confirm',
    '公司电话 021-12345678',
    '华为手机坏了',
    '请给江苏电话回访',
    '请提供您的工号',
    '客服工号 1234',
    '我的工号是123',
    'Thanks for your help',
    'Best Regards,\nCard Services',
  ])('finds no signature or labelled name in %s', (text) => {
    expect(names(text)).toEqual([]);
  });

  it.each([
    '王先生您好，李女士已经到了',
    '本人申请退款',
    '本人明白了',
    '客户信息已更新',
    '客户余额不足',
    '客户反映快递慢',
    '联系人电话打不通',
    '我叫了外卖',
    '这位王先生说不用了',
    '姓名和电话都要填',
    'my name is not important here',
    'Username: Zhangsan88',
    'Mr. Please',
    'Please contact Mr. Support for help.',
    '收件人信息有误',
  ])('finds no name in %s', (text) => {
    expect(names(text, [], 0.5)).toEqual([]);
  });
});

describe('person name from transfer, change and apposition cues', () => {
  it.each([
    ['我想转给王小丽的，结果转错了', '王小丽'],
    ['上周汇款给陈志强，他说没收到', '陈志强'],
    ['退款给孙丽，她说还没到账', '孙丽'],
    ['我是北京市居民赵立新，想咨询一下', '赵立新'],
  ])('finds the person money goes to, or a resident named in apposition, in %s', (text, name) => {
    expect(names(text)).toEqual([name]);
  });

  it.each([
    '能不能转给支付宝',
    '汇给国外的账户要多久',
    '转给银行了吗',
    '钱转给房东。',
    '转给花呗。',
    '我要转给江苏分公司',
    '钱已经转给对方了',
    '居民区里面很吵',
    '居民楼下的快递柜',
    '居民身份证丢了',
  ])('takes no institution, place or noun after a transfer or resident cue for a name in %s', (text) => {
    expect(names(text)).toEqual([]);
  });

  it.each([
    ['收款人写李建华就行', '李建华'],
    ['收款人写 Maria Lopez 行吗', 'Maria Lopez'],
    ['入住人换成郑雪。', '郑雪'],
    ['联系人帮我改成周杰，谢谢', '周杰'],
    ['乘客信息改为王磊的', '王磊'],
  ])('finds the name a named field is written as or changed to, in %s', (text, name) => {
    expect(names(text)).toEqual([name]);
  });

  it.each([
    '收款人写公司名称',
    '收款人写错了',
    '收款人写全名',
    '改成周三的航班',
    '入住人改成明天',
    '联系人改成公司电话',
  ])('takes no field value, date or change without a named field for a name in %s', (text) => {
    expect(names(text)).toEqual([]);
  });

  it('no longer takes a weekday after a weak cue for a name', () => {
    expect(names('客户周三来电说快递没到')).toEqual([]);
  });
});

describe('person name in romanized form', () => {
  it.each([
    ['姓名拼音：LI/XIAOMING，护照号码', 'LI/XIAOMING'],
    ['拼音 WANG FANG', 'WANG FANG'],
    ['Name: CHEN/JIE', 'CHEN/JIE'],
    ['乘客姓名拼音Ouyang/Nana，出发', 'Ouyang/Nana'],
  ])('finds the passport-style name after a pinyin or name cue in %s', (text, name) => {
    expect(names(text)).toEqual([name]);
  });

  it.each(['拼音：NA', '拼音输入法不好用', 'Name: N/A', '姓名拼音：CUSTOMER SERVICE', 'NAME: JOHN'])(
    'takes no abbreviation, word or team in capitals for a name in %s',
    (text) => {
      expect(names(text)).toEqual([]);
    },
  );
});

describe('person name from English relations and answers', () => {
  it.each([
    ['My husband, Peter Collins, will pick it up.', 'Peter Collins'],
    ["Our accountant's name is Laura Kim.", 'Laura Kim'],
    ["It is in my sister's name, Grace Wu, since May.", 'Grace Wu'],
    ['a gift for my father-in-law, Gerald Whitfield.', 'Gerald Whitfield'],
    ['Also my partner Hiroshi Yamamoto needs a parking space', 'Hiroshi Yamamoto'],
    // Who a company sends, and a full name in apposition after an article, set off by commas.
    ['Your technician, Dave Moss, also replaced the filter', 'Dave Moss'],
    ['Our loss adjuster, Gareth Pryce of Crawford & Co, will visit', 'Gareth Pryce'],
    ['An adjuster, Priya Raman, will call you', 'Priya Raman'],
    ['Got it. A loss adjuster, Graham Pike, will contact you', 'Graham Pike'],
    ['a colleague, Mark Lee, called', 'Mark Lee'],
  ])('finds the full name of a relation in %s', (text, name) => {
    expect(names(text)).toEqual([name]);
  });

  it.each([
    ['Not me. My husband Eric has a card too', 'Eric'],
    ['Yes, or my wife, Folake, on 020 7946 0392.', 'Folake'],
    ['an appointment for my son Irfan next week', 'Irfan'],
    ['my friend, Tom, said so', 'Tom'],
  ])('finds the first name of a close relation, with or without a comma, in %s', (text, name) => {
    expect(names(text)).toEqual([name]);
  });

  it.each([
    'my boss Tom said so',
    'our client Shenzhen Huaying Electronics paid',
    'my son Monday morning',
    'my wife Google Pixel broke',
    'my daughter I think',
    'a client, Acme Corp, paid',
    'the engineer Tom will come',
    'my manager, Customer Service, replied',
    "the company's name, Acme Trading, is on the invoice",
  ])('takes no first name alone, nobody in particular or a firm for a relation in %s', (text) => {
    expect(names(text)).toEqual([]);
  });

  it.each([
    ["Agent: Can I get your full name?\nCaller: Sure, it's Maya Chen.", 'Maya Chen'],
    ['Agent: What name is the booking under?\nCaller: This is Omar Haddad.', 'Omar Haddad'],
  ])('finds the full name given in answer to a name question in %s', (text, name) => {
    expect(names(text)).toEqual([name]);
  });

  it.each([
    "Agent: May I have your name?\nCaller: It's Monday Morning here, sorry.",
    "Agent: Whose name is on the account?\nCaller: It's Customer Service.",
    "Hello, it's Maya Chen here.",
  ])('takes no day, team or unasked introduction for an answer in %s', (text) => {
    expect(names(text)).toEqual([]);
  });

  it.each([
    ['坐席：请问怎么称呼您？\n客户：张伟', '张伟'],
    ['客服：您的姓名是？\n客户：我叫欧阳娜娜。', '欧阳娜娜'],
    ['请问您贵姓？叫我李明就行', '李明'],
    ['Agent: 请问您叫什么名字?\nCustomer: 孙立，谢谢', '孙立'],
    ['客服：请问如何称呼？\u2029客户：是刘洋', '刘洋'],
  ])('finds the name given in answer to a Chinese name question in %s', (text, name) => {
    expect(names(text)).toEqual([name]);
  });

  it.each([
    '坐席：请问怎么称呼您？\n客户：好的，我先查一下',
    '您叫什么名字？王者荣耀里的吗',
    '请问怎么称呼？\n客户：明白了',
    '请问您的手机号是？\n客户：稍等',
    '你叫什么？我叫不出来',
    '客户：快递到了吗？\n客服：张伟已经发货了',
    '这款卡叫什么？\n金牛座',
    '你们店的名字是？\n王府井',
    '请问怎么称呼？\u2029\u2029王芳',
  ])(
    'takes no reply that starts with no name, follows a question for no person, or comes a turn too late, in %s',
    (text) => {
      // At a cue's confidence: the names in them are found, as any name is, without one.
      expect(names(text, [], 0.5)).toEqual([]);
    },
  );
});

describe('person name mask', () => {
  it('keeps a Chinese surname, a compound one whole, and hides each given character', () => {
    expect(['张三', '李小明', '欧阳娜', '欧阳娜娜', '司马光'].map(maskName)).toEqual([
      '张*',
      '李**',
      '欧阳*',
      '欧阳**',
      '司马*',
    ]);
  });

  it('keeps a bare surname, which identifies no one, and the first character of an unknown surname', () => {
    expect(['王', '欧阳', '客服小王', '乙'].map(maskName)).toEqual(['王', '欧阳', '客***', '*']);
  });

  it('keeps the first letter of each word of other names and hides a word that starts with no letter', () => {
    expect(['John Smith', '  Li  Si ', 'Zoë', 'Li Si 13912345678'].map(maskName)).toEqual([
      'J*** S****',
      'L*  S*',
      'Z**',
      'L* S* ***********',
    ]);
  });

  it('masks a finding as a participant name is masked, Chinese or Latin', () => {
    const found = detect('我叫欧阳娜娜。My name is John Smith.').filter((x) => x.type === 'PERSON_NAME');
    expect(found.map((f) => detectorFor('PERSON_NAME').mask(f))).toEqual(['欧阳**', 'J*** S****']);
    expect(found.map((f) => maskName(f.value))).toEqual(['欧阳**', 'J*** S****']);
  });
});

describe('person name from roles, family, letters and passports', () => {
  it.each([
    ['坐席：户主潘德明，对吧？', '潘德明'],
    ['我爸叫曹德明', '曹德明'],
    ['我女儿叫袁诗雨，今年八岁', '袁诗雨'],
    ['她叫于秀英，身份证是老的15位', '于秀英'],
    ['刘浩然爸爸：收到', '刘浩然'],
    ['关于万梓萱同学转学手续的说明', '万梓萱'],
    ['1. 梁詠詩，回鄉證 M54017198', '梁詠詩'],
    ['发件人：运营部 周国华\n发送时间：2024年11月', '周国华'],
    ['收货人：李建科 13812345678', '李建科'],
    ['寄件者：陳大文', '陳大文'],
    // Someone's relative glued to a full name, the clause going on about them.
    ['之前登记的号码是我老婆蒙丽萍的，她换号了', '蒙丽萍'],
    ['我老婆温晓彤那张附属卡也一起停了吧', '温晓彤'],
    ['里面是给我妈冼秀珍买的血压计', '冼秀珍'],
    ['好的，她妈妈巫丽君今天也有点嗓子疼', '巫丽君'],
    ['身故受益人是我先生杜明远，他换了手机号', '杜明远'],
    // A Latin name after a relative, a role or `我是`, when it ends its clause.
    ['我是 Nina，想约一下 demo', 'Nina'],
    ['打我太太Cherry，电话 6210 5752', 'Cherry'],
    ['我是深圳湾一号的业主 Ahmed Hassan，my car plate', 'Ahmed Hassan'],
    // A two-character name, when the dictionary holds no word of it (`我女儿高兴` is glad, not a name).
    ['能委托我女儿俞静去投吗？', '俞静'],
    ['我老婆卢静的护照上个月刚换新的', '卢静'],
    ['这是我女儿骆佳，她来办', '骆佳'],
  ])('finds the name a role, a relative or a labelled field gives in %s', (text, name) => {
    expect(names(text)).toEqual([name]);
  });

  it.each([
    ['骑手蒋师傅电话19883389012', '蒋'],
    ['或联系管家许小姐', '许'],
    ['班主任黄老师：各位家长好', '黄'],
    ['客服：謝謝許小姐', '許'],
    ['药师温老师会审方', '温'],
    ['联系人仇经理。', '仇'],
    ['物业姜经理电话', '姜'],
    ['我对门是鞠阿姨，家里就她一个人', '鞠'],
    ['主治醫師是簡醫師', '簡'],
    ['承辦商譚師傅留低咗', '譚'],
    ['我会让吕师傅联系您', '吕'],
    // After punctuation, a line's or the text's start: a speaker named so (`何医生：`).
    ['好的，周师傅：到了', '周'],
    ['[10:02] 客户：孩子发烧了\n何医生：您好，除了发烧还有咳嗽吗？', '何'],
  ])('finds the surname before a title after a role in %s, and no role for a name', (text, name) => {
    expect(names(text)).toEqual([name]);
  });

  it.each([
    '我爸高血压，能吃吗？',
    '是我女儿高兴，',
    '我是 Apple 的客户',
    '我是 Customer Service。',
    '我老公 Huawei 的手机坏了',
    '我女儿高兴的',
    '我妈张罗的',
    '我爸高血压的药',
    '我妈包饺子的时候烫伤了',
    '我妈包饺子去了',
    '主要是我老公常出差也没空',
    '现在最担心的是我爸高血糖，',
    '问题是我孩子成绩差，想报个辅导班。',
    '我先生说的没错',
    '病人高烧，需要退票。',
    '户主成员的信息',
    '监护人：母亲',
    '负责人：待定',
    '辛苦师傅了',
    '全部高老师都到了',
    '保洁阿姨来了',
    '，高中同学',
    '修改邮箱',
    '谢谢！\n安好',
    '运费 12\n包邮',
    'Passenger: Yes I did',
    'To: All Employees',
    '房東江門嘅，唔喺香港。',
    '房东和租客的证件信息',
    '请问您的姓名和证件？',
    '法人代表签字',
    '快递员：门卫不代收',
    '发件人：客服中心 <cs@example.com>',
  ])('takes no conjunction, illness, habit, placeholder, word or department near a cue for a name in %s', (text) => {
    expect(names(text)).toEqual([]);
  });

  it.each([
    ['Best regards,\nGrace Liang', 'Grace Liang'],
    ['From: Grace Liang <grace@example.com>', 'Grace Liang'],
    ['麻煩盡快處理，唔該晒！\n陳大文', '陳大文'],
    ['请给个说法。\n韦春梅 17788015749', '韦春梅'],
    ['电话 0755-8823 0943\n华德明', '华德明'],
  ])('finds the name that signs a letter in %s', (text, name) => {
    expect(names(text)).toEqual([name]);
  });

  it.each([
    'Passenger: My luggage is lost',
    'To: International Remittance <r@example.com>',
    '你们店的名字是？\n王府井',
  ])('takes no pronoun, team or answer to a question about a thing for a signature or header name in %s', (text) => {
    expect(names(text)).toEqual([]);
  });

  it.each([
    ['车主是我爸曹德明，我是周军', '曹德明'],
    ['好的，我是他妈妈杜晓梅。', '杜晓梅'],
    ['User: 机主是我老公骆志强, ID last 4', '骆志强'],
    ['我是患者孔德明的女儿孔晨曦，父亲于2024年', '孔晨曦'],
    ['我是房产顾问邓强，给您推荐一套', '邓强'],
    ['客户：是我，田洋。', '田洋'],
    ['係我，陳大文。', '陳大文'],
  ])('finds the name of a person the sentence introduces in %s', (text, name) => {
    expect(names(text)).toContain(name);
  });

  it.each([
    ['经纪人：韦姐您好，', '韦'],
    ['客服：邵生你好，為咗核實身份', '邵'],
    ['CS: 區生你好', '區'],
    ['韩总您好：\n附件为合同', '韩'],
  ])('finds the surname of a person greeted by surname and title in %s', (text, name) => {
    expect(names(text)).toEqual([name]);
  });

  it.each([
    ['如有疑问请随时联系。\n汪晓东\n销售总监 | 深圳市恒拓精密', '汪晓东'],
    ['客户最初要求全额退款。\n段磊 | 售后服务部 | 电话 021-5555 0100', '段磊'],
    ['Cc: 陈俊杰 <junjie.chen@example.com>', '陈俊杰'],
    ['To: 王芳<wf@example.com>', '王芳'],
    ['英文姓名（須與身份證相同）：CHEUNG Hoi Ling\n', 'CHEUNG Hoi Ling'],
    ['姓名（必填）：张三丰', '张三丰'],
  ])('finds the name a signature, a header or a field with a note gives in %s', (text, name) => {
    expect(names(text)).toEqual([name]);
  });

  it.each([
    // A relative after a `是` that says what, not who; a place, an illness or a role after it.
    '最麻烦的是我爸高血压，',
    '这是我妈妈白内障，',
    '是我老婆苏州人，',
    '这是孩子班主任，',
    // A role's noun after `我是`; `是我，` before what, after `的`.
    '我是户主成员，',
    '我是患者孙子，',
    '我是法人单位，',
    '我是查勘员，马上到。',
    '下单的是我，白色，L码。',
    '刚才敲门的是我，管家。',
    '是我，辛苦啦！',
    // Greetings: kin titles, words.
    '阿姨您好',
    '客服：阿叔你好',
    '师姐你好',
    '余生你好，请多指教',
    '先生你好',
    // Signatures: a team, a place, a closing, a table row, a department with no contact.
    '您的工单已处理。\n华东区\n区域经理',
    '附件请查收。\n此致\n敬礼\n客户服务中心',
    '麻烦尽快回复，谢谢\n南山区\n科技服务中心',
    '物品 | 部门\n宿舍 | 后勤处\n门禁 | 保卫处',
    '请查收\n李娜\n市场部',
    // Fields with a note that hold a placeholder or an organisation; headers naming a team.
    '联系人（选填）：暂无',
    '收款人（全称）：华夏银行',
    '申请人（个人/单位）：单位',
    '姓名（英文）：Unknown',
    '英文姓名（如有）：NOT APPLICABLE',
    'Cc: 财务 <finance@example.com>',
    'From: 华南区 <south@example.com>',
    'To: 苏宁易购 <a@example.com>',
  ])('takes no word, place, team, placeholder or kin title in a new name shape for a name in %s', (text) => {
    expect(names(text, [], 0.5)).toEqual([]);
  });

  it('finds a full Latin name given after a speaker label in answer to a name question, and no opener or place', () => {
    expect(names('客服：请问您的姓名和联系方式？\nPassenger: Emily Kowalski, phone +65 9861 2345')).toEqual([
      'Emily Kowalski',
    ]);
    expect(names('Agent: may I have the name on the booking?\nGuest: Yuki Tanabe. The card on file')).toEqual([
      'Yuki Tanabe',
    ]);
    for (const answer of ['Sure Thing, one second.', 'Good Morning. I am calling about', 'Customer Service.'])
      expect(names(`Agent: may I have your name please?\nCustomer: ${answer}`)).toEqual([]);
    // With no name question before it, a speaker's two capitalized words are no name.
    expect(names('Agent: How can I help?\nGuest: Room Service, please.')).toEqual([]);
  });

  it.each([
    ['Full name (as in passport): ZHANG YUXUAN\nPassport No.: E1234', ['ZHANG YUXUAN']],
    ['Beneficiary: WONG KA YAN', ['WONG KA YAN']],
    ['姓名：ZHANG WEI', ['ZHANG WEI']],
    ['Name: John Smith', ['John Smith']],
    ['坐席：户主潘德明对吧？', ['潘德明']],
    ['孩子孙一鸣，370202201401221234', ['孙一鸣']],
  ])(
    'finds a name in capitals in a labelled field, before a question tag, or listed with an ID in %s',
    (text, found) => {
      expect(names(text)).toEqual(found);
    },
  );

  it.each([
    ['客户：留我的吧，我是他女儿陈静，18081798700。', ['陈静']],
    ['客户：乘机人黄淑芬，拼音 HUANG', ['黄淑芬']],
    ['经纪人（卢志鹏）：姐，您看的那套', ['卢志鹏']],
    ['kamanho@example.com.hk\n何嘉敏 謹啟', ['何嘉敏']],
    ['Yours faithfully,\nPeter Chan', ['Peter Chan']],
    ['sincerely,\nRobert King', ['Robert King']],
    ['Her name is Maria Gonzalez.', ['Maria Gonzalez']],
    ['attn. Katrin Vogel\nAddress: Industriestraße 5', ['Katrin Vogel']],
    ['card 4111, name on card Jonathan Reyes, billing', ['Jonathan Reyes']],
    ['客服：多謝陳生。系統顯示', ['陳']],
    ['收到。李生嘅出生日期係？', ['李']],
    ['職員：李太你好，請問', ['李']],
  ])('finds the name a number, a role, parentheses, a closing or an English cue give in %s', (text, found) => {
    expect(names(text)).toEqual(found);
  });

  it.each([
    '客户（VIP）：你好',
    '客户（高端）',
    '委托人（盖章）：',
    '全体员工 敬启',
    'Her name is Mud.',
    'I truly Appreciate Your Help',
    'We sincerely Hope You',
    'Attn: Human Resources',
    '注意卫生。',
    '全体师生，',
    '王太好了',
    '出生，',
  ])('takes no note, closing, withheld name, team, brand or word with 生/太 for a name in %s', (text) => {
    expect(names(text)).toEqual([]);
  });

  it.each([
    ['Agent: Thank you, Ms. Li. I see the booking', ['Li']],
    ['工程部的马建军师傅来看过一次', ['马建军']],
    ['入住人于涛', ['于涛']],
    ['客户：公网 IP 是多少', []],
    ['同事来处理了', []],
  ])('takes a title, a function word after a cue or a network word for no name in %s', (text, found) => {
    expect(names(text)).toEqual(found);
  });

  it.each(['Name: NOT APPLICABLE', 'Account name: ACME TRADING', 'Full name (optional): N/A', '我爸高血压，吃药'])(
    'takes no placeholder or company in capitals, and no illness, for a name in %s',
    (text) => {
      expect(names(text)).toEqual([]);
    },
  );

  it.each([
    ['客户：我想挂下周三心内科司徒慧敏主任的专家号。', ['司徒慧敏']],
    ['50万元，理财经理骆某宣称年化4.2%', ['骆']],
    ['张某，男，汉族', ['张']],
    ['据村民赵某介绍，事发时天已黑', ['赵']],
    ['原告刘某某诉称', ['刘']],
  ])('finds the full name after a department, and the surname before 某, in %s', (text, found) => {
    expect(names(text)).toEqual(found);
  });

  it.each([
    '某人说过',
    '我们在某天见过',
    '通过某种方式',
    '据悉，原某银行员工称',
    '任某一方违约的',
    '我们是原某厂的老员工',
    '5楼某租客',
    '人事处查某员工',
    '各科任课老师',
    '信贷科高级经理',
    '驻京办事处常务副主任主持会议',
  ])('takes no 某 meaning "some", nor a duty after a department, for a name in %s', (text) => {
    expect(names(text)).toEqual([]);
  });

  it('finds every display name of a header that lists several addresses, and no team or bare address', () => {
    expect(
      names('To: 李娜 <lina@example.com>, 王建国 <wjg@example.cn>; Anna Lee <a@example.com>, <b@example.com>'),
    ).toEqual(['李娜', '王建国', 'Anna Lee']);
    expect(names('收件人：李娜 <lina@example.com>，财务部 <f@example.com>，王建国 <w@example.cn>')).toEqual([
      '李娜',
      '王建国',
    ]);
    expect(names('Cc: Customer Service <cs@example.com>, Bob Smith <b@example.com>')).toEqual(['Bob Smith']);
    expect(names('To: a@example.com, 王建国在吗 <w@example.cn>', [], 0.5)).toEqual([]);
    // A list starts at a name right before its address, and stays in its field.
    expect(names('联系人：李娜，备注 a>, 王建国 <x@y.z>', [], 0.5)).toEqual(['李娜']);
    expect(names('收件人：李娜\u2029x>, 王建国 <x@y.z>', [], 0.5)).toEqual(['李娜']);
  });

  it('finds passport-style names after a word that announces one, without the title after them', () => {
    expect(names('Passenger: WONG/KA YAN MS')).toEqual(['WONG/KA YAN']);
    expect(names('the passport reads ZHANG/WEI MR')).toEqual(['ZHANG/WEI']);
    expect(names('USD/CNY rate, TCP/IP stack, AND/OR, PDF/DOCX')).toEqual([]);
    expect(names('LI/ION battery, FAN/AUTO mode, LONG/SHORT position, HE/SHE')).toEqual([]);
  });

  /** A transcript of `labels`, each speaking twice, as speakers do. */
  const twice = (...labels: string[]) => [...labels, ...labels].map((l, i) => `${l}: 第${i}句`).join('\n');

  it('finds the names in the labels of speakers who speak again, after a role, department or flat, or beside a role', () => {
    expect(names(twice('客服 Tina', '客户'))).toEqual(['Tina', 'Tina']);
    expect(names(twice('[12/3 14:25] 理賠部 Joyce', '[12/3 14:26] 陳先生'))).toEqual(['Joyce', '陳', 'Joyce', '陳']);
    expect(names(twice('物业管家周颖', '5栋-刘海涛', '12栋-Kevin Zhou'))).toEqual([
      '周颖',
      '刘海涛',
      'Kevin Zhou',
      '周颖',
      '刘海涛',
      'Kevin Zhou',
    ]);
    expect(names(twice('销售顾问Ryan', '[21:05] Agent Nadia', 'Support Agent Wendy'))).toEqual([
      'Ryan',
      'Nadia',
      'Wendy',
      'Ryan',
      'Nadia',
      'Wendy',
    ]);
    expect(
      names(twice('[2024-06-03 10:15] Leo Chen（客户）', 'Customer (Lucas Fernández)', '王磊（理赔专员）')),
    ).toEqual(['Leo Chen', 'Lucas Fernández', '王磊', 'Leo Chen', 'Lucas Fernández', '王磊']);
    // A name alone is a speaker's after a time stamp only; a Cantonese 生/太 gives the surname at low confidence.
    expect(names(twice('[10:01] 刘海涛', '6月3日 下午3:05 赵子敏', '6/3/24, 10:15 AM - 欧阳娜娜'))).toEqual([
      '刘海涛',
      '赵子敏',
      '欧阳娜娜',
      '刘海涛',
      '赵子敏',
      '欧阳娜娜',
    ]);
    expect(detect(twice('[12/3 14:22] 陳生')).map((f) => [f.value, f.confidence])).toEqual([
      ['陳', 0.4],
      ['陳', 0.4],
    ]);
    // A resident's two characters after a flat may be a nickname: a surname's confidence.
    expect(detect(twice('3栋-平安')).map((f) => f.confidence)).toEqual([]);
    expect(detect(twice('3栋-高峰')).map((f) => f.confidence)).toEqual([0.4, 0.4]);
  });

  it('finds a speaker after a role that also labels the events of a log', () => {
    const log = [
      '08:30 Agent Assigned: Priya Nair',
      '08:41 Agent Priya: Hi Tom',
      '08:45 Agent Note: reset',
      '09:05 Agent Priya: Done',
    ];
    expect(names(log.join('\n'))).toEqual(['Priya Nair', 'Priya', 'Priya']);
  });

  it('finds several staff speakers after one role in a time-stamped transcript, and a role that ends a longer one', () => {
    expect(names('[10:01] 客服 Tina: a\n[10:02] 客服 Amy: b\n[10:03] 客服 Kevin: c')).toEqual(['Tina', 'Amy', 'Kevin']);
    expect(names('高级会员 Tina: a\n高级会员 Tina: b')).toEqual(['Tina', 'Tina']);
    // Given names that end like a field's name elsewhere are names outside a label.
    expect(names('是我，王源。\n参会：王建国、张金、李源')).toEqual(['王源', '王建国', '张金', '李源']);
  });

  it('finds the speakers a chat export names beside their company, shop or team, when they speak again', () => {
    expect(names(twice('[09:41] 好旅行-Joana', '[09:42] 星图-技术支持 Jason', '鼎盛物流-IT 尉迟浩'))).toEqual([
      'Joana',
      'Jason',
      '尉迟浩',
      'Joana',
      'Jason',
      '尉迟浩',
    ]);
    expect(
      names(twice('[19:20] Leo-安家房产', '10:02 Jessica Yeung｜Crestline Bank HK', 'Emma Liu｜客服主管')),
    ).toEqual(['Leo', 'Jessica Yeung', 'Emma Liu', 'Leo', 'Jessica Yeung', 'Emma Liu']);
    expect(names(twice('[12/03/2024, 20:13] 訊通客服 - Winnie', '[18:42] EasyDrive Support (Coco)'))).toEqual([
      'Winnie',
      'Coco',
      'Winnie',
      'Coco',
    ]);
    // A doubled given name after a staff role; `小` and a common surname, or a surname and a title, give the surname.
    expect(names(twice('[16:20] 京选客服-婷婷'))).toEqual(['婷婷', '婷婷']);
    expect(detect(twice('物业客服-小林', '5栋1单元-葛姐', '7栋-俞阿姨')).map((f) => [f.value, f.confidence])).toEqual([
      ...[
        ['林', 0.4],
        ['葛', 0.4],
        ['俞', 0.4],
      ],
      ...[
        ['林', 0.4],
        ['葛', 0.4],
        ['俞', 0.4],
      ],
    ]);
    // A Latin name alone after a time stamp, of one word or of several; a time after the name.
    expect(names(twice('[00:00:03] Marcus', '00:12 Kevin Tan', '[08/07/24, 9:05 AM] Nur Aisyah binte Rahman'))).toEqual(
      ['Marcus', 'Kevin Tan', 'Nur Aisyah binte Rahman', 'Marcus', 'Kevin Tan', 'Nur Aisyah binte Rahman'],
    );
    expect(names('客服Lily 15:02：您好\n用户 15:03：改签\n客服Lily 15:03：好的')).toEqual(['Lily', 'Lily']);
    // A Latin name alone in a conversation: someone in a role speaks too, or the name is said.
    expect(names('[13:02] Diego: Hi\n[13:03] Customer: hello\n[13:05] Diego: ok')).toEqual(['Diego', 'Diego']);
    expect(names('[13:02] Hannah: hi\n[13:03] Diego: Hi Hannah\n[13:05] Diego: ok\n[13:06] Hannah: ok')).toEqual([
      'Hannah',
      'Diego',
      'Hannah',
      'Diego',
      'Hannah',
    ]);
    expect(names('平安客服（Vivian）: 您好\n平安客服（Vivian）: 好的\n10座-何太: 收到\n10座-何太: 好')).toEqual([
      'Vivian',
      'Vivian',
      '何',
      '何',
    ]);
    expect(
      names('链家-王建国: 您好\n链家-王建国: 好的\nLumen Telecom | Hannah: hi\nLumen Telecom | Hannah: ok'),
    ).toEqual(['王建国', '王建国', 'Hannah', 'Hannah']);
    // Said once, none of these tells a speaker from a form's field.
    expect(names('[09:41] 好旅行-Joana: 你好\n[13:03] Diego: Hi\n10:02 Jessica Yeung｜Crestline Bank HK: ok')).toEqual(
      [],
    );
  });

  it.each([
    twice('[10:05] 宝妈-甜甜', '[10:06] 客服-哈哈', '客服-小鹿', '客服-小美'),
    twice('[08:00] Tanglin Family Clinic', '[08:01] Harbour Tours', '[08:02] System', '[08:03] Auto Reply'),
    twice('[08:04] Customer Service', '[08:05] Bot', '[08:06] Support Team'),
    twice('订单-物流', '系统-通知', 'Order-Status', 'Build-Pipeline Update', '华东-客服组'),
    twice('A-B', '1-2-301', 'v2-beta'),
    // A dash inside Latin words joins them; a team's side must be one; a place's district is no name.
    twice(
      '[20:15] Lakers-Celtics',
      '[20:16] Lakers - Celtics',
      '[10:01] Kafka-Consumer',
      '招牌-Signature',
      'Leo-狮子座',
    ),
    twice('[10:01] 上海-浦东', '[10:02] 香港-沙田', '好旅行-Booking', 'Plus-会员中心', 'Shopee Support (Chatbot)'),
    twice('5栋1单元-楼长', '高三2班-班长', '3栋-乐乐妈'),
    // A feed's labels: bots, events, teams, places, with no one in a role speaking and no name said.
    twice('[20:15] Chelsea', '[20:16] Arsenal', '09:00 Keynote', '10:30 Coffee Break', '[18:00] Amazon Locker'),
    twice('[10:02] New York-Newark', '[9:05 AM] Grab Food', '00:12 Cash Drawer'),
  ])('takes no business, bot, nickname or field in a chat export label for a name in %j', (text) => {
    expect(names(text)).toEqual([]);
  });

  it('takes a label said once for a form field, not a speaker, unless a time stamp marks it', () => {
    expect(names('客服 Tina: 您好\n客户: 你好')).toEqual([]);
    expect(names('[10:01] 客服 Tina: 您好\n[10:02] 客户: 你好')).toEqual(['Tina']);
    expect(names('[10:01] 刘海涛: 电梯又坏了\n[10:02] 客服: 收到')).toEqual([]);
    expect(names('Customer Email: none\nAgent Notes: none\nCustomer Email: none')).toEqual([]);
  });

  it.each([
    twice('刘海涛'),
    twice('金额'),
    twice('[10:01] 金额'),
    twice('[10:01] 方案', '[10:02] 满意度', '[10:03] 黄金', '06:30 冷藏', '06:31 常温'),
    twice('[10:01:02] INFO 连接', '[10:01:03] WARN 路由', 'System 张伟'),
    twice('[10:01] Customer Reply', '[10:02] Agent Reply', '[10:03] User Intent', 'Agent Knowledge'),
    twice('Agent Group', 'Agent Action', 'Agent Internal'),
    twice('Agent Empathy', 'Agent Accuracy', 'Agent Resolution'),
    twice('[INFO] 连接', '[活动] 满减'),
    twice('客服-售后', '客服-小鹿', '客服-物流', '客服-华东', '销售（华南）'),
    twice('客户来源', '会员权益', '售后方案', '客户原话', '骑手位置'),
    twice('备注 Note', '技术支持 FAQ', '客服 Hotline', '售后 Online'),
    twice('Agent', 'Customer Service', 'Customer Name', 'Agent Status', 'Member Since', '[10:01] Agent Disconnected'),
    twice('Customer (Gold)', 'Caller (Withheld)'),
    '客户（江苏）：快递到哪了\n客服（华东）：您好',
    twice('[12/3 14:22] 衛生', '[12/3 14:22] 花生'),
    twice('客户 15:05'),
    '请确认以下会员权益：\n请确认以下会员权益：',
    '客服：您好，时间：10:30，地点：前台',
  ])('takes no role, field, tag or nickname in a speaker label for a name in %j', (text) => {
    expect(names(text, [], 0.5)).toEqual([]);
  });

  it('finds the name a greeting addresses, and no group, stranger or thing', () => {
    expect(names('Dear Markus,\n\nThanks, we received it.')).toEqual(['Markus']);
    expect(names('Dear Anna Lee\nPlease find attached')).toEqual(['Anna Lee']);
    expect(names('Hi Leo，请不要在群里发密码')).toEqual(['Leo']);
    for (const text of [
      'Dear Sir,',
      'Dear Sir or Madam,',
      'Hi there,',
      'Hi Team,',
      'Dear Valued Customer,',
      'Hello World,',
    ]) {
      expect(names(text)).toEqual([]);
    }
    expect(names('Hi Tuesday,\nHey Siri, call mom.\nHi Mom,\nDear Landlords,\nHappy Holidays,')).toEqual([]);
    expect(names('I ordered the Hello Kitty, My Melody and more')).toEqual([]);
    expect(names("Dear Ms O'Brien,\nHi D'Angelo,")).toEqual(["O'Brien", "D'Angelo"]);
    expect(names('> Hi Daniel,\n> thanks')).toEqual(['Daniel']);
  });

  it('finds a name a cue gave wherever the text mentions it again, and its given name where it stands as a word', () => {
    expect(names('我叫邵文斌。\n后续请邵文斌跟进，文斌说周五前回复。')).toEqual(['邵文斌', '邵文斌', '文斌']);
    expect(names('My name is Tina Wu.\nTina Wu will call back; thanks, Tina Wu')).toEqual([
      'Tina Wu',
      'Tina Wu',
      'Tina Wu',
    ]);
    // A two-character name only as a word of its own; a surname alone is never looked for again.
    expect(names('联系人：高峰\n晚高峰期间请勿来电，高峰说的')).toEqual(['高峰', '高峰']);
    expect(names('王先生您好，王府井店')).toEqual(['王']);
    // A Latin name as whole words, with its capital.
    expect(names('Dear Tina,\nTinas and tina are not her; Tina is.')).toEqual(['Tina', 'Tina']);
    // A first name found alone takes the surname written after it elsewhere; a given name the title after it.
    expect(names('Hi Sarah,\nSarah Miller: ok')).toEqual(['Sarah', 'Sarah Miller']);
    expect(names('业主刘海涛，\n海涛哥好')).toEqual(['刘海涛', '海涛']);
    expect(names('Chair: Helen Ward\nHelen: Backlog is down.\nHelena agrees')).toEqual(['Helen Ward', 'Helen']);
    expect(names('My name is Mark Lee.\nMark the date, please.')).toEqual(['Mark Lee']);
    // A given name that is a word too stays a word where no name stands (`建国以来`, `今年夏天`, `申请成功`).
    expect(names('我叫王建国。\n新中国建国以来，建国说的')).toEqual(['王建国', '建国']);
    expect(names('我叫夏天。今年夏天很热')).toEqual(['夏天']);
    // A first name alone: not inside a proper noun, nor a place after a preposition; a full name's takes no other word.
    expect(
      names('Chair: Jordan Smith\nJordan: ok. The Jordan office, in Jordan, Air Jordan, Jordan-Smith, Jordan Airport'),
    ).toEqual(['Jordan Smith', 'Jordan', 'Jordan']);
  });

  it('finds the names a form or minutes give for who chaired, recorded, handed over or checked, and the lists after them', () => {
    expect(names('主持人：王建国\n记录：李娜\n参会：王建国、李娜、陈俊杰、质检组、售后组')).toEqual([
      '王建国',
      '李娜',
      '王建国',
      '李娜',
      '陈俊杰',
    ]);
    // A list ends at a title or an office, and a name only listed is not sought elsewhere.
    expect(names('参会：王建国、叶总监、李娜\n会后李娜跟进', [], 0.5)).toEqual(['王建国']);
    expect(names('Reported by: Zabbix\nAssignee: Unassigned\nReviewed by: Quality Assurance')).toEqual([]);
    expect(names('交班人：郑晓峰\n接班人：许文静\n复核：周晓梅\n承辦人是張雅婷\n登記人係陳大文，地址')).toEqual([
      '郑晓峰',
      '许文静',
      '周晓梅',
      '張雅婷',
      '陳大文',
    ]);
    expect(
      names('Chair: Helen Ward\nAttendees: Helen Ward, Raj Patel, Support Ops, Anna Lee\nReported by: Lisa Wong'),
    ).toEqual(['Helen Ward', 'Helen Ward', 'Raj Patel', 'Lisa Wong']);
    for (const text of [
      '记录：已回访，客户满意',
      '审核人：待定',
      '参会：质检组、售后组',
      'Approved by: Finance',
      'Present: All',
    ]) {
      expect(names(text)).toEqual([]);
    }
    expect(names('Assigned to: Tier Two\nMinutes: 45\nTaken by: Customer')).toEqual([]);
  });

  it('finds who introduces themselves on a call or in a chat', () => {
    expect(names('Agent: Pacific Wings reservations, Melissa speaking.')).toEqual(['Melissa']);
    expect(names('Agent: Mobile roaming support, Tegan speaking, how can I help?')).toEqual(['Tegan']);
    expect(names('Agent: Hi, this is Daniel from Fraud Support')).toEqual(['Daniel']);
    expect(names('Thank you for calling Harbor Mutual, this is Nadia. May I have your name?')).toEqual(['Nadia']);
    expect(names('Customer: Hi, this is Logan Reid calling about my claim')).toEqual(['Logan Reid']);
    expect(names('this is Beverly speaking')).toEqual(['Beverly']);
    for (const text of [
      'Generally speaking, refunds take a week.',
      'Public speaking is hard',
      'Hi, this is Customer Service.',
      'Hi, this is Chase Bank calling about your account',
      'Thanks, this is Urgent.',
      "This is Sunday's schedule.",
      'So this is Paris.',
      'Who is speaking?',
    ]) {
      expect(names(text)).toEqual([]);
    }
  });

  it('finds a name given with called or named, and a name signed after a dash', () => {
    expect(names('Customer: Yes, a chap called Piotr Nowak from Flowright came')).toEqual(['Piotr Nowak']);
    expect(names('someone named Lisa phoned')).toEqual(['Lisa']);
    expect(names('Thanks, works now. – Priya, DevOps')).toEqual(['Priya']);
    expect(names('to avoid a payout hold. – Sofia Reyes, KYC Analyst')).toEqual(['Sofia Reyes']);
    for (const text of [
      'a company called Acme Corp',
      'an app called WeChat',
      'price – Standard Plan',
      'Refund – Completed',
      'Great. – Thanks',
    ]) {
      expect(names(text)).toEqual([]);
    }
  });

  it('finds a Chinese name romanized in capitals beside its characters or before a passport number', () => {
    expect(names('1. FENG XIAODONG / 冯晓东，护照 E06045642')).toEqual(['FENG XIAODONG', '冯晓东']);
    expect(names('法人：马俊峰 (MA JUNFENG)')).toEqual(['马俊峰', 'MA JUNFENG']);
    expect(names('Passport：ZHONG SIQI，E81430275，valid until 2031')).toEqual(['ZHONG SIQI']);
    for (const text of ['USD CNY 汇率', 'PLEASE NOTE 请注意', 'VIP CARD 会员卡', 'WANG JIANHUA']) {
      expect(names(text)).toEqual([]);
    }
  });

  it('finds a name that opens its line before a document number, and a surname given with 敝姓 or after 畀', () => {
    expect(names('[10:11] Leong Ka Hou: 梁家豪 M10523847\n趙慧敏 M20841166')).toEqual(['梁家豪', '趙慧敏']);
    expect(names('[12/03/2024, 20:15] 陳生: 陳浩霖 K548804(4)')).toEqual(['陳', '陳浩霖']);
    expect(names('订单 A12345678，型号 AB1234567')).toEqual([]);
    expect(names('客服：安康人壽客服中心，敝姓游，很高興為您服務。')).toEqual(['游']);
    expect(names('客服：呢件係寄畀蘇生嘅，收件地址')).toEqual(['蘇']);
  });

  it('finds a surname given with 姓 at low confidence, and a Cantonese relative’s name', () => {
    const surname = (text: string) => detect(text).filter((f) => f.type === 'PERSON_NAME' && f.confidence < 0.5);
    expect(surname('客户：不记得名字了，好像姓蔡，个子高高的').map((f) => f.value)).toEqual(['蔡']);
    expect(surname('楼上租户姓殷，电话18516638220').map((f) => f.value)).toEqual(['殷']);
    expect(names('有个姓王的来过')).toEqual(['王']);
    for (const text of ['老百姓，', '姓名：', '您贵姓？', '姓什么都行']) expect(names(text)).toEqual([]);
    expect(names('呢個戶口之前係我阿爺梁炳坤嘅名')).toEqual(['梁炳坤']);
    expect(names('我係佢個仔Jacky Lam，電話+852 9471 6000')).toEqual(['Jacky Lam']);
  });

  it('finds Tibetan, Mongolian and Uyghur names made of two parts or more', () => {
    expect(names('护士：请问是扎西顿珠的家属吗？')).toEqual(['扎西顿珠']);
    expect(names('家属：是的，我是他女儿央金卓玛。')).toEqual(['央金卓玛']);
    expect(names('借款人：乌云其其格 15010219990225')).toEqual(['乌云其其格']);
    expect(names('社区的帕提古丽说会处理')).toEqual(['帕提古丽']);
    expect(names('扎西德勒！欢迎来到拉萨')).toEqual([]);
  });

  it('finds transliterated names whose parts a middle dot joins', () => {
    expect(names('受理员：阿依古丽·买买提（工号1207）')).toEqual(['阿依古丽·买买提']);
    expect(names('来电人：我叫艾力江·吐尔逊，住乌鲁木齐')).toEqual(['艾力江·吐尔逊']);
    expect(names('这是约翰·菲茨杰拉德·肯尼迪总统的演讲')).toEqual(['约翰·菲茨杰拉德·肯尼迪']);
    expect(names('理查德·斯托曼说')).toEqual(['理查德·斯托曼']);
    for (const text of [
      '【12345政务服务便民热线·在线咨询】',
      '【康安互联网医院·图文问诊】',
      '阳光少儿英语·武汉光谷校区',
      '阿里·萨比州',
      '班斯卡·比斯特理察州',
    ]) {
      expect(names(text)).toEqual([]);
    }
  });

  it('finds who wrote the message a mail quotes, from the line that introduces the quote', () => {
    expect(names('Thanks!\n\n> On 12 May 2024, Sanne de Vries wrote:\n> Hi, where is my refund?')).toEqual([
      'Sanne de Vries',
    ]);
    expect(names("On Mon, May 12, 2024 at 10:15 AM Sean O'Brien <sean@example.com> wrote:")).toEqual(["Sean O'Brien"]);
    expect(names('在 2024年5月12日 10:00，余婉婷 <yu.wanting@example.cn> 写道：')).toEqual(['余婉婷']);
    expect(names('李娜 <lina@example.cn> 于2024年5月12日周一 上午10:00写道：')).toEqual(['李娜']);
    for (const text of [
      'On May 12, 2024, at 10:15, Support Team <help@example.com> wrote:',
      'On Tue, 4 Jun 2024 at 17:40, Brightline Home <orders@brightline.example> wrote:',
      'On 5 Mar, KYC Verification <kyc@example.com> wrote:',
      '在 2024年3月12日 星期二 14:05，跨境清关组 写道：',
      'He wrote: nothing new',
      '她写道：很好',
    ]) {
      expect(names(text)).toEqual([]);
    }
  });

  it('finds the person a ticket, claim, loan, lease or visit names in its fields', () => {
    expect(names('就诊人：符小婉  女  5岁    家属：符海龙（父亲）13807561129')).toEqual(['符小婉', '符海龙']);
    expect(names('承租方：敖翔  身份证：420106199003071233\n受理员：杜文静')).toEqual(['敖翔', '杜文静']);
    expect(names('借款人：梁思远 担保人：何丽')).toEqual(['梁思远', '何丽']);
    for (const text of [
      '家属：没有吐，精神还行。',
      '驾驶人员需持证上岗',
      '投诉人数较上月下降',
      '受理人员已联系您',
      '家长会在周五',
      '坐席：施工的是哪一户您清楚吗？',
    ]) {
      expect(names(text)).toEqual([]);
    }
  });
});

describe('person name in running text without a cue', () => {
  it.each([
    ['具体让财务孙睿跟您对接，她手机156 1874 2290', '孙睿'],
    ['管社保的是会计刘秀珍，她说材料早就交了', '刘秀珍'],
    ['已多次向保安員陳志輝反映，但至今未見改善', '陳志輝'],
    ['骑车的人叫杜丽娟，腿擦伤了', '杜丽娟'],
    ['住院期间由姐姐东方琳照顾', '东方琳'],
    ['退款超时由陈俊杰对接财务', '陈俊杰'],
  ])('finds a surname and a given name no dictionary word holds in %s, below the policy minimum', (text, name) => {
    const found = detect(text).filter((f) => f.type === 'PERSON_NAME');
    expect(found.map((f) => f.value)).toEqual([name]);
    expect(found[0]!.confidence).toBeLessThan(0.5);
  });

  it.each([
    '周末我们去张家口玩，方便的话高明一点',
    '我要用支付宝付款，余额不够',
    '这张卡的额度是多少？我張信用卡喺日本碌唔到',
    '付款的是我老婆付定金，尾款我来付',
    '现在最担心的是我爸高血糖，您看这个险种能保吗？',
    '离您最近的是金湖路营业厅',
    '主题：张江公寓租赁合同',
    '感谢您对东方航空的支持',
    '已将所使用的线程数从 4 减到 2',
    '格罗宁根\n诺丁汉郡\n阿鲁巴弗罗林\n马尔他',
    '为了永久地选择任一选项',
    '负责人（张江分部）',
  ])('takes no word, place, firm, measure or transliteration for a name in %s', (text) => {
    expect(names(text)).toEqual([]);
  });

  it('keeps the confidence of a name a cue found where the same name stands without one', () => {
    const found = detect('我叫孙睿。财务孙睿跟您对接').filter((f) => f.type === 'PERSON_NAME');
    expect(found.map((f) => [f.value, f.confidence])).toEqual([
      ['孙睿', 0.7],
      ['孙睿', 0.7],
    ]);
  });
});
