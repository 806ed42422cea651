import { Policy } from '@custodian/schemas';
import { describe, expect, it } from 'vitest';
import { detect } from '../src/redact/detect';
import { redactText } from '../src/redact/redact-text';

const operators = (op: 'mask' | 'label') => Policy.parse({ operators: { URL_CREDENTIALS: op } }).operators;
const redact = (text: string, op: 'mask' | 'label' = 'mask') =>
  redactText(text, detect(text), operators(op), () => 'tok');

describe('URL credentials detector', () => {
  it('finds the userinfo of a URL and only that', () => {
    expect(detect('数据库 postgres://app:s3cr3t@db.internal:5432/main 连不上')).toMatchObject([
      { type: 'URL_CREDENTIALS', value: 'app:s3cr3t', normalized: 'app:s3cr3t', confidence: 1 },
    ]);
  });

  it('keeps the scheme and host readable under the mask and label operators', () => {
    expect(redact('try https://admin:pa%40ss@example.com/x')).toBe('try https://***:***@example.com/x');
    expect(redact('try https://admin:pa%40ss@example.com/x', 'label')).toBe('try https://[凭据]@example.com/x');
  });

  it('takes a password with an unencoded @ whole, and a bare token or an empty user', () => {
    expect(detect('ftp://bob:p@ss@files.example.com/').map((f) => f.value)).toEqual(['bob:p@ss']);
    expect(detect('git clone https://ghp_abc123@github.com/o/r.git').map((f) => f.value)).toEqual(['ghp_abc123']);
    expect(detect('redis://:hunter2@cache:6379').map((f) => f.value)).toEqual([':hunter2']);
    // An unencoded `#`, as people paste passwords: still the password's, not a fragment's.
    expect(detect('postgresql://crm_admin:Hx#2024db!@10.1.2.3:5432/crm').map((f) => f.value)).toContain(
      'crm_admin:Hx#2024db!',
    );
    expect(detect('https://example.com/#frag@x').map((f) => f.type)).not.toContain('URL_CREDENTIALS');
    expect(detect('see https://example.com#team@Home now').map((f) => f.type)).not.toContain('URL_CREDENTIALS');
  });

  it('wins over an email address read into password@host', () => {
    expect(detect('https://user:secret@mail.example.com').map((f) => f.type)).toEqual(['URL_CREDENTIALS']);
  });

  it('ignores URLs without userinfo and addresses outside URLs', () => {
    expect(detect('https://example.com/a@b and see https://example.com?mail=a@b.com').map((f) => f.type)).toEqual([
      'EMAIL',
    ]);
    expect(detect('https://example.com，联系a@b.com').map((f) => f.type)).toEqual(['EMAIL']);
  });

  it('finds full-width text with true offsets', () => {
    const text = 'ｈｔｔｐｓ：／／ｕ：ｐ＠ｈｏｓｔ．ｃｎ';
    const [f] = detect(text);
    expect(f).toMatchObject({ type: 'URL_CREDENTIALS', normalized: 'u:p', value: 'ｕ：ｐ' });
  });
});
