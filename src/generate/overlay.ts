import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { type DataProblem, formatProblem } from '../builtin/dataProblem.js';
import { parseDataFile } from '../builtin/parseDataFile.js';
import { CanonError } from '../core/errors.js';
import { findLevel } from '../core/levels.js';

const focusKey = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'a focus key: lower-case words joined by hyphens');
const socCode = z.string().regex(/^\d{2}-\d{4}$/, 'a SOC 2018 detailed code like 29-1141');
const levelCode = z.string().refine((c) => findLevel(c) !== undefined, 'a level code such as S2, P1 or M1');

const overlaySchema = z
  .object({
    rename: z.array(z.object({ focus: focusKey, name: z.string().min(1) }).strict()).default([]),
    merge: z
      .array(
        z
          .object({ into: focusKey, focuses: z.array(focusKey).min(1), name: z.string().min(1).optional() })
          .strict(),
      )
      .default([]),
    split: z
      .array(
        z.object({ key: focusKey, name: z.string().min(1), occupations: z.array(socCode).min(1) }).strict(),
      )
      .default([]),
    move: z
      .array(z.object({ occupation: socCode, to: focusKey, level: levelCode.optional() }).strict())
      .default([]),
    function: z.array(z.object({ focus: focusKey, function: focusKey }).strict()).default([]),
  })
  .strict();

/**
 * Human edits to the generated grouping (data/overlay.yaml): rename a focus,
 * merge focuses, split occupations out into a new focus, move an occupation
 * (optionally fixing its entry level) and place a focus in another function.
 * Focuses are named by key, which never changes when a focus is renamed.
 */
export interface Overlay {
  file: string;
  renames: { focus: string; name: string }[];
  merges: { into: string; focuses: string[]; name?: string | undefined }[];
  splits: { key: string; name: string; occupations: string[] }[];
  moves: { occupation: string; to: string; level?: string | undefined }[];
  functions: { focus: string; function: string }[];
  /** The line of a field, for problems found after parsing (an unknown focus key). */
  lineOf: (path: readonly PropertyKey[]) => number | null;
}

export const EMPTY_OVERLAY: Overlay = {
  file: '(none)',
  renames: [],
  merges: [],
  splits: [],
  moves: [],
  functions: [],
  lineOf: () => null,
};

/** Parses an overlay file; every problem is reported with file:line, the field and what was expected. */
export function parseOverlay(file: string, text: string): Overlay {
  const problems: DataProblem[] = [];
  const parsed = parseDataFile(file, text.trim() === '' ? '{}' : text, overlaySchema, problems);
  if (!parsed.ok) throw overlayError(file, problems);
  const v = parsed.value;
  for (const m of v.merge) {
    if (m.name) v.rename.push({ focus: m.into, name: m.name });
  }
  return {
    file,
    renames: v.rename,
    merges: v.merge,
    splits: v.split,
    moves: v.move,
    functions: v.function,
    lineOf: parsed.lineOf,
  };
}

export async function readOverlay(path: string): Promise<Overlay> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return EMPTY_OVERLAY;
    throw new CanonError('invalid_data', `Cannot read the overlay ${path}: ${(error as Error).message}`, {
      cause: error,
    });
  }
  return parseOverlay(path, text);
}

export function overlayError(file: string, problems: DataProblem[]): CanonError {
  return new CanonError(
    'invalid_data',
    `The overlay ${file} is invalid:\n  ${problems.map(formatProblem).join('\n  ')}`,
    {
      details: { problems },
    },
  );
}
