import { describe, expect, it } from 'vitest';
import { detectorFor } from '../src/redact/catalogue';
import { detect } from '../src/redact/detect';

const addresses = (text: string) => detect(text).filter((f) => f.type === 'ADDRESS');
const values = (text: string) => addresses(text).map((f) => f.value);

describe('address', () => {
  it.each([
    ['收货地址：上海市浦东新区张江路88号3栋1201室，谢谢', '上海市浦东新区张江路88号3栋1201室'],
    ['我住在广东省深圳市南山区科技园南路15号，周末在家', '广东省深圳市南山区科技园南路15号'],
    ['寄到广东深圳市南山区科技园南路15号', '广东深圳市南山区科技园南路15号'],
    ['北京市朝阳区建国路88号SOHO现代城5号楼1201', '北京市朝阳区建国路88号SOHO现代城5号楼1201'],
    ['浙江省杭州市西湖区文三路478号华星时代广场A座1503室。', '浙江省杭州市西湖区文三路478号华星时代广场A座1503室'],
    ['新疆维吾尔自治区乌鲁木齐市天山区解放北路123号', '新疆维吾尔自治区乌鲁木齐市天山区解放北路123号'],
    ['发到江苏省苏州市吴中区木渎镇金山路8号2幢301', '江苏省苏州市吴中区木渎镇金山路8号2幢301'],
    ['四川省成都市郫都区团结镇宝华村3组12号', '四川省成都市郫都区团结镇宝华村3组12号'],
    ['上海浦东新区张江路88弄5号602', '上海浦东新区张江路88弄5号602'],
    ['邮寄地址：四川省成都市武侯区人民南路四段27号', '四川省成都市武侯区人民南路四段27号'],
    ['地址是广州市天河区体育西路189号城建大厦15楼', '广州市天河区体育西路189号城建大厦15楼'],
  ])('finds the address in %s', (text, address) => {
    expect(values(text)).toEqual([address]);
  });

  it('finds an address after a cue word that starts below the district', () => {
    expect(values('地址：阳光小区3栋2单元501室')).toEqual(['阳光小区3栋2单元501室']);
    expect(values('我家住在幸福家园5号楼2单元301')).toEqual(['幸福家园5号楼2单元301']);
  });

  it('finds a Hong Kong address from its region, and an estate with a block and a floor or room', () => {
    expect(values('請問收據寄去 九龍旺角彌敦道688號旺角中心1期15樓1502室 啱唔啱？')).toEqual([
      '九龍旺角彌敦道688號旺角中心1期15樓1502室',
    ]);
    expect(values('唔啱，搬咗去新界沙田第一城38座21樓F室喇')).toEqual(['新界沙田第一城38座21樓F室']);
    expect(values('香港北角英皇道250號北角城中心18樓D室')).toEqual(['香港北角英皇道250號北角城中心18樓D室']);
    expect(values('由：黃太（荃灣海濱花園3座17樓B室）')).toEqual(['荃灣海濱花園3座17樓B室']);
    expect(values('本人為海濱花園第2座23樓C室業主')).toEqual(['海濱花園第2座23樓C室']);
    expect(values('您好！我是锦绣家园7栋1802室业主')).toEqual(['锦绣家园7栋1802室']);
  });

  it.each(['数据中心2期工程', '香港航班CX123号', '香港城市大學', '新界北區3號巴士', '广场3期开业'])(
    'takes no project phase, flight or bus for a Hong Kong or estate address in %s',
    (text) => {
      expect(values(text)).toEqual([]);
    },
  );

  it('finds a road and house number alone, at medium confidence without a cue', () => {
    const [f] = addresses('我家在幸福路12号，旁边是超市');
    expect(f).toMatchObject({ value: '幸福路12号' });
    expect(f!.confidence).toBeGreaterThanOrEqual(0.5);
    expect(f!.confidence).toBeLessThan(0.9);
  });

  it('is sure of an address that starts at a province, city or district', () => {
    expect(addresses('上海市浦东新区张江路88号')[0]!.confidence).toBeGreaterThanOrEqual(0.85);
  });

  it.each([
    '我住在上海市浦东新区，离公司很近',
    '北京市5号线地铁停运了',
    '3月5号到货，放在1楼前台',
    '订单号123456，市场部3楼会议室',
    '去超市买了3号电池',
    '楼下超市3楼有卖',
    '适合小区3栋的住户',
    '这是我们区别于其他品牌的地方，12号发货',
  ])('finds no address in %s', (text) => {
    expect(values(text)).toEqual([]);
  });

  it('masks everything below the district', () => {
    const mask = (text: string) => detectorFor('ADDRESS').mask(addresses(text)[0]!);
    expect(mask('上海市浦东新区张江路88号3栋1201室')).toBe('上海市浦东新区****');
    expect(mask('江苏省苏州市吴中区木渎镇金山路8号')).toBe('江苏省苏州市吴中区****');
    expect(mask('地址：阳光小区3栋501室')).toBe('****');
  });

  it('finds full-width numbers with offsets true on the original text', () => {
    const text = '地址：上海市浦东新区张江路８８号３栋';
    const [f] = addresses(text);
    expect(f!.value).toBe('上海市浦东新区张江路８８号３栋');
    expect(text.slice(f!.start, f!.end)).toBe(f!.value);
  });
});

