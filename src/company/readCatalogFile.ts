import { CanonError, quote } from '../core/errors.js';
import { decodeText } from './decodeText.js';
import { isCatalogHeader, normalizeHeader } from './guessColumns.js';
import { looksLikeFormula } from './looksLikeFormula.js';
import { DELIMITER_NAMES, readCsvRecords } from './readCsvRecords.js';
import { type MergedRange, readXlsxSheets, type XlsxSheet } from './readXlsxSheets.js';

/**
 * The largest catalog read: 50 MB. A file is read whole (the match needs every row twice: once to
 * infer the grade table, once to use it), so the limit bounds memory; a larger export is refused
 * before it is read, with a way on (split it, or drop columns Canon does not use).
 */
export const MAX_CATALOG_BYTES = 50 * 1024 * 1024;

/** One data row: its cells, as many as the header has, and where it is in the file. */
export interface CatalogRow {
  /** The line the row starts on (CSV), or its row number in the sheet (XLSX). */
  line: number;
  cells: string[];
}

/** A remark on one line of the file: one that could not be read, or one read with a caveat. */
export interface LineNote {
  line: number;
  message: string;
}

export interface CatalogTable {
  file: string;
  format: 'CSV' | 'XLSX';
  /** What "line" means in this file's notes: a text line, or a sheet's row. */
  unit: 'line' | 'row';
  /** How the file was read: the encoding and delimiter, or the sheet, and why; merged and skipped cells. */
  notes: string[];
  header: string[];
  headerLine: number;
  rows: CatalogRow[];
  /** Lines after the header that could not be read as a row; each is one line of `dataLines`. */
  unread: LineNote[];
  /** Rows read with a caveat: a formula cell, a short row. */
  warnings: LineNote[];
  /** Lines (records) after the header: every one is a row or unread. */
  dataLines: number;
}

export interface ReadCatalogOptions {
  /** The sheet of a workbook to read, by name; otherwise the first whose header names a job title. */
  sheet?: string;
  /**
   * The title's column as the user names it (--map title=…): the header is the first row holding
   * that name (any first row of two cells or more, for a column number "#3"), whatever its spelling.
   */
  titleColumn?: string;
  maxBytes?: number;
}

/** How many rows above the header a file may have (a title banner, an export date). */
const HEADER_SEARCH = 20;

/**
 * Reads a job catalog or HRIS export — CSV in any of the encodings exports come in, or an XLSX
 * workbook — into a header and rows with their line numbers. Every line after the header is
 * accounted for: a row, or unread with why (a ragged line, a quote never closed, an empty line).
 * Cells that look like formulas are kept as text and noted; nothing is evaluated.
 */
export async function readCatalogFile(
  bytes: Uint8Array,
  file: string,
  options: ReadCatalogOptions = {},
): Promise<CatalogTable> {
  const max = options.maxBytes ?? MAX_CATALOG_BYTES;
  if (bytes.length > max)
    throw new CanonError(
      'too_large',
      `${file} is ${megabytes(bytes.length)}; Canon reads catalogs of up to ${megabytes(max)}. Split the file, or leave out columns Canon does not use.`,
    );
  if (bytes.length === 0) throw new CanonError('invalid_input', `${file} is empty.`);
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]))
    return readWorkbook(bytes, file, options.sheet, headerTest(options.titleColumn));
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0]))
    throw new CanonError(
      'invalid_input',
      `${file} is a legacy Excel (.xls) workbook, which Canon does not read; save it as .xlsx or CSV.`,
    );
  if (options.sheet !== undefined)
    throw new CanonError('invalid_input', `--sheet applies to XLSX workbooks; ${file} is a text file.`);
  return readCsv(bytes, file, headerTest(options.titleColumn));
}

/** How the header row is told, and in words for a file that has none. */
interface HeaderTest {
  test: (cells: readonly string[]) => boolean;
  naming: string;
}

