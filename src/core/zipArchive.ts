import { Readable } from 'node:stream';
import { createInflateRaw } from 'node:zlib';
import { CanonError, quote } from './errors.js';

/**
 * What one kind of zip may hold once inflated. The sizes a zip's directory
 * states are never trusted — a zip bomb states small ones — so bytes are
 * counted as they inflate, and inflating stops at the first byte over.
 */
export interface ZipLimits {
  /** What the archive is, for messages: "DOCX file", "zip archive". */
  kind: string;
  entries: number;
  entryBytes: number;
  totalBytes: number;
}

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated: the only two methods DOCX writers and O*NET use. */
  method: number;
  /** The entry's bytes as stored in the archive. */
  data: Uint8Array;
}

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
// zlib's default 16 KB chunks cost a round trip each: a megabyte inflates six times faster and is nothing to hold.
const CHUNK = 1024 * 1024;

/** The selected entries' inflated bytes, by name, refused (too_large) past `limits`. */
export async function unzipWithin(
  bytes: Uint8Array,
  label: string,
  limits: ZipLimits,
  keep: (name: string) => boolean = () => true,
): Promise<Map<string, Uint8Array>> {
  const out = new Map<string, Uint8Array>();
  await inflateWithin(bytes, label, limits, keep, true, (entry, chunks) =>
    out.set(entry.name, chunks.length === 1 && chunks[0] ? chunks[0] : Buffer.concat(chunks)),
  );
  return out;
}

/**
 * Inflates every selected entry once, keeping nothing, to refuse an archive
 * past `limits` before anything reads it; returns the entries by name for
 * `entryStream` to inflate again when they are read.
 */
export async function checkZip(
  bytes: Uint8Array,
  label: string,
  limits: ZipLimits,
  keep: (name: string) => boolean,
): Promise<ZipEntry[]> {
  const checked: ZipEntry[] = [];
  await inflateWithin(bytes, label, limits, keep, false, (entry) => checked.push(entry));
  return checked;
}

/** One entry's inflated bytes as a stream; nothing is kept, so every call inflates it again. */
export function entryStream(entry: ZipEntry): Readable {
  const raw = Readable.from([entry.data], { objectMode: false });
  return entry.method === 0 ? raw : raw.pipe(createInflateRaw({ chunkSize: CHUNK }));
}

async function inflateWithin(
  bytes: Uint8Array,
  label: string,
  limits: ZipLimits,
  keep: (name: string) => boolean,
  /** False to count the bytes only: nothing of the entry is kept. */
  hold: boolean,
  done: (entry: ZipEntry, chunks: Uint8Array[]) => void,
): Promise<void> {
  const mb = (n: number) => `${Math.round(n / 1024 / 1024).toLocaleString('en-US')} MB`;
  let total = 0;
  for (const entry of zipEntries(bytes, label, limits)) {
    if (!keep(entry.name)) continue;
    const chunks: Uint8Array[] = [];
    let size = 0;
    const stream = entryStream(entry);
    try {
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        size += chunk.length;
        total += chunk.length;
        if (size > limits.entryBytes)
          throw new CanonError(
            'too_large',
            `${quote(label)} is too large once unzipped: ${quote(entry.name)} inflates to more than ${mb(limits.entryBytes)}, and one file in a ${limits.kind} may be at most ${mb(limits.entryBytes)}.`,
          );
        if (total > limits.totalBytes)
          throw new CanonError(
            'too_large',
            `${quote(label)} is too large once unzipped: it inflates to more than ${mb(limits.totalBytes)} (reached at ${quote(entry.name)}), and a ${limits.kind} may hold at most ${mb(limits.totalBytes)}.`,
          );
        if (hold) chunks.push(chunk);
      }
    } catch (cause) {
      stream.destroy();
      if (cause instanceof CanonError) throw cause;
      throw new CanonError(
        'invalid_input',
        `${quote(label)} is not a readable ${limits.kind}: ${quote(entry.name)} does not inflate (${(cause as Error).message}).`,
        { cause },
      );
    }
    done(entry, chunks);
  }
}

/**
 * The entries the central directory lists — the directory, not the local
 * headers, is what other readers (mammoth's JSZip) go by — none inflated yet.
 */
function zipEntries(bytes: Uint8Array, label: string, limits: ZipLimits): ZipEntry[] {
  const broken = (why: string) =>
    new CanonError('invalid_input', `${quote(label)} is not a readable ${limits.kind}: ${why}.`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // Offsets come from the file: one past its end reads as -1, which no check accepts.
  const u16 = (at: number) => (at >= 0 && at + 2 <= bytes.length ? view.getUint16(at, true) : -1);
  const u32 = (at: number) => (at >= 0 && at + 4 <= bytes.length ? view.getUint32(at, true) : -1);
  // The end record is the last 22 bytes, or sits before a comment of up to 64 KB.
  let end = bytes.length - 22;
  const first = Math.max(0, end - 0xffff);
  while (end >= first && u32(end) !== END_OF_DIRECTORY) end--;
  if (end < first) throw broken('it has no zip directory');
  const count = u16(end + 10);
  let at = u32(end + 16);
  if (count === 0xffff || at === 0xffffffff) throw broken('it is a ZIP64 archive, which Canon does not read');
  if (count > limits.entries)
    throw new CanonError(
      'too_large',
      `${quote(label)} holds ${count.toLocaleString('en-US')} files; a ${limits.kind} may hold at most ${limits.entries.toLocaleString('en-US')}.`,
    );
  const names = new TextDecoder();
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (u32(at) !== DIRECTORY_ENTRY || at + 46 > bytes.length) throw broken('its directory is damaged');
    const flags = u16(at + 8);
    const method = u16(at + 10);
    const size = u32(at + 20);
    const nameLength = u16(at + 28);
    const offset = u32(at + 42);
    const name = names.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    at += 46 + nameLength + u16(at + 30) + u16(at + 32);
    if (size === 0xffffffff || offset === 0xffffffff)
      throw broken('it is a ZIP64 archive, which Canon does not read');
    if (flags & 1) throw broken(`${quote(name)} is encrypted`);
    if (method !== 0 && method !== 8)
      throw broken(
        `${quote(name)} is compressed with method ${method}; Canon reads stored and deflated files`,
      );
    if (u32(offset) !== LOCAL_HEADER) throw broken(`${quote(name)} is not where the directory says`);
    const start = offset + 30 + u16(offset + 26) + u16(offset + 28);
    if (start + size > bytes.length) throw broken(`${quote(name)} runs past the end of the archive`);
    entries.push({ name, method, data: bytes.subarray(start, start + size) });
  }
  return entries;
}
