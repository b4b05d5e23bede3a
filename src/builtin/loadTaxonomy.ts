import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { z } from 'zod';
import { CanonError } from '../core/errors.js';
import type { Taxonomy } from '../core/taxonomy.js';
import { assembleTaxonomy, type DataFiles, type ParsedFile } from './assembleTaxonomy.js';
import { type DataProblem, formatProblem } from './dataProblem.js';
import { focusFileSchema, functionFileSchema, sourcesFileSchema } from './fileSchemas.js';
import { parseDataFile } from './parseDataFile.js';

/**
 * Reads and validates a taxonomy folder (the built-in one is data/): sources.yaml,
 * functions/*.yaml and focuses/*.yaml. Every problem in every file is reported
 * in one error, so a person editing the files fixes them in one pass.
 */
export async function loadTaxonomy(dataDir: string): Promise<Taxonomy> {
  const problems: DataProblem[] = [];
  // Paths inside the working directory are shown relative to it, others in full.
  const display = (path: string) => {
    const rel = relative(process.cwd(), path);
    return rel && !rel.startsWith('..') ? rel : path;
  };

  async function load<S extends z.ZodType>(path: string, schema: S): Promise<ParsedFile<z.output<S>> | null> {
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (error) {
      problems.push({
        file: display(path),
        line: null,
        field: '',
        message: `cannot read: ${(error as Error).message}`,
      });
      return null;
    }
    const parsed = parseDataFile(display(path), text, schema, problems);
    return parsed.ok ? { file: display(path), value: parsed.value, lineOf: parsed.lineOf } : null;
  }

  async function loadFolder<S extends z.ZodType>(
    folder: string,
    schema: S,
  ): Promise<ParsedFile<z.output<S>>[]> {
    const dir = join(dataDir, folder);
    let names: string[];
    try {
      names = (await readdir(dir)).filter((n) => n.endsWith('.yaml') || n.endsWith('.yml')).sort();
    } catch (error) {
      problems.push({
        file: display(dir),
        line: null,
        field: '',
        message: `cannot read folder: ${(error as Error).message}`,
      });
      return [];
    }
    if (names.length === 0)
      problems.push({ file: display(dir), line: null, field: '', message: 'no .yaml files' });
    const files = await Promise.all(names.map((n) => load(join(dir, n), schema)));
    return files.filter((f): f is ParsedFile<z.output<S>> => f !== null);
  }

  const [sources, functions, focuses] = await Promise.all([
    load(join(dataDir, 'sources.yaml'), sourcesFileSchema),
    loadFolder('functions', functionFileSchema),
    loadFolder('focuses', focusFileSchema),
  ]);
  const files: DataFiles | null = sources ? { sources, functions, focuses } : null;
  const taxonomy = files && problems.length === 0 ? assembleTaxonomy(files, problems) : null;
  if (!taxonomy || problems.length > 0) {
    const lines = problems.map(formatProblem);
    throw new CanonError(
      'invalid_data',
      `The taxonomy in ${display(dataDir)} is invalid:\n  ${lines.join('\n  ')}`,
      {
        details: { problems },
      },
    );
  }
  return taxonomy;
}
