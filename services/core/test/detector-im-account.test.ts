import { describe, expect, it } from 'vitest';
import { detectorFor } from '../src/redact/catalogue';
import { detect } from '../src/redact/detect';

const accounts = (text: string) =>
  detect(text)
    .filter((f) => f.type === 'IM_ACCOUNT')
    .map((f) => f.value);

describe('instant-messaging accounts (微信号, QQ号)', () => {
  it('finds a generated WeChat ID anywhere, sure of it without a cue', () => {
    const [f] = detect('请加 wxid_7hq2k4m9p1 拉群');
    expect(f).toMatchObject({ type: 'IM_ACCOUNT', value: 'wxid_7hq2k4m9p1', normalized: 'wxid_7hq2k4m9p1' });
    expect(f!.confidence).toBeGreaterThanOrEqual(0.9);
    expect(accounts('加我WXID_ABCDEF12也行')).toEqual([]); // an upper-case prefix is not how WeChat writes them
  });

  it('finds a custom WeChat ID or a QQ number right after the app name, however it is introduced', () => {
    expect(accounts('客户：加我微信 chen_li2019，发图片给你')).toEqual(['chen_li2019']);
    expect(accounts('我的微信号是：Lily-Wong88')).toEqual(['Lily-Wong88']);
    expect(accounts('我的QQ号码是 3141592653')).toEqual(['3141592653']);
    expect(accounts('qq:271828182，晚上在线')).toEqual(['271828182']);
    expect(accounts('扣扣 16180339')).toEqual(['16180339']);
    expect(accounts('Please add me on WeChat ID: marco_polo7')).toEqual(['marco_polo7']);
    expect(accounts('vx同号，vx: kevin1988')).toEqual(['kevin1988']);
    expect(accounts('客户：我QQ就是642154073，你们加我吧')).toEqual(['642154073']);
    expect(accounts('偏好微信联系：szeto_wh88，不要打手机')).toEqual(['szeto_wh88']);
    expect(accounts('QQ聯繫方式：16180339')).toEqual(['16180339']);
  });

  it('finds a LINE ID after LINE, dots included, and no English line or LINE product', () => {
    expect(accounts('我太太LINE是peishan.lee0606，有問題也可以直接找她')).toEqual(['peishan.lee0606']);
    expect(accounts('LINE ID: kelly_0606')).toEqual(['kelly_0606']);
    expect(accounts('加LINE peishan.lee')).toEqual(['peishan.lee']);
    for (const text of ['LINE Bank 的帳戶', 'LINE Pay', 'Please check line 2024 of the log', 'ONLINE 12345']) {
      expect(accounts(text)).toEqual([]);
    }
  });

  it('finds an ID after 加 when WeChat is named just before, and no bare word', () => {
    expect(accounts('没加我微信的家长请加一下 huangls_2024，作业有问题也可以')).toEqual(['huangls_2024']);
    expect(accounts('请加一下 Lily，谢谢')).toEqual([]);
    expect(accounts('加我 abc_123 吧')).toEqual([]);
    expect(accounts('微信扫码后加一下 iPhone_15 配件群。')).toEqual([]);
    expect(accounts('微信支付失败。加一下 test_2024，也没用')).toEqual([]);
    // The speaker's own ID once the app is named, in the turn before or earlier in the same.
    expect(accounts('客服：加我微信 xiaotianyu_sales\n客户：加你了，我的是 nina-wu_0324，或者 QQ 15839204')).toEqual([
      'xiaotianyu_sales',
      'nina-wu_0324',
      '15839204',
    ]);
    expect(accounts('我的是 abc_123')).toEqual([]);
    expect(accounts('微信支付失败了，我的是 order_2024')).toEqual([]);
    expect(accounts('加了微信，我的是 iPhone_15 手机')).toEqual([]);
  });

  it('finds an ID given as the whole answer to a turn that names the app as a way to reach someone', () => {
    expect(accounts('客服：方便加个微信吗？\n客户：可以，tom_lee88')).toEqual(['tom_lee88']);
    expect(accounts('[10:01] 客服：加个微信方便沟通？\n[10:02] 客户：好的 lily-chen_2020')).toEqual(['lily-chen_2020']);
    expect(accounts('Agent: Could you add us on WeChat?\u2029Customer: Sure, mike_w1990')).toEqual(['mike_w1990']);
    expect(accounts('客服：QQ多少？\n客户：微信号是 sun-yan_88')).toEqual(['sun-yan_88']);
    // Not without the app, not after a payment, not a word with no digit, not the start of a longer answer.
    expect(accounts('客服：请提供单号\n客户：好的，ORD-2024001')).toEqual([]);
    expect(accounts('客服：微信支付成功了吗？\n客户：好的，ORD-2024001')).toEqual([]);
    expect(accounts('客服：加个微信吧\n客户：好的 Linda')).toEqual([]);
    expect(accounts('客服：加微信吧\n客户：iPhone_15 还有货吗')).toEqual([]);
    expect(accounts('客服：加微信吧\n客户：sam_2024@example.com')).toEqual([]);
  });

  it('finds nothing without the app name, for groups, payments, words or a phone number', () => {
    expect(accounts('订单号 271828182 已发货')).toEqual([]);
    expect(accounts('已加入QQ群 5566778，群主是我')).toEqual([]);
    expect(accounts('用微信支付了 88 元')).toEqual([]);
    expect(accounts('WeChat Payment failed twice')).toEqual([]);
    expect(accounts('the wxbox1234 toolkit')).toEqual([]);
    expect(accounts('QQ 0123456')).toEqual([]); // QQ numbers never start with 0
    expect(detect('微信同手机号 13812345678').map((f) => f.type)).toEqual(['CN_MOBILE']);
    expect(detect('微信联系 13812345678').map((f) => f.type)).toEqual(['CN_MOBILE']);
    expect(accounts('请用微信联系客服，谢谢')).toEqual([]);
    expect(detect('QQ邮箱 31415926@qq.com').map((f) => f.type)).toEqual(['EMAIL']);
  });

  it('normalizes to lower case, so a search finds the account however it was written', () => {
    expect(detect('微信号 Chen_Li2019').map((f) => f.normalized)).toEqual(['chen_li2019']);
  });

  it('masks all but the first two and the last two characters', () => {
    const [f] = detect('QQ 3141592653');
    expect(detectorFor('IM_ACCOUNT').mask(f!)).toBe('31******53');
    const [short] = detect('QQ 31415');
    expect(detectorFor('IM_ACCOUNT').mask(short!)).toBe('3****');
  });
});
