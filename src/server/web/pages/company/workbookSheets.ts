import type { CatalogTable } from '../../../../company/readCatalogFile.js';

/** A string as `quote()` writes it: JSON. */
const QUOTED = /"(?:[^"\\]|\\.)*"/g;

/**
 * A workbook's sheets as its dry run names them, the one read first. The plan states them only in
 * its reading note (`XLSX, sheet "Jobs": …; also in the workbook: "About", "Lookups"`), so they are
 * read back from it; a CSV has none. A name `quote()` shortened (over 80 characters; Excel allows
 * 31) is left out rather than offered wrong.
 */
export function workbookSheets(table: Pick<CatalogTable, 'format' | 'notes'>): {
  read: string;
  others: string[];
} | null {
  const note = table.notes[0];
  if (table.format !== 'XLSX' || !note?.startsWith('XLSX, sheet ')) return null;
  const names = (text: string) =>
    [...text.matchAll(QUOTED)].map((m) => JSON.parse(m[0]) as string).filter((n) => !n.endsWith('…'));
  const [read] = names(/^"(?:[^"\\]|\\.)*"/.exec(note.slice('XLSX, sheet '.length))?.[0] ?? '');
  const also = note.indexOf('; also in the workbook: ');
  if (read === undefined) return null;
  return { read, others: also < 0 ? [] : names(note.slice(also)) };
}
