/** One message cut out of an mbox file. */
export interface MboxMessage {
  /** 0-based position of the message in the file. */
  index: number;
  /** Byte offset of the message's `From ` line. */
  offset: number;
  /** Byte offset just past the message (where the next `From ` line starts, or the end of the file): a resume point. */
  end: number;
  /** The message as it was delivered: `From ` line removed, `>From ` unescaped, the separating blank line removed.
   * For a preamble only its first `PREAMBLE_SAMPLE` bytes (a non-mbox file must not be held in memory whole). */
  raw: Buffer;
  /** Bytes before the first `From ` line: not a message, but the caller must hear about it. */
  preamble: boolean;
}

export interface SplitMboxOptions {
  /** Absolute offset of the first byte `source` yields (resuming mid-file; must be the start of a `From ` line). */
  startOffset?: number;
  /** Index the first message gets (resuming). */
  startIndex?: number;
}

const LF = 0x0a;
const FROM_ = Buffer.from('From ');
/** An asctime-dated `From sender Wed Jan  1 00:00:00 2025` line is a separator even without a blank line before it. */
const FROM_LINE =
  /^From \S+ +(Mon|Tue|Wed|Thu|Fri|Sat|Sun) +(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) +\d{1,2} +\d{1,2}:\d{2}/;
/** mboxrd escapes body lines matching /^>*From / with one more `>`; unescaping removes that one. */
const ESCAPED_FROM = /^>+From /;
/** A line longer than this without a newline is passed on in pieces, so a binary file cannot grow one line forever. */
const MAX_CARRY = 64 * 1024;
/** How much of a preamble is kept: enough to tell blank space from content. */
export const PREAMBLE_SAMPLE = 4096;

/**
 * Splits an mbox stream into messages, holding only the current message in memory.
 * A `From ` line starts a message at the start of the file, after a blank line, or when it carries an asctime date;
 * a body line starting with `From ` elsewhere (mboxo files that did not escape it) stays in the body.
 * Works with LF and CRLF files and a last message without a trailing newline.
 */
export async function* splitMbox(
  source: AsyncIterable<Uint8Array>,
  opts: SplitMboxOptions = {},
): AsyncGenerator<MboxMessage> {
  let index = opts.startIndex ?? 0;
  let carry: Buffer = Buffer.alloc(0);
  let carryOffset = opts.startOffset ?? 0;
  let midLine = false; // the carry continues a line whose start was already passed on
  let atStart = true;
  let prevBlank = false;
  let current: { offset: number; parts: Buffer[]; kept: number; preamble: boolean } | undefined;

  const finish = (end: number): MboxMessage | undefined => {
    if (!current) return undefined;
    const message: MboxMessage = {
      index: current.preamble ? -1 : index,
      offset: current.offset,
      end,
      raw: withoutSeparator(Buffer.concat(current.parts)),
      preamble: current.preamble,
    };
    if (!current.preamble) index += 1;
    current = undefined;
    return message;
  };

  /** Adds message bytes (or a sample of preamble bytes) to the current message, opening a preamble if none is open. */
  const append = (bytes: Buffer, offset: number): void => {
    if (bytes.length === 0) return;
    current ??= { offset, parts: [], kept: 0, preamble: true };
    if (!current.preamble) current.parts.push(bytes);
    else if (current.kept < PREAMBLE_SAMPLE) {
      const sample = bytes.subarray(0, PREAMBLE_SAMPLE - current.kept);
      current.parts.push(sample);
      current.kept += sample.length;
    }
  };

  /** Handles one line that may matter (starts with `F` or `>`), or a piece of a very long line; returns a finished message. */
  const line = (bytes: Buffer, offset: number, continuation: boolean): MboxMessage | undefined => {
    if (!continuation && isSeparator(bytes, atStart || prevBlank)) {
      const done = finish(offset);
      current = { offset, parts: [], kept: 0, preamble: false };
      atStart = false;
      prevBlank = false;
      return done;
    }
    const unescaped = !continuation && bytes[0] === 0x3e && ESCAPED_FROM.test(bytes.subarray(0, 64).toString('latin1'));
    append(unescaped ? bytes.subarray(1) : bytes, offset);
    atStart = false;
    prevBlank = false;
    return undefined;
  };

  for await (const chunk of source) {
    const buf = carry.length === 0 ? Buffer.from(chunk) : Buffer.concat([carry, chunk]);
    let start = 0;
    // Ordinary lines are passed on as one slice per chunk; only lines starting with `F` or `>` are looked at.
    let run = 0;
    for (let nl = buf.indexOf(LF, start); nl >= 0; nl = buf.indexOf(LF, start)) {
      const first = buf[start];
      if (!midLine && (first === 0x46 || first === 0x3e)) {
        append(buf.subarray(run, start), carryOffset + run);
        const done = line(buf.subarray(start, nl + 1), carryOffset + start, false);
        if (done) yield done;
        run = nl + 1;
      } else {
        current ??= { offset: carryOffset + start, parts: [], kept: 0, preamble: true };
        atStart = false;
        prevBlank = !midLine && (nl === start || (nl === start + 1 && first === 0x0d));
      }
      midLine = false;
      start = nl + 1;
    }
    append(buf.subarray(run, start), carryOffset + run);
    carry = buf.subarray(start);
    carryOffset += start;
    if (carry.length > MAX_CARRY) {
      const done = line(carry, carryOffset, midLine);
      if (done) yield done;
      midLine = true;
      carryOffset += carry.length;
      carry = Buffer.alloc(0);
    }
  }
  if (carry.length > 0) {
    const done = line(carry, carryOffset, midLine);
    if (done) yield done;
    carryOffset += carry.length;
  }
  const last = finish(carryOffset);
  if (last) yield last;
}

function isSeparator(bytes: Buffer, mayStart: boolean): boolean {
  if (bytes.length < FROM_.length || bytes.compare(FROM_, 0, FROM_.length, 0, FROM_.length) !== 0) return false;
  return mayStart || FROM_LINE.test(bytes.subarray(0, 200).toString('latin1'));
}

/** Drops the blank line mbox puts between messages (not part of the message itself). */
function withoutSeparator(raw: Buffer): Buffer {
  const n = raw.length;
  if (n >= 4 && raw[n - 4] === 0x0d && raw[n - 3] === LF && raw[n - 2] === 0x0d && raw[n - 1] === LF) {
    return raw.subarray(0, n - 2);
  }
  if (n >= 2 && raw[n - 2] === LF && raw[n - 1] === LF) return raw.subarray(0, n - 1);
  return raw;
}
