/** One record of a delimited text file, with the line it starts on (a quoted newline makes it span more). */
export interface CsvRecord {
  line: number;
  cells: string[];
}

export interface CsvRecords {
  records: CsvRecord[];
  /** Lines that could not be read as a record, with why. */
  unread: { line: number; message: string }[];
  delimiter: string;
}

const DELIMITERS = [',', ';', '\t', '|'] as const;
export const DELIMITER_NAMES = new Map<string, string>([
  [',', 'comma'],
  [';', 'semicolon'],
  ['\t', 'tab'],
  ['|', 'pipe'],
]);

/**
 * Splits delimited text into records, RFC 4180 style, keeping the line each starts on: quoted
 * cells may hold delimiters, doubled quotes and newlines; a quote inside an unquoted cell is kept
 * as a character (HR titles hold them: 5" pipe fitter). A quote opened and never closed would
 * swallow the rest of the file, so its line is reported unread and reading starts again on the
 * next line. The delimiter is the commonest of comma, semicolon, tab and pipe outside quotes on
 * the first line, as Excel writes semicolons where the comma is a decimal mark.
 */
export function readCsvRecords(text: string): CsvRecords {
  const delimiter = sniffDelimiter(text);
  const records: CsvRecord[] = [];
  const unread: CsvRecords['unread'] = [];
  let at = 0;
  let line = 1;
  while (at < text.length) {
    const scanned = scanRecord(text, at, line, delimiter);
    if (scanned.unclosed) {
      unread.push({
        line,
        message: `a quote opened on line ${line} is never closed; the line is left unread and reading goes on from the next`,
      });
      at = nextLine(text, at);
      line += 1;
      continue;
    }
    records.push({ line, cells: scanned.cells });
    at = scanned.at;
    line = scanned.line;
  }
  return { records, unread, delimiter };
}

function sniffDelimiter(text: string): string {
  const counts = new Map<string, number>(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && counts.has(ch)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  }
  let best = ',';
  for (const d of DELIMITERS) if ((counts.get(d) ?? 0) > (counts.get(best) ?? 0)) best = d;
  return best;
}

/** The offset after the end of the line starting at `at` (past its \r\n, \n or \r). */
function nextLine(text: string, at: number): number {
  let i = at;
  while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++;
  return text[i] === '\r' && text[i + 1] === '\n' ? i + 2 : i + 1;
}

const QUOTE = 0x22;
const CR = 0x0d;
const LF = 0x0a;

/**
 * One record from `start`: cells are sliced from the text, not built a character at a time, so a
 * 50 MB file reads in a second or two and its cells hold no more memory than their text.
 */
function scanRecord(
  text: string,
  start: number,
  startLine: number,
  delimiter: string,
): { cells: string[]; at: number; line: number; unclosed: boolean } {
  const cells: string[] = [];
  const d = delimiter.charCodeAt(0);
  let i = start;
  let line = startLine;
  for (;;) {
    let cell: string;
    if (text.charCodeAt(i) === QUOTE) {
      // A quoted cell: runs between quotes, a doubled quote as one, newlines kept as \n.
      const parts: string[] = [];
      let from = i + 1;
      for (;;) {
        const close = text.indexOf('"', from);
        if (close < 0) return { cells, at: text.length, line, unclosed: true };
        parts.push(text.slice(from, close));
        if (text.charCodeAt(close + 1) === QUOTE) {
          parts.push('"');
          from = close + 2;
          continue;
        }
        i = close + 1;
        break;
      }
      cell = parts.join('');
      if (cell.includes('\r') || cell.includes('\n')) {
        line += (cell.match(/\r\n|\r|\n/g) ?? []).length;
        cell = cell.replace(/\r\n?/g, '\n');
      }
      // Text after the closing quote, before the delimiter, is kept as written (lenient, as spreadsheets are).
      const rest = i;
      while (i < text.length && !isEnd(text.charCodeAt(i), d)) i++;
      if (i > rest) cell += text.slice(rest, i);
    } else {
      const from = i;
      while (i < text.length && !isEnd(text.charCodeAt(i), d)) i++;
      cell = text.slice(from, i);
    }
    cells.push(cell);
    const c = text.charCodeAt(i);
    if (c === d) {
      i++;
      continue;
    }
    if (c === CR) i += text.charCodeAt(i + 1) === LF ? 2 : 1;
    else if (c === LF) i++;
    return { cells, at: i, line: line + 1, unclosed: false };
  }
}

function isEnd(c: number, delimiter: number): boolean {
  return c === delimiter || c === LF || c === CR;
}
