import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { inspectMailHeaders } from '../src';

const BAD = join(import.meta.dirname, '../../../test/fixtures/mail/bad');

describe('inspectMailHeaders', () => {
  it('reads a folded Message-ID with its angle brackets', () => {
    const raw = Buffer.from('From: a@qq.com\r\nMessage-ID:\r\n <abc.123@qq.com>\r\nSubject: x\r\n\r\nbody\r\n');
    expect(inspectMailHeaders(raw)).toEqual({ ok: true, messageId: '<abc.123@qq.com>' });
  });

  it('does not read a Message-ID line from the body', () => {
    const raw = Buffer.from('From: a@qq.com\n\nMessage-ID: <in-body@x>\n');
    expect(inspectMailHeaders(raw)).toEqual({ ok: true, messageId: undefined });
  });

  it('accepts a message without Message-ID and Date', () => {
    expect(inspectMailHeaders(readFileSync(join(BAD, 'no-message-id-no-date.eml')))).toEqual({
      ok: true,
      messageId: undefined,
    });
  });

  it('refuses an empty file, a binary file and a text file that is not mail, with a reason', () => {
    expect(inspectMailHeaders(readFileSync(join(BAD, 'empty.eml')))).toEqual({ ok: false, reason: 'empty file' });
    const binary = inspectMailHeaders(readFileSync(join(BAD, 'binary-blob.eml')));
    expect(binary.ok).toBe(false);
    expect(inspectMailHeaders(Buffer.from('name: value\nother: thing\n\ntext\n'))).toMatchObject({ ok: false });
    expect(inspectMailHeaders(Buffer.from('\n\nFrom: a@b\n'))).toMatchObject({ ok: false });
  });

  it('accepts broken MIME and unknown charsets: the worker reports those', () => {
    expect(inspectMailHeaders(readFileSync(join(BAD, 'broken-mime.eml')))).toEqual({
      ok: true,
      messageId: '<broken.mime.1@163.com>',
    });
    expect(inspectMailHeaders(readFileSync(join(BAD, 'unknown-charset.eml')))).toMatchObject({ ok: true });
  });
});
