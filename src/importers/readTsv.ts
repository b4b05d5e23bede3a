import { CanonError, quote } from '../core/errors.js';

export interface TsvSpec<K extends string> {
  /** Field key → header name; every one must be present. */
  required: Record<K, string>;
  /** Field key → header name; absent columns read as ''. */
  optional?: Partial<Record<string, string>>;
}

export interface TsvRow<K extends string> {
  line: number;
  get(key: K | string): string;
}

/**
 * Reads a tab-separated file whose first line names the columns. Columns are
 * found by header name, so releases that add or move columns still read; a
 * missing column or a short row is an error naming the file and the line.
 */
export async function* readTsv<K extends string>(
  file: string,
  lines: AsyncIterable<string>,
  spec: TsvSpec<K>,
): AsyncIterable<TsvRow<K>> {
  let index: Map<string, number> | null = null;
  let width = 0;
  let line = 0;
  for await (const raw of lines) {
    line++;
    const text = line === 1 ? raw.replace(/^\uFEFF/, '') : raw;
    if (index === null) {
      const headers = text.split('\t').map((h) => h.trim());
      const missing = Object.values<string>(spec.required).filter((h) => !headers.includes(h));
      if (missing.length > 0) {
        throw new CanonError(
          'invalid_data',
          `${file}:1: expected the column(s) ${missing.map((m) => quote(m)).join(', ')}; the header has ${headers.map((h) => quote(h)).join(', ')}.`,
        );
      }
      index = new Map();
      for (const [key, header] of [
        ...Object.entries<string>(spec.required),
        ...Object.entries(spec.optional ?? {}),
      ]) {
        const at = headers.indexOf(header ?? '');
        if (at >= 0) index.set(key, at);
      }
      width = Math.max(...[...index.values()]) + 1;
      continue;
    }
    if (text.trim() === '') continue;
    const cells = text.split('\t');
    if (cells.length < width) {
      throw new CanonError(
        'invalid_data',
        `${file}:${line}: expected at least ${width} tab-separated fields, found ${cells.length} — is the file truncated?`,
      );
    }
    const cols = index;
    yield { line, get: (key) => (cols.has(key) ? (cells[cols.get(key) ?? 0] ?? '').trim() : '') };
  }
  if (index === null)
    throw new CanonError('invalid_data', `${file}: the file is empty; expected a header line.`);
}
