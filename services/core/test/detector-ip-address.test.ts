import { Policy } from '@custodian/schemas';
import { describe, expect, it } from 'vitest';
import { detect } from '../src/redact/detect';
import { redactText } from '../src/redact/redact-text';

const ips = (text: string) =>
  detect(text)
    .filter((f) => f.type === 'IP_ADDRESS')
    .map((f) => [f.value, f.normalized]);

describe('IP address detector', () => {
  it('finds IPv4 addresses and CIDR blocks in Chinese and English text', () => {
    expect(ips('客户的IP是203.0.113.45，内网10.0.0.0/8。Gateway (192.168.1.1), mask /33 on 172.16.0.1/33.')).toEqual([
      ['203.0.113.45', '203.0.113.45'],
      ['10.0.0.0/8', '10.0.0.0/8'],
      ['192.168.1.1', '192.168.1.1'],
      ['172.16.0.1', '172.16.0.1'],
    ]);
  });

  it('finds IPv6 in every form and writes it canonically', () => {
    expect(ips('登录地址 2001:0DB8:0000:0000:0000:0000:0000:0001，fe80::1%eth0 与 ::ffff:192.0.2.7')).toEqual([
      ['2001:0DB8:0000:0000:0000:0000:0000:0001', '2001:db8::1'],
      ['fe80::1%eth0', 'fe80::1%eth0'],
      ['::ffff:192.0.2.7', '::ffff:c000:207'],
    ]);
    expect(ips('route 2001:db8::/32 via [2001:db8::1]:8080 or ::1.')).toEqual([
      ['2001:db8::/32', '2001:db8::/32'],
      ['2001:db8::1', '2001:db8::1'],
      ['::1', '::1'],
    ]);
  });

  it('rejects octets above 255, leading zeros and invalid IPv6', () => {
    expect(ips('256.1.1.1 / 192.168.01.1 / 2001:db8::1::2 / 1:2:3:4:5:6:7:8:9 / 12345::1 / ::')).toEqual([]);
  });

  it('does not fire on versions, dotted dates, times, ratios, MAC addresses or C++ scopes', () => {
    const text =
      '版本 1.2.3.4.5，v1.2.3.4，日期 2024.03.07，时间 12:34:56，比例 1:2:3:4，MAC aa:bb:cc:dd:ee:ff，std::cout';
    expect(ips(text)).toEqual([]);
    expect(ips('固件 1.0.3.45，Firmware: 2.1.10.3, version 10.0.0.1, 客户端 SDK 1.12.4.2')).toEqual([]);
  });

  it('is medium confidence alone and higher next to a context word', () => {
    const [alone] = detect('来自 203.0.113.45 的请求');
    const [withWord] = detect('IP地址 203.0.113.45');
    expect(alone!.confidence).toBeLessThan(0.8);
    expect(withWord!.confidence).toBeGreaterThanOrEqual(0.85);
  });

  it('finds full-width text with true offsets', () => {
    const text = 'ＩＰ：２０３．０．１１３．４５。';
    const [f] = detect(text);
    expect(f).toMatchObject({ type: 'IP_ADDRESS', normalized: '203.0.113.45' });
    expect(text.slice(f!.start, f!.end)).toBe('２０３．０．１１３．４５');
  });

  it('masks the host part of the address', () => {
    const text = 'IP 203.0.113.45 / 2001:db8::1';
    expect(redactText(text, detect(text), Policy.parse({}).operators, () => 'tok')).toBe('IP 203.0.*.* / 2001:db8:*');
  });
});