function headerTest(titleColumn: string | undefined): HeaderTest {
  if (titleColumn === undefined) return { test: isCatalogHeader, naming: 'naming a job title' };
  if (/^#\d+$/.test(titleColumn.trim()))
    return { test: (cells) => cells.filter((c) => c.trim()).length >= 2, naming: 'of two cells or more' };
  const wanted = normalizeHeader(titleColumn);
  return {
    test: (cells) => cells.some((c) => normalizeHeader(c) === wanted),
    naming: `holding ${quote(titleColumn)}`,
  };
}

function readCsv(bytes: Uint8Array, file: string, isHeader: HeaderTest): CatalogTable {
  const decoded = decodeText(bytes, file);
  const { records, unread, delimiter } = readCsvRecords(decoded.text);
  const notes = [
    `CSV, ${decoded.encoding} (${decoded.reason}), ${DELIMITER_NAMES.get(delimiter) ?? quote(delimiter)}-separated`,
  ];
  const at = headerIndex(
    records.slice(0, HEADER_SEARCH).map((r) => r.cells),
    isHeader,
  );
  if (at < 0)
    throw new CanonError(
      'invalid_input',
      `${file} has no header line ${isHeader.naming} in its first ${HEADER_SEARCH} lines; the first line is ${quote(records[0]?.cells.join(delimiter) ?? '')}. Name the title's column with --map title=COLUMN.`,
    );
  const headerRecord = records[at] as (typeof records)[number];
  const header = headerRecord.cells.map((c) => c.trim());
  if (at > 0)
    notes.push(
      `${plural(at, 'line')} above the header left out (${above(records.slice(0, at).map((r) => r.cells))})`,
    );
  const table = tableOf(
    file,
    'CSV',
    'line',
    header,
    headerRecord.line,
    records.slice(at + 1),
    unread.filter((u) => u.line > headerRecord.line),
    true,
  );
  return { ...table, notes: [...notes, ...table.notes] };
}

async function readWorkbook(
  bytes: Uint8Array,
  file: string,
  wanted: string | undefined,
  isHeader: HeaderTest,
): Promise<CatalogTable> {
  const sheets = await readXlsxSheets(bytes, file);
  const names = sheets.map((s) => quote(s.name)).join(', ');
  let sheet: XlsxSheet | undefined;
  let why: string;
  if (wanted !== undefined) {
    sheet = sheets.find((s) => s.name.trim().toLowerCase() === wanted.trim().toLowerCase());
    if (!sheet)
      throw new CanonError(
        'invalid_input',
        `${file} has no sheet ${quote(wanted)}; its sheets are ${names}.`,
      );
    why = 'named with --sheet';
  } else {
    sheet = sheets.find(
      (s) =>
        !s.hidden &&
        headerIndex(
          s.rows.slice(0, HEADER_SEARCH).map((r) => r.cells),
          isHeader,
        ) >= 0,
    );
    if (!sheet)
      throw new CanonError(
        'invalid_input',
        `No sheet of ${file} has a header ${isHeader.naming} in its first ${HEADER_SEARCH} rows; its sheets are ${names}. Name one with --sheet NAME and its title column with --map title=COLUMN.`,
      );
    const before = sheets.slice(0, sheets.indexOf(sheet)).map((s) => quote(s.name));
    why = before.length
      ? `the first sheet with a header ${isHeader.naming} (${before.join(', ')} ${before.length === 1 ? 'has' : 'have'} none)`
      : `the first sheet, with a header ${isHeader.naming}`;
  }
  const others = sheets.filter((s) => s !== sheet).map((s) => quote(s.name));
  const notes = [
    `XLSX, sheet ${quote(sheet.name)}: ${why}${others.length ? `; also in the workbook: ${others.join(', ')}` : ''}`,
  ];
  const grid = sheet.rows.slice(0, HEADER_SEARCH).map((r) => r.cells);
  const at = headerIndex(grid, isHeader);
  const headerRow = sheet.rows[at];
  if (!headerRow)
    throw new CanonError(
      'invalid_input',
      `The sheet ${quote(sheet.name)} of ${file} has no header ${isHeader.naming} in its first ${HEADER_SEARCH} rows. Name its title column with --map title=COLUMN.`,
    );
  const header = withGroupNames(
    headerRow.cells.map((c) => c.trim()),
    sheet.rows[at - 1],
    headerRow.line,
    sheet.merged,
  );
  if (at > 0) notes.push(`${plural(at, 'row')} above the header left out (${above(grid.slice(0, at))})`);
  if (sheet.merged.length)
    notes.push(
      `merged cells ${sheet.merged
        .slice(0, 8)
        .map((m) => m.ref)
        .join(
          ', ',
        )}${sheet.merged.length > 8 ? ` and ${sheet.merged.length - 8} more` : ''} read as their first cell's value in every cell they cover`,
    );
  const formulaNotes = sheet.formulas
    .filter((f) => f.line > headerRow.line)
    .map((f) => ({
      line: f.line,
      message: f.cached
        ? `the cell in column ${quote(header[f.column] ?? `#${f.column + 1}`)} is a formula (${quote(f.formula)}); its cached value is read, the formula never run`
        : `the cell in column ${quote(header[f.column] ?? `#${f.column + 1}`)} is a formula (${quote(f.formula)}) with no cached value; it reads as empty, the formula never run`,
    }));
  // A sheet's rows are numbered with gaps (empty rows are not stored); each stored row is one line.
  const table = tableOf(file, 'XLSX', 'row', header, headerRow.line, sheet.rows.slice(at + 1), [], false);
  return {
    ...table,
    notes: [...notes, ...table.notes],
    warnings: [...formulaNotes, ...table.warnings].sort((a, b) => a.line - b.line),
  };
}

/**
 * Rows after the header as the catalog's rows, or unread: an empty line, or a line with more
 * cells than the header (a comma left unquoted in a title shifts every cell after it, so nothing
 * on the line can be trusted). A shorter line is read with its missing cells empty; in CSV that
 * is noted, in a sheet it is how empty trailing cells are stored.
 */
function tableOf(
  file: string,
  format: CatalogTable['format'],
  unit: CatalogTable['unit'],
  header: string[],
  headerLine: number,
  records: readonly { line: number; cells: string[] }[],
  unreadBefore: readonly LineNote[],
  noteShort: boolean,
): CatalogTable {
  const rows: CatalogRow[] = [];
  const unread: LineNote[] = [...unreadBefore];
  const warnings: LineNote[] = [];
  const width = header.length;
  for (const { line, cells } of records) {
    let last = cells.length;
    while (last > 0 && (cells[last - 1] ?? '').trim() === '') last--;
    if (last === 0) {
      unread.push({ line, message: 'empty line' });
      continue;
    }
    if (last > width) {
      unread.push({
        line,
        message: `${last} cells where the header has ${width} (a delimiter inside an unquoted cell?); not read`,
      });
      continue;
    }
    if (noteShort && cells.length < width)
      warnings.push({ line, message: `${cells.length} of ${width} cells; the missing ones read as empty` });
    // A full row keeps the array it was read into: a large file's cells are not held twice.
    const padded = cells.length === width ? cells : cells.slice(0, width);
    while (padded.length < width) padded.push('');
    rows.push({ line, cells: padded });
    padded.forEach((cell, column) => {
      if (looksLikeFormula(cell))
        warnings.push({
          line,
          message: `the cell in column ${quote(header[column] ?? `#${column + 1}`)} looks like a formula (${quote(cell)}); kept as text, never run`,
        });
    });
  }
  unread.sort((a, b) => a.line - b.line);
  warnings.sort((a, b) => a.line - b.line);
  const empty = unread.filter((u) => u.message === 'empty line').length;
  return {
    file,
    format,
    unit,
    notes: empty ? [`${plural(empty, 'empty line')} after the header reported, not read`] : [],
    header,
    headerLine,
    rows,
    unread,
    warnings,
    dataLines: rows.length + unread.length,
  };
}

function headerIndex(grid: readonly (readonly string[])[], isHeader: HeaderTest): number {
  return grid.slice(0, HEADER_SEARCH).findIndex((cells) => isHeader.test(cells));
}

/**
 * A header under a row of merged group names ("Job" over "Title" and "Code", "Pay" over "Base" and
 * "Currency") takes the group's name before its own, so "Code" under "Job" reads "Job Code". A
 * banner merged across the whole width (the export's title) is not a group, nor is a cell merged
 * down into the header row.
 */
function withGroupNames(
  header: string[],
  above: { line: number; cells: string[] } | undefined,
  headerLine: number,
  merged: readonly MergedRange[],
): string[] {
  if (!above || above.line !== headerLine - 1) return header;
  const groups = merged.filter(
    (m) =>
      m.top === above.line - 1 &&
      m.bottom === above.line - 1 &&
      m.right > m.left &&
      !(m.left === 0 && m.right >= header.length - 1),
  );
  if (!groups.length) return header;
  return header.map((name, c) => {
    const group = groups.find((m) => m.left <= c && c <= m.right);
    const groupName = group ? (above.cells[c] ?? '').trim() : '';
    return groupName && groupName.toLowerCase() !== name.toLowerCase() ? `${groupName} ${name}`.trim() : name;
  });
}

/** The rows above the header in short, a merged cell's value once. */
function above(grid: readonly (readonly string[])[]): string {
  return grid
    .map((cells) => {
      const filled = cells.map((c) => c.trim()).filter((c, i, all) => c && c !== all[i - 1]);
      return quote(filled.join(' ') || '(empty)', 50);
    })
    .join(', ');
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

function megabytes(n: number): string {
  return `${(n / 1024 / 1024).toLocaleString('en-US', { maximumFractionDigits: 1 })} MB`;
}

function plural(n: number, word: string): string {
  return `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;
}
