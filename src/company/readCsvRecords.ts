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

function scanRecord(
  text: string,
  start: number,
  startLine: number,
  delimiter: string,
): { cells: string[]; at: number; line: number; unclosed: boolean } {
  const cells: string[] = [];
  let cell = '';
  let i = start;
  let line = startLine;
  let quoted = false;
  let cellStart = true;
  while (i < text.length) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        continue;
      }
      if (ch === '\r' || ch === '\n') {
        // A newline inside quotes is part of the cell; \r\n and \r are kept as \n.
        line++;
        i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
        cell += '\n';
        continue;
      }
      cell += ch;
      i++;
      continue;
    }
    if (ch === '"' && cellStart) {
      quoted = true;
      cellStart = false;
      i++;
      continue;
    }
    if (ch === delimiter) {
      cells.push(cell);
      cell = '';
      cellStart = true;
      i++;
      continue;
    }
    if (ch === '\r' || ch === '\n') {
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
      cells.push(cell);
      return { cells, at: i, line: line + 1, unclosed: false };
    }
    cell += ch;
    cellStart = false;
    i++;
  }
  if (quoted) return { cells, at: i, line, unclosed: true };
  cells.push(cell);
  return { cells, at: i, line: line + 1, unclosed: false };
}
