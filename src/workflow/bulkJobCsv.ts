import { MAX_JOB_BYTES, MAX_JOB_ROWS } from '../core/bulkJob.js';
import { CanonError } from '../core/errors.js';
import { type CsvRecord, CsvRows, countLineFeeds } from './csvRows.js';

/**
 * A bulk job's CSV read as it streams in, in batches (the records each piece of the body
 * completes): the header first, then every row with the line it starts on. Refuses, naming the line, bytes that are not UTF-8, a NUL character (PostgreSQL cannot store
 * one), a row whose cell count differs from the header's, and quotes out of place (csvRows.ts);
 * refuses a file over MAX_JOB_BYTES or MAX_JOB_ROWS as too large. Blank lines are not rows.
 */
export async function* readJobCsv(
  body: AsyncIterable<Uint8Array>,
  source: string,
): AsyncGenerator<CsvRecord[]> {
  const csv = new CsvRows(source);
  let width = -1;
  let rows = 0;
  const check = (found: CsvRecord[]) => {
    for (const { record, line } of found) {
      if (width < 0) {
        width = record.length;
        continue;
      }
      if (++rows > MAX_JOB_ROWS)
        throw new CanonError(
          'too_large',
          `${source} has more than ${MAX_JOB_ROWS.toLocaleString('en-US')} rows; a bulk job may have up to that many. Split the file.`,
        );
      if (record.length !== width)
        throw new CanonError(
          'invalid_input',
          `${source}:${line}: the row has ${record.length} cells; the header has ${width}. Quote cells that hold a comma.`,
        );
    }
    return found;
  };
  for await (const text of decodeStrictly(body, source)) yield check(csv.push(text));
  yield check(csv.end());
}

/** Decodes UTF-8 strictly, counting lines so that a refusal can name the line that holds the bad bytes. */
async function* decodeStrictly(body: AsyncIterable<Uint8Array>, source: string): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let line = 1;
  let bytes = 0;
  // The last three bytes read: a character cut by the network (into two pieces or more) starts there.
  let tail: Uint8Array = new Uint8Array(0);
  const refuse = (at: number) =>
    new CanonError(
      'invalid_input',
      `${source}:${at}: the file is not UTF-8 text; save it as UTF-8 (in Excel: "CSV UTF-8") and send it again.`,
    );
  for await (const piece of body) {
    bytes += piece.byteLength;
    if (bytes > MAX_JOB_BYTES)
      throw new CanonError(
        'too_large',
        `${source} is over ${MAX_JOB_BYTES / 1024 / 1024} MB; a bulk job may be up to that. Split the file.`,
      );
    let text: string;
    try {
      text = decoder.decode(piece, { stream: true });
    } catch {
      throw refuse(lineOfBadByte(tail, piece, line));
    }
    const nul = text.indexOf('\0');
    if (nul >= 0)
      throw new CanonError(
        'invalid_input',
        `${source}:${line + countLineFeeds(text.slice(0, nul))}: the file holds a NUL character, which is not text.`,
      );
    line += countLineFeeds(text);
    tail = lastBytes(tail, piece, 3);
    if (text) yield text;
  }
  try {
    const rest = decoder.decode();
    if (rest) yield rest;
  } catch {
    throw refuse(line);
  }
  if (bytes === 0)
    throw new CanonError('invalid_input', `${source} is empty; expected a header line and rows.`);
}

function lastBytes(before: Uint8Array, piece: Uint8Array, n: number): Uint8Array {
  if (piece.byteLength >= n) return piece.subarray(piece.byteLength - n);
  const joined = new Uint8Array(Math.min(n, before.byteLength + piece.byteLength));
  joined.set(before.subarray(before.byteLength - (joined.length - piece.byteLength)));
  joined.set(piece, joined.length - piece.byteLength);
  return joined;
}

/**
 * The line of the first bad byte in `piece`, given `line` (the line `piece` starts on) and the
 * last bytes before it, which may begin a character the piece finishes. A line feed is never
 * part of a multi-byte character, so counting 0x0A bytes counts lines.
 */
function lineOfBadByte(tail: Uint8Array, piece: Uint8Array, line: number): number {
  const pending = pendingStart(tail);
  const bytes = new Uint8Array(tail.length - pending + piece.length);
  bytes.set(tail.subarray(pending));
  bytes.set(piece, tail.length - pending);
  const bad = firstBadSequence(bytes);
  let lines = line;
  for (let i = 0; i < bad; i++) if (bytes[i] === 0x0a) lines++;
  return lines;
}

/** Where an unfinished character at the end of `tail` starts (tail.length when there is none). */
function pendingStart(tail: Uint8Array): number {
  for (let i = tail.length - 1; i >= 0; i--) {
    const b = tail[i] ?? 0;
    if (b < 0x80) return tail.length;
    if (b >= 0xc0) return i + sequenceLength(b) > tail.length ? i : tail.length;
  }
  return tail.length;
}

function sequenceLength(lead: number): number {
  return lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : 2;
}

/** The offset of the first byte that does not start a well-formed UTF-8 character (bytes.length when all do). */
function firstBadSequence(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i] ?? 0;
    if (lead < 0x80) {
      i++;
      continue;
    }
    if (lead < 0xc2 || lead > 0xf4) return i;
    // The second byte's range is narrower after E0, ED, F0 and F4: no overlong forms, surrogates or code points past U+10FFFF.
    const low = lead === 0xe0 ? 0xa0 : lead === 0xf0 ? 0x90 : 0x80;
    const high = lead === 0xed ? 0x9f : lead === 0xf4 ? 0x8f : 0xbf;
    const length = sequenceLength(lead);
    for (let k = 1; k < length; k++) {
      const b = bytes[i + k];
      if (b === undefined || b < (k === 1 ? low : 0x80) || b > (k === 1 ? high : 0xbf)) return i;
    }
    i += length;
  }
  return bytes.length;
}