describe('address to the last unit', () => {
  it.each([
    ['我写的地址是河南省郑州市金水区农业路东68号院2号楼1单元702啊', '河南省郑州市金水区农业路东68号院2号楼1单元702'],
    ['香港中環皇后大道中99號中環中心12樓', '香港中環皇后大道中99號中環中心12樓'],
    ['聯絡地址：澳門氹仔哥英布拉街濠景花園第3座12樓C', '澳門氹仔哥英布拉街濠景花園第3座12樓C'],
    ['地址：天津市南开区鞍山西道326号华苑小区12-3-401', '天津市南开区鞍山西道326号华苑小区12-3-401'],
    ['常住地址：越秀区北京路521号世纪华庭29栋4单元1502室', '越秀区北京路521号世纪华庭29栋4单元1502室'],
    ['装机地址：广东省深圳市南山区科苑路120号幸福里20号楼1602室', '广东省深圳市南山区科苑路120号幸福里20号楼1602室'],
    ['台中市西屯區台灣大道三段99號12樓之3', '台中市西屯區台灣大道三段99號12樓之3'],
    ['通訊地址：香港九龍油麻地窩打老道38號文華閣15樓B室', '香港九龍油麻地窩打老道38號文華閣15樓B室'],
    ['收货地址写的是江汉区新华路789号15楼1506', '江汉区新华路789号15楼1506'],
  ])('reads a side of the road, 第, a neighbourhood’s dashed number, 之 and a flat letter in %s', (text, address) => {
    expect(values(text)).toEqual([address]);
  });

  it.each(['中山路北1号门口集合。', '地铁2号线换乘', '上海市第3期第2组', '阳光小区3-5年'])(
    'takes no gate, metro line, phase or score for an address in %s',
    (text) => {
      expect(values(text)).toEqual([]);
    },
  );

  it('stops at the room: a year after it is no part of the address', () => {
    expect(values('您名下房产上海市浦东新区锦绣路1888弄6号1402室2024年第四季度物业费')).toEqual([
      '上海市浦东新区锦绣路1888弄6号1402室',
    ]);
  });
});

