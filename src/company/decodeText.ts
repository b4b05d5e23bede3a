import { CanonError } from '../core/errors.js';

export type TextEncoding = 'UTF-8' | 'UTF-8 with BOM' | 'UTF-16 LE' | 'UTF-16 BE' | 'Windows-1252';

export interface DecodedText {
  text: string;
  encoding: TextEncoding;
  /** How the encoding was told, for the report: a BOM, the bytes' pattern, or a failed UTF-8 read. */
  reason: string;
}

/**
 * A text file's characters, whatever encoding an HR system or a spreadsheet saved it in. A BOM
 * decides when there is one; UTF-16 without one shows as a zero byte in every other place (text
 * that is mostly ASCII); then UTF-8 if every byte sequence is valid, else Windows-1252, which
 * Excel on Windows writes for "CSV" and which gives every byte a character. Other zero bytes mean
 * the file is not text at all, and it is refused rather than read as noise.
 */
export function decodeText(bytes: Uint8Array, label: string): DecodedText {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return decoded(bytes.subarray(3), 'utf-8', 'UTF-8 with BOM', 'a UTF-8 byte order mark', label);
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    if (bytes[2] === 0 && bytes[3] === 0)
      throw new CanonError(
        'invalid_input',
        `${label} is UTF-32, which Canon does not read; save it as UTF-8.`,
      );
    return decoded(bytes.subarray(2), 'utf-16le', 'UTF-16 LE', 'a UTF-16 LE byte order mark', label);
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return decoded(bytes.subarray(2), 'utf-16be', 'UTF-16 BE', 'a UTF-16 BE byte order mark', label);
  const zeros = zeroBytes(bytes);
  if (zeros.even + zeros.odd > 0) {
    const pairs = Math.floor(Math.min(bytes.length, SNIFF) / 2);
    // ASCII text in UTF-16 has a zero in (nearly) every pair, on one side only.
    if (zeros.odd >= pairs * 0.9 && zeros.even === 0)
      return decoded(
        bytes,
        'utf-16le',
        'UTF-16 LE',
        'no byte order mark; zero bytes in every odd place',
        label,
      );
    if (zeros.even >= pairs * 0.9 && zeros.odd === 0)
      return decoded(
        bytes,
        'utf-16be',
        'UTF-16 BE',
        'no byte order mark; zero bytes in every even place',
        label,
      );
    throw new CanonError(
      'invalid_input',
      `${label} is not a text file (it holds zero bytes); give a CSV or an XLSX workbook.`,
    );
  }
  try {
    return {
      text: new TextDecoder('utf-8', { fatal: true }).decode(bytes),
      encoding: 'UTF-8',
      reason: 'valid UTF-8',
    };
  } catch {
    const at = firstInvalidUtf8(bytes);
    const where =
      at < bytes.length
        ? ` (byte 0x${(bytes[at] ?? 0).toString(16).toUpperCase()} on line ${lineAt(bytes, at)})`
        : '';
    return {
      text: decodeWindows1252(bytes),
      encoding: 'Windows-1252',
      reason: `not valid UTF-8${where}, read as Windows-1252`,
    };
  }
}

/**
 * Windows-1252's characters for bytes 0x80–0x9F, where it differs from Latin-1 (the euro sign, curly
 * quotes, dashes); the five bytes it leaves undefined keep their C1 code points, as WHATWG decodes them.
 * Node 20's TextDecoder('windows-1252') decodes these bytes as Latin-1, so the table is Canon's own.
 */
const CP1252_80_9F = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d,
  0x17d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a,
  0x153, 0x9d, 0x17e, 0x178,
];

function decodeWindows1252(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    .toString('latin1')
    .replace(/[\x80-\x9f]/g, (ch) =>
      String.fromCharCode(CP1252_80_9F[ch.charCodeAt(0) - 0x80] ?? ch.charCodeAt(0)),
    );
}

/** How far the zero-byte pattern is looked for: enough for a header and many rows. */
const SNIFF = 64 * 1024;

function zeroBytes(bytes: Uint8Array): { even: number; odd: number } {
  let even = 0;
  let odd = 0;
  const end = Math.min(bytes.length, SNIFF);
  for (let i = 0; i < end; i++) if (bytes[i] === 0) i % 2 === 0 ? even++ : odd++;
  return { even, odd };
}

function decoded(
  bytes: Uint8Array,
  decoder: string,
  encoding: TextEncoding,
  reason: string,
  label: string,
): DecodedText {
  try {
    return { text: new TextDecoder(decoder, { fatal: true }).decode(bytes), encoding, reason };
  } catch (cause) {
    throw new CanonError(
      'invalid_input',
      `${label} says it is ${encoding} (${reason}) but is not valid ${encoding}.`,
      {
        cause,
      },
    );
  }
}

/** The offset of the first byte that breaks UTF-8 (a lead byte without its continuation, or a stray continuation). */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] ?? 0;
    const need =
      b < 0x80
        ? 0
        : b >= 0xc2 && b <= 0xdf
          ? 1
          : b >= 0xe0 && b <= 0xef
            ? 2
            : b >= 0xf0 && b <= 0xf4
              ? 3
              : -1;
    if (need < 0) return i;
    for (let k = 1; k <= need; k++) if (((bytes[i + k] ?? 0) & 0xc0) !== 0x80) return i;
    i += need + 1;
  }
  return i;
}

function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
  return line;
}
