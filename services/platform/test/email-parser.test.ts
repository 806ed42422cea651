import { CustodianError } from '@custodian/schemas';
// iconv-lite comes with mailparser; the tests use it only to write GB-encoded messages.
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { createMailparserEmailParser } from '../src/email/mailparser-email-parser';

const parser = createMailparserEmailParser();
const crlf = (lines: string[]) => Buffer.from(lines.join('\r\n'), 'utf8');
const b64Word = (charset: string, text: string) => `=?${charset}?B?${iconv.encode(text, charset).toString('base64')}?=`;
const codes = (problems: Array<{ code: string }>) => problems.map((p) => p.code);

describe('createMailparserEmailParser', () => {
  it('maps addresses (groups flattened), ids, references, subject, date and text', async () => {
    const parsed = await parser.parse(
      crlf([
        'From: "Zhang San" <zhang@example.com>',
        'To: Support: a@corp.example, "Agent B" <b@corp.example>;, solo@corp.example',
        'Cc: c@example.org',
        'Subject: Refund request',
        'Date: Mon, 1 Jan 2024 10:00:00 +0800 (CST)',
        'Message-ID: <m2@example.com>',
        'In-Reply-To: <m1@example.com>',
        'References: <m0@example.com> <m1@example.com>',
        'Content-Type: text/plain; charset=utf-8',
        '',
        'Hello, I would like a refund.',
      ]),
    );
    expect(parsed).toMatchObject({
      messageId: '<m2@example.com>',
      inReplyTo: '<m1@example.com>',
      references: ['<m0@example.com>', '<m1@example.com>'],
      subject: 'Refund request',
      date: '2024-01-01T02:00:00.000Z',
      from: [{ name: 'Zhang San', address: 'zhang@example.com' }],
      to: [
        { name: '', address: 'a@corp.example' },
        { name: 'Agent B', address: 'b@corp.example' },
        { name: '', address: 'solo@corp.example' },
      ],
      cc: [{ name: '', address: 'c@example.org' }],
      attachments: [],
      problems: [],
    });
    expect(parsed.text.trim()).toBe('Hello, I would like a refund.');
  });

  it('returns a single reference as a one-element list', async () => {
    const parsed = await parser.parse(crlf(['From: a@b.example', 'References: <only@x>', '', 'hi']));
    expect(parsed.references).toEqual(['<only@x>']);
  });

  it('decodes a GB18030 body, a GB18030 subject and a GBK sender name without problems', async () => {
    const body = '您好，我想申请退款，订单号 12345。谢谢！𠀀';
    const raw = Buffer.concat([
      crlf([
        `From: ${b64Word('GBK', '张三')} <zhang@example.com>`,
        'To: support@corp.example',
        `Subject: ${b64Word('GB18030', '退款申请')}`,
        'Date: Mon, 1 Jan 2024 10:00:00 +0800',
        'Content-Type: text/plain; charset=GB18030',
        'Content-Transfer-Encoding: 8bit',
        '',
        '',
      ]),
      iconv.encode(body, 'gb18030'),
    ]);
    const parsed = await parser.parse(raw);
    expect(parsed.subject).toBe('退款申请');
    expect(parsed.from).toEqual([{ name: '张三', address: 'zhang@example.com' }]);
    expect(parsed.text.trim()).toBe(body);
    expect(parsed.problems).toEqual([]);
  });

  it('decodes a GB2312 body with base64 transfer encoding', async () => {
    const body = '请问什么时候发货？';
    const parsed = await parser.parse(
      crlf([
        'From: kehu@example.com',
        'Content-Type: text/plain; charset="gb2312"',
        'Content-Transfer-Encoding: base64',
        '',
        iconv.encode(body, 'gb2312').toString('base64'),
      ]),
    );
    expect(parsed.text.trim()).toBe(body);
    expect(parsed.problems).toEqual([]);
  });

  it('reads text labelled GB2312 that uses GB18030-only characters as GB18030, and says so', async () => {
    const body = '客户姓名：𠀀𠀁，电话已核实';
    const parsed = await parser.parse(
      Buffer.concat([
        crlf([
          'From: kehu@example.com',
          `Subject: ${b64Word('GB18030', '投诉𠀀').replace('GB18030', 'gb2312')}`,
          'Content-Type: text/plain; charset=gb2312',
          'Content-Transfer-Encoding: 8bit',
          '',
          '',
        ]),
        iconv.encode(body, 'gb18030'),
      ]),
    );
    expect(parsed.text.trim()).toBe(body);
    expect(parsed.subject).toBe('投诉𠀀');
    expect(codes(parsed.problems)).toEqual(['W_CHARSET_RELABELLED']);
  });

  it('records an unknown charset instead of failing', async () => {
    const parsed = await parser.parse(
      Buffer.concat([
        crlf([
          'From: a@b.example',
          'Content-Type: text/plain; charset=x-made-up',
          'Content-Transfer-Encoding: 8bit',
          '',
          '',
        ]),
        iconv.encode('退款', 'gb18030'),
      ]),
    );
    expect(codes(parsed.problems)).toEqual(['W_CHARSET_UNKNOWN']);
    expect(parsed.problems[0]?.message).toContain('x-made-up');
  });

  it('keeps the text and attachments of a multipart message whose closing boundary is missing', async () => {
    const pdf = Buffer.from('%PDF-1.4\n%test\n');
    const parsed = await parser.parse(
      crlf([
        'From: a@b.example',
        'Subject: truncated',
        'Content-Type: multipart/mixed; boundary="XYZ"',
        '',
        '--XYZ',
        'Content-Type: text/plain; charset=utf-8',
        '',
        'the body survives',
        '--XYZ',
        'Content-Type: application/pdf; name="invoice.pdf"',
        'Content-Disposition: attachment; filename="invoice.pdf"',
        'Content-Transfer-Encoding: base64',
        '',
        pdf.toString('base64'),
        '',
      ]),
    );
    expect(parsed.text.trim()).toBe('the body survives');
    expect(parsed.attachments).toHaveLength(1);
    expect(parsed.attachments[0]).toMatchObject({
      filename: 'invoice.pdf',
      contentType: 'application/pdf',
      size: pdf.length,
    });
    expect(parsed.attachments[0]?.content).toBeInstanceOf(Uint8Array);
    expect(Buffer.from(parsed.attachments[0]!.content).equals(pdf)).toBe(true);
    expect(codes(parsed.problems)).toEqual(['W_MIME_BROKEN']);
  });

  it('leaves the date out and records a problem when the Date header is unreadable', async () => {
    const parsed = await parser.parse(crlf(['From: a@b.example', 'Date: sometime last week', '', 'x']));
    expect(parsed.date).toBeUndefined();
    expect(codes(parsed.problems)).toEqual(['W_DATE_INVALID']);
  });

  it('leaves the date out when there is no Date header', async () => {
    const parsed = await parser.parse(crlf(['From: a@b.example', '', 'x']));
    expect(parsed.date).toBeUndefined();
  });

  it('derives the text from the HTML part when there is no text part', async () => {
    const parsed = await parser.parse(
      crlf([
        'From: a@b.example',
        'Content-Type: text/html; charset=utf-8',
        '',
        '<p>您好 <b>world</b></p><p>second line</p>',
      ]),
    );
    expect(parsed.text).toContain('您好 world');
    expect(parsed.text).toContain('second line');
    expect(parsed.text).not.toContain('<p>');
  });

  it('records an empty message as a problem and returns empty fields', async () => {
    const parsed = await parser.parse(new Uint8Array(0));
    expect(parsed).toMatchObject({ subject: '', text: '', from: [], to: [], cc: [], references: [], attachments: [] });
    expect(codes(parsed.problems)).toEqual(['W_EMPTY_MESSAGE']);
  });

  it('fails with E_MIME_UNPARSEABLE, not retryable, when mailparser cannot read the message at all', async () => {
    const raw = Buffer.from(`Subject: ${'x'.repeat(3_000_000)}\r\n\r\nbody`);
    const err = await parser.parse(raw).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CustodianError);
    expect(err).toMatchObject({ code: 'E_MIME_UNPARSEABLE', retryable: false });
  });
});
