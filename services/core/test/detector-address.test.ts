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
