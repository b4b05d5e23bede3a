/** One thing wrong with a data file; the loader collects all of them before failing. */
export interface DataProblem {
  file: string;
  line: number | null;
  field: string;
  message: string;
}

export function formatProblem(p: DataProblem): string {
  const where = p.line === null ? p.file : `${p.file}:${p.line}`;
  return `${where} ${p.field || '(file)'}: ${p.message}`;
}