describe('address in English', () => {
  it.each([
    [
      'Please courier it to 4821 Maple Crest Lane, Unit 7, Austin, TX 78745-1203. Thank you!',
      '4821 Maple Crest Lane, Unit 7, Austin, TX 78745-1203',
    ],
    ['The refund cheque went to 1290 W 43rd St, Chicago, IL 60609 last month', '1290 W 43rd St, Chicago, IL 60609'],
    ['New address: 17B Carlton Terrace, Islington, London N1 8QD', '17B Carlton Terrace, Islington, London N1 8QD'],
    [
      'Send the card to Flat 3, 52 Holloway Road, Manchester M14 6PT please',
      'Flat 3, 52 Holloway Road, Manchester M14 6PT',
    ],
    [
      '客户：地址 Room 2105, 21/F, Block C, 9 Tai Koo Wan Road, Quarry Bay, Hong Kong',
      'Room 2105, 21/F, Block C, 9 Tai Koo Wan Road, Quarry Bay, Hong Kong',
    ],
    [
      'Deliver to Blk 218 Bedok North Street 1, #04-221, Singapore 460218.',
      'Blk 218 Bedok North Street 1, #04-221, Singapore 460218',
    ],
    ['Our store is at 63 Serangoon Avenue 2, Singapore 556130, open daily', '63 Serangoon Avenue 2, Singapore 556130'],
    [
      'Shipping to 905 Riverbend Pkwy NE, Suite 310, Atlanta, GA 30328',
      '905 Riverbend Pkwy NE, Suite 310, Atlanta, GA 30328',
    ],
  ])('finds the street address in %s', (text, address) => {
    expect(values(text)).toEqual([address]);
  });

  it('finds an address written over two lines when the second ends in a postcode', () => {
    expect(values('Kind regards,\nMaria\n27 Elmwood Close\nLeeds LS6 2QB')).toEqual([
      '27 Elmwood Close\nLeeds LS6 2QB',
    ]);
  });

  it('stops at the end of the sentence, not in the text after it', () => {
    expect(values('We posted it to 88 Harbour View Road, Sai Kung. It arrives Monday.')).toEqual([
      '88 Harbour View Road, Sai Kung',
    ]);
    expect(values('Mailed to 14 Ocean Drive, Thanks for checking')).toEqual(['14 Ocean Drive']);
    expect(values('送到 6 Shouson Hill Road，谢谢')).toEqual(['6 Shouson Hill Road']);
  });

  it('finds units and a building without a street only right after an address cue', () => {
    expect(values('收货地址：Flat 9C, Block 4, Kingsford Gardens, Sha Tin；麻烦尽快')).toEqual([
      'Flat 9C, Block 4, Kingsford Gardens, Sha Tin',
    ]);
    expect(values('ship to: Apt. 14D, Tower 3, Ocean Shores')).toEqual(['Apt. 14D, Tower 3, Ocean Shores']);
    expect(values('Flat 9C, Block 4, Kingsford Gardens, Sha Tin')).toEqual([]);
  });

  it('is surer of a full street address than of a lone street line, and of either than of units alone', () => {
    const [full] = addresses('It went to 31 Pemberton Road, Leeds LS2 9JT, as asked');
    const [lone] = addresses('It went to 31 Pemberton Road, as asked');
    const [units] = addresses('收件地址：Flat 2A, Tower 6, Seaview Court');
    expect(full!.confidence).toBeGreaterThanOrEqual(0.8);
    expect(lone!.confidence).toBeLessThan(full!.confidence);
    expect(units!.confidence).toBeCloseTo(0.7);
  });

  it.each([
    'Version 2 Road map is due next week',
    'There is room for improvement in Suite 5 of tests',
    'Room for improvement: 38 Road',
    'I upgraded to Windows 11 Home last night',
    'We sold 3 Main Street shops and 1 Google Drive plan',
    'Order 12 Ocean Drive candles from the catalogue',
    'Please see page 4 Close Encounters for details',
    'Ticket #4521 is open, Level 3 Support Way is the team name',
    'Your card 5301 1409 9300 9066 ends in 9066',
    'Call me on +44 7400 564253 after 5 pm',
    'Floor 3 Tower B is being renovated',
    'In Hong Kong 2024 was a good year',
    'Issue No. 12 Road Safety is out',
    'ticket No. 88 Status: open',
    'Rotring 12 pens and Schlüsselring 3 keys',
    'Ring 5 and Weg 3',
  ])('finds no address in %s', (text) => {
    expect(values(text)).toEqual([]);
  });

  it.each([
    [
      'SOHO C座1208室 Room 1208, Tower C, Bund SOHO, 88 East Zhongshan No.2 Road, Huangpu District, Shanghai 200002',
      'Room 1208, Tower C, Bund SOHO, 88 East Zhongshan No.2 Road, Huangpu District, Shanghai 200002',
    ],
    [
      'Office: No. 1000 Lujiazui Ring Road, Pudong New Area, Shanghai',
      'No. 1000 Lujiazui Ring Road, Pudong New Area, Shanghai',
    ],
  ])(
    'finds a mainland address in English, its road numbered (No.2) and its house number after No. in %s',
    (text, address) => {
      expect(values(text)).toEqual([address]);
    },
  );

  it('finds a German-style address, the house number after the street; a street line alone only by its unmistakable type', () => {
    expect(values('My address: Hohenzollernstraße 14, 80801 München, Germany, phone +49 89 2')).toEqual([
      'Hohenzollernstraße 14, 80801 München, Germany',
    ]);
    expect(values('Send it to Hauptstrasse 5a, 10115 Berlin.')).toEqual(['Hauptstrasse 5a, 10115 Berlin']);
    expect(values('Mühlenweg 7, 50667 Köln')).toEqual(['Mühlenweg 7, 50667 Köln']);
    expect(values('Die Bahnhofstraße 1 ist gesperrt')).toEqual(['Bahnhofstraße 1']);
    expect(values('Kurfürstendamm 21 hat geöffnet')).toEqual([]);
    // The street's name identifies a home as much as the number: the mask shows neither.
    const [f] = addresses('Hohenzollernstraße 14, 80801 München');
    expect(detectorFor('ADDRESS').mask(f!)).toBe('****');
  });

  it('normalizes to lower case with spaces collapsed', () => {
    expect(addresses('Mail to 12  Baker Street,\tLondon NW1 6XE')[0]!.normalized).toBe(
      '12 baker street, london nw1 6xe',
    );
  });

  it('masks all but a leading designator, and a leading number too', () => {
    const mask = (text: string) => detectorFor('ADDRESS').mask(addresses(text)[0]!);
    expect(mask('地址：Flat 12C, 7 Robinson Road, Mid-Levels')).toBe('Flat ****');
    expect(mask('Send to 221 Larch Avenue, Boise, ID 83702')).toBe('****');
    expect(mask('收件地址：#07-12, Tower 2, Marina Bay')).toBe('****');
  });

  it('finds full-width text with offsets true on the original text', () => {
    const text = '地址：Ｆｌａｔ ５Ａ，１２ Ｐｅｄｄｅｒ Ｓｔｒｅｅｔ，Ｃｅｎｔｒａｌ';
    const [f] = addresses(text);
    expect(f!.value).toBe('Ｆｌａｔ ５Ａ，１２ Ｐｅｄｄｅｒ Ｓｔｒｅｅｔ，Ｃｅｎｔｒａｌ');
    expect(text.slice(f!.start, f!.end)).toBe(f!.value);
    expect(detectorFor('ADDRESS').mask(f!)).toBe('Ｆｌａｔ ****');
  });

  it('leaves the Chinese address next to an English one as it was', () => {
    const found = addresses('旧地址上海市浦东新区张江路88号3栋1201室，新地址 Flat 1A, 3 Ho Man Tin Street, Kowloon');
    expect(found.map((f) => [f.value, f.confidence])).toEqual([
      ['上海市浦东新区张江路88号3栋1201室', 0.95],
      ['Flat 1A, 3 Ho Man Tin Street, Kowloon', 0.9],
    ]);
  });
});
