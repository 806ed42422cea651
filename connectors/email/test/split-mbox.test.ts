import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { inspectMailHeaders, type MboxMessage, PREAMBLE_SAMPLE, splitMbox } from '../src';

const FIXTURES = join(import.meta.dirname, '../../../test/fixtures/mail');

/** Feeds `bytes` in chunks of `size`, as a file stream would. */
async function* chunks(bytes: Buffer, size = 64 * 1024): AsyncGenerator<Buffer> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

async function split(bytes: Buffer | string, size?: number, opts = {}): Promise<MboxMessage[]> {
  const out: MboxMessage[] = [];
  for await (const m of splitMbox(chunks(Buffer.from(bytes), size), opts)) out.push(m);
  return out;
}

const texts = (ms: MboxMessage[]) => ms.map((m) => m.raw.toString('utf8'));

describe('splitMbox', () => {
  it('splits the sample support mailbox into its 12 messages, each with its Message-ID', async () => {
    const messages = await split(readFileSync(join(FIXTURES, 'sample.mbox')));
    expect(messages).toHaveLength(12);
    expect(messages.map((m) => m.index)).toEqual([...Array(12).keys()]);
    const ids = messages.map((m) => {
      const h = inspectMailHeaders(m.raw);
      return h.ok ? h.messageId : undefined;
    });
    expect(ids[0]).toBe('<tencent_8A1F3C2D9E@qq.com>');
    expect(new Set(ids).size).toBe(12);
    for (const m of messages) expect(m.raw.toString('latin1')).toMatch(/^From: /);
  });

  it('unescapes mboxrd ">From " lines by one level and keeps the message intact', async () => {
    const mbox = [
      'From a@qq.com Mon Mar  3 09:12:45 2025',
      'Subject: one',
      '',
      '>From what I can see, this stays a body line.',
      '>>From here: quoted twice',
      '> From with a space is not an escape',
      '',
      'From b@qq.com Mon Mar  3 09:13:45 2025',
      'Subject: two',
      '',
      'body two',
      '',
    ].join('\n');
    const messages = await split(mbox);
    expect(texts(messages)).toEqual([
      'Subject: one\n\nFrom what I can see, this stays a body line.\n>From here: quoted twice\n> From with a space is not an escape\n',
      'Subject: two\n\nbody two\n',
    ]);
  });

  it('keeps CRLF line ends and drops only the separating blank line', async () => {
    const mbox =
      'From a Mon Mar  3 09:12:45 2025\r\nSubject: one\r\n\r\nbody\r\n\r\nFrom b Mon Mar  3 09:12:46 2025\r\nSubject: two\r\n\r\nbody 2\r\n';
    expect(texts(await split(mbox))).toEqual(['Subject: one\r\n\r\nbody\r\n', 'Subject: two\r\n\r\nbody 2\r\n']);
  });

  it('returns a last message that has no trailing newline', async () => {
    const mbox =
      'From a Mon Mar  3 09:12:45 2025\nSubject: one\n\nbody\n\nFrom b Mon Mar  3 09:12:46 2025\nSubject: two\n\nno newline at the end';
    const messages = await split(mbox);
    expect(texts(messages)[1]).toBe('Subject: two\n\nno newline at the end');
    expect(messages[1]!.end).toBe(Buffer.byteLength(mbox));
  });

  it('leaves an unescaped "From " body line in the body unless a blank line or an asctime date makes it a separator', async () => {
    const mbox =
      'From a Mon Mar  3 09:12:45 2025\nSubject: one\n\nline\nFrom my phone\n\nFrom b Mon Mar  3 09:12:46 2025\nSubject: two\n\nx\n';
    expect(texts(await split(mbox))).toEqual(['Subject: one\n\nline\nFrom my phone\n', 'Subject: two\n\nx\n']);
  });

  it('gives the same messages whatever the chunk size, including one byte at a time', async () => {
    const bytes = readFileSync(join(FIXTURES, 'sample.mbox'));
    const whole = texts(await split(bytes, bytes.length));
    expect(texts(await split(bytes, 1))).toEqual(whole);
    expect(texts(await split(bytes, 7))).toEqual(whole);
  });

  it('reports offsets that resume the split exactly where a message ended', async () => {
    const bytes = readFileSync(join(FIXTURES, 'sample.mbox'));
    const all = await split(bytes);
    const resumeAt = all[4]!.end;
    const rest = await split(bytes.subarray(resumeAt), undefined, { startOffset: resumeAt, startIndex: 5 });
    expect(rest.map((m) => [m.index, m.offset])).toEqual(all.slice(5).map((m) => [m.index, m.offset]));
    expect(texts(rest)).toEqual(texts(all.slice(5)));
  });

  it('returns bytes before the first From line as a preamble, not as a message', async () => {
    const messages = await split('this is not an mbox\nat all\n');
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ preamble: true, index: -1 });
  });

  it('keeps only a sample of a huge preamble, so a binary file is not held in memory', async () => {
    const messages = await split(Buffer.alloc(3 * 1024 * 1024, 0x41));
    expect(messages).toHaveLength(1);
    expect(messages[0]!.preamble).toBe(true);
    expect(messages[0]!.raw.length).toBe(PREAMBLE_SAMPLE);
    expect(messages[0]!.end).toBe(3 * 1024 * 1024);
  });

  it('yields nothing for an empty file', async () => {
    expect(await split('')).toEqual([]);
  });
});
