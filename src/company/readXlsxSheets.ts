import { CanonError, quote } from '../core/errors.js';
import { unzipWithin, type ZipLimits } from '../core/zipArchive.js';

/** A range of merged cells, 0-based and inclusive. */
export interface MergedRange {
  ref: string;
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface XlsxSheet {
  name: string;
  hidden: boolean;
  /** Each row with its number in the sheet (1-based, as Excel shows it); rows with no cells are left out. */
  rows: { line: number; cells: string[] }[];
  /** Merged ranges; every cell of one holds its first cell's value in `rows`. */
  merged: MergedRange[];
  /** Formula cells: their cached value is in `rows`, the formula itself only here, never evaluated. */
  formulas: { line: number; column: number; formula: string; cached: boolean }[];
}

/**
 * What a workbook may inflate to. A catalog of a few hundred thousand rows is a few hundred MB
 * of sheet XML at most; past that a zip bomb is the likelier reading, and memory the cost.
 */
export const XLSX_LIMITS: ZipLimits = {
  kind: 'XLSX workbook',
  entries: 5_000,
  entryBytes: 200 * 1024 * 1024,
  totalBytes: 200 * 1024 * 1024,
};

/**
 * The sheets of an XLSX workbook as rows of text, in the workbook's order. Only the parts that
 * hold cells are inflated (the workbook, its relationships, the shared strings and the sheets),
 * counted against `XLSX_LIMITS` as they inflate. A cell reads as Excel shows its stored value:
 * shared and inline strings, numbers as stored, TRUE/FALSE, error codes (#REF!); a formula cell
 * reads as its cached value and is never evaluated.
 */
export async function readXlsxSheets(bytes: Uint8Array, label: string): Promise<XlsxSheet[]> {
  const parts = await unzipWithin(bytes, label, XLSX_LIMITS, (name) =>
    /^xl\/(?:workbook\.xml|_rels\/workbook\.xml\.rels|sharedStrings\.xml|worksheets\/[^/]+\.xml)$/i.test(
      name,
    ),
  );
  const text = (name: string) => {
    const entry = [...parts].find(([n]) => n.toLowerCase() === name.toLowerCase())?.[1];
    return entry ? new TextDecoder('utf-8').decode(entry) : null;
  };
  const workbook = text('xl/workbook.xml');
  const rels = text('xl/_rels/workbook.xml.rels');
  if (workbook === null || rels === null)
    throw new CanonError(
      'invalid_input',
      `${label} is a zip but not an XLSX workbook (it has no xl/workbook.xml).`,
    );
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<(?:\w+:)?Relationship\b([^>]*)\/?>/g)) {
    const a = attributes(m[1] ?? '');
    const id = a.get('Id');
    const target = a.get('Target');
    if (id && target) targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }
  const shared = readSharedStrings(text('xl/sharedStrings.xml') ?? '');
  const sheets: XlsxSheet[] = [];
  for (const m of workbook.matchAll(/<(?:\w+:)?sheet\b([^>]*)\/?>/g)) {
    const a = attributes(m[1] ?? '');
    const name = a.get('name') ?? `Sheet${sheets.length + 1}`;
    const rid = [...a].find(([k]) => k === 'r:id' || k.endsWith(':id'))?.[1];
    const path = rid ? targets.get(rid) : undefined;
    const xml = path ? text(path) : null;
    if (xml === null)
      throw new CanonError(
        'invalid_input',
        `${label}: the sheet ${quote(name)} is listed but its part is missing.`,
      );
    sheets.push({ name, hidden: (a.get('state') ?? 'visible') !== 'visible', ...readSheet(xml, shared) });
  }
  return sheets;
}

function readSheet(xml: string, shared: readonly string[]): Omit<XlsxSheet, 'name' | 'hidden'> {
  const data = /<(?:\w+:)?sheetData\b[^>]*>([\s\S]*?)<\/(?:\w+:)?sheetData>/.exec(xml)?.[1] ?? '';
  const grid = new Map<number, string[]>();
  const formulas: XlsxSheet['formulas'] = [];
  let rowNumber = 0;
  for (const row of data.matchAll(/<(?:\w+:)?row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?row>)/g)) {
    const r = Number(attributes(row[1] ?? '').get('r'));
    rowNumber = Number.isInteger(r) && r > 0 ? r : rowNumber + 1;
    const cells: string[] = [];
    let column = -1;
    for (const c of (row[2] ?? '').matchAll(/<(?:\w+:)?c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?c>)/g)) {
      const a = attributes(c[1] ?? '');
      const ref = a.get('r');
      column = ref ? columnIndex(ref) : column + 1;
      const inner = c[2] ?? '';
      const value = cellValue(a.get('t') ?? 'n', inner, shared);
      while (cells.length < column) cells.push('');
      cells[column] = value;
      const f = /<(?:\w+:)?f\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?f>)/.exec(inner);
      if (f)
        formulas.push({
          line: rowNumber,
          column,
          formula: f[1] !== undefined ? `=${decodeXml(f[1])}` : '(a shared formula)',
          cached: /<(?:\w+:)?v\b/.test(inner) || /<(?:\w+:)?is\b/.test(inner),
        });
    }
    if (cells.length) grid.set(rowNumber, cells);
  }
  const merged = [...xml.matchAll(/<(?:\w+:)?mergeCell\b[^>]*\bref="([A-Z]+\d+):([A-Z]+\d+)"/g)].map((m) =>
    mergedRange(m[1] ?? 'A1', m[2] ?? 'A1'),
  );
  fillMerged(grid, merged);
  const rows = [...grid].sort(([a], [b]) => a - b).map(([line, cells]) => ({ line, cells }));
  return { rows, merged, formulas };
}

