import { LineCounter, parseDocument } from 'yaml';
import type { z } from 'zod';
import type { DataProblem } from './dataProblem.js';

export type Parsed<T> =
  | { ok: true; value: T; lineOf: (path: readonly PropertyKey[]) => number | null }
  | { ok: false };

/**
 * Parses YAML text and validates it against a schema. Problems carry the file,
 * the 1-based line of the offending node and the dotted field path, so an
 * editor can jump straight to the mistake.
 */
export function parseDataFile<S extends z.ZodType>(
  file: string,
  text: string,
  schema: S,
  problems: DataProblem[],
): Parsed<z.output<S>> {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    for (const error of doc.errors) {
      const line = lineCounter.linePos(error.pos[0]).line;
      problems.push({ file, line, field: '', message: `not valid YAML: ${error.message.split('\n')[0]}` });
    }
    return { ok: false };
  }
  const lineOf = (path: readonly PropertyKey[]): number | null => {
    for (let depth = path.length; depth >= 0; depth--) {
      const node = doc.getIn(path.slice(0, depth) as unknown[], true) as
        | { range?: [number, number, number] }
        | undefined;
      if (node?.range) return lineCounter.linePos(node.range[0]).line;
    }
    return null;
  };
  const result = schema.safeParse(doc.toJS(), { reportInput: true });
  if (!result.success) {
    for (const issue of result.error.issues) {
      problems.push({
        file,
        line: lineOf(issue.path),
        field: issue.path.join('.'),
        message: describeIssue(issue),
      });
    }
    return { ok: false };
  }
  return { ok: true, value: result.data, lineOf };
}

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type') {
    return issue.input === undefined
      ? `missing; expected ${issue.expected}`
      : `expected ${issue.expected}, got ${JSON.stringify(issue.input)?.slice(0, 60)}`;
  }
  if (issue.code === 'unrecognized_keys') return `unknown field(s) ${issue.keys.join(', ')}`;
  if (issue.code === 'invalid_value')
    return `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
  return issue.message;
}
