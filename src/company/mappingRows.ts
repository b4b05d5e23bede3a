import type { JobMatch } from './matchJobs.js';
import type { ImportPlan } from './planCompanyImport.js';

export type MappingCell = string | number | null;

/** Columns appended to the file's own: the match of each row, or the problem that kept it out. */
export const MAPPING_COLUMNS = [
  'canon_status',
  'canon_function',
  'canon_focus',
  'canon_profile',
  'canon_profile_fit',
  'canon_level',
  'canon_title_level',
  'canon_grade_levels',
  'canon_confidence',
  'canon_review',
  'canon_duplicate_of',
  'canon_explanation',
  'canon_problem',
] as const;

/**
 * Every line of the catalog after its header, in file order, as rows of a table, the header row
 * first: its line number, its own cells, then the match — or, for a line that could not be read,
 * the line number and the problem. A generator, so a large catalog's rows are written as they are
 * made. Cells are data; the caller writes them through a formula-safe writer (cli/commands/toCsv.ts).
 */
export function* mappingRows(plan: ImportPlan): Generator<MappingCell[]> {
  const { table } = plan;
  const width = table.header.length;
  const byLine = new Map(plan.matches.map((m) => [m.line, m]));
  const problems = new Map(plan.problems.map((p) => [p.line, p.message]));
  const cellsOf = new Map(table.rows.map((r) => [r.line, r.cells]));
  const lines = [...new Set([...table.rows.map((r) => r.line), ...plan.problems.map((p) => p.line)])].sort(
    (a, b) => a - b,
  );
  // Rows matched alike share their review and explanation lists: each is joined once, not once a row.
  const joined = new WeakMap<readonly string[], string>();
  const join = (list: readonly string[], separator: string) => {
    let text = joined.get(list);
    if (text === undefined) {
      text = list.join(separator);
      joined.set(list, text);
    }
    return text;
  };
  yield [table.unit, ...table.header, ...MAPPING_COLUMNS];
  for (const line of lines) {
    const cells: MappingCell[] = cellsOf.get(line) ?? Array.from({ length: width }, () => '');
    const m = byLine.get(line);
    const tail: MappingCell[] = m
      ? [
          ...matchCells(m),
          m.titleLevel ? `${m.titleLevel.code}${m.titleLevel.stated ? '' : ' (default)'}` : '',
          m.gradeLevels?.join('/') ?? '',
          m.confidence,
          join(m.review, '; '),
          m.duplicateOf ?? '',
          join(m.explanation, ' '),
          '',
        ]
      : [...MAPPING_COLUMNS.slice(1).map(() => ''), problems.get(line) ?? ''];
    yield [line, ...cells, ...tail];
  }
}

/** A match's place in Canon as cells: status, function, focus, profile, its fit, level — what every table of a mapping starts with. */
export function matchCells(m: JobMatch): MappingCell[] {
  return [
    m.status,
    m.function?.name ?? '',
    m.focus?.name ?? '',
    m.profile?.code ?? '',
    m.profile?.fit ?? '',
    m.level?.code ?? '',
  ];
}