/** Gives every cell of a merged range its first cell's value, within the rows and columns that hold data. */
function fillMerged(grid: Map<number, string[]>, merged: readonly MergedRange[]): void {
  let lastRow = 0;
  let width = 0;
  for (const [line, cells] of grid) {
    lastRow = Math.max(lastRow, line);
    width = Math.max(width, cells.length);
  }
  for (const m of merged) {
    const value = grid.get(m.top + 1)?.[m.left] ?? '';
    if (value === '') continue;
    for (let r = m.top; r <= Math.min(m.bottom, lastRow - 1); r++) {
      const cells = grid.get(r + 1) ?? [];
      for (let c = m.left; c <= Math.min(m.right, width - 1); c++) {
        while (cells.length < c) cells.push('');
        if ((cells[c] ?? '') === '') cells[c] = value;
      }
      grid.set(r + 1, cells);
    }
  }
}

function cellValue(type: string, inner: string, shared: readonly string[]): string {
  if (type === 'inlineStr')
    return richText(/<(?:\w+:)?is\b[^>]*>([\s\S]*?)<\/(?:\w+:)?is>/.exec(inner)?.[1] ?? '');
  const v = /<(?:\w+:)?v\b[^>]*>([\s\S]*?)<\/(?:\w+:)?v>/.exec(inner)?.[1];
  if (v === undefined) return '';
  const raw = decodeXml(v);
  if (type === 's') return shared[Number(raw)] ?? '';
  if (type === 'b') return raw === '1' ? 'TRUE' : 'FALSE';
  return raw;
}

function readSharedStrings(xml: string): string[] {
  return [...xml.matchAll(/<(?:\w+:)?si\b[^>]*>([\s\S]*?)<\/(?:\w+:)?si>|<(?:\w+:)?si\b[^>]*\/>/g)].map((m) =>
    richText(m[1] ?? ''),
  );
}

/** A string item's text: its runs' <t> joined, phonetic guides (<rPh>) left out. */
function richText(xml: string): string {
  const withoutPhonetic = xml.replace(/<(?:\w+:)?rPh\b[\s\S]*?<\/(?:\w+:)?rPh>/g, '');
  return [...withoutPhonetic.matchAll(/<(?:\w+:)?t\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?t>)/g)]
    .map((t) => decodeXml(t[1] ?? ''))
    .join('');
}

function attributes(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of text.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g))
    out.set(m[1] ?? '', decodeXml(m[2] ?? m[3] ?? ''));
  return out;
}

/** XML's entities and character references, and OOXML's _xHHHH_ escapes of control characters. */
function decodeXml(text: string): string {
  return text
    .replace(/&(?:#x([0-9a-fA-F]+)|#(\d+)|(amp|lt|gt|quot|apos));/g, (_, hex, dec, name) => {
      if (hex) return String.fromCodePoint(Number.parseInt(hex, 16));
      if (dec) return String.fromCodePoint(Number(dec));
      return ENTITIES.get(name) ?? '';
    })
    .replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex) => String.fromCharCode(Number.parseInt(hex, 16)));
}

const ENTITIES = new Map([
  ['amp', '&'],
  ['lt', '<'],
  ['gt', '>'],
  ['quot', '"'],
  ['apos', "'"],
]);

/** "C12" → 2 (0-based column). */
function columnIndex(ref: string): number {
  let n = 0;
  for (const ch of /^[A-Z]+/.exec(ref.toUpperCase())?.[0] ?? 'A') n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

function mergedRange(from: string, to: string): MergedRange {
  const row = (ref: string) => Number(/\d+$/.exec(ref)?.[0] ?? '1') - 1;
  return {
    ref: `${from}:${to}`,
    top: row(from),
    left: columnIndex(from),
    bottom: row(to),
    right: columnIndex(to),
  };
}
