import type { CompanyJob, JobCellNote } from '../../company/companyJob.js';
import type { GradeCorrelation } from '../../company/gradeCorrelation.js';
import type { ColumnChoice } from '../../company/guessColumns.js';
import type { ImportSummary } from '../../company/planCompanyImport.js';
import type { CatalogTable, LineNote } from '../../company/readCatalogFile.js';
import type {
  DecidedCounts,
  ImportDiff,
  ImportPreview,
  StoredImport,
} from '../../workflow/companyWorkspace.js';

/**
 * An import as the API answers it, dry run or stored: how the file was read, every job with its
 * match, every problem by line, the grade table, the diff against the workspace's jobs and who
 * decided the matches. The file's raw cells are left out; the jobs carry what was read from them.
 */
export interface ImportDto {
  dryRun: boolean;
  table: Pick<CatalogTable, 'file' | 'format' | 'unit' | 'notes' | 'header' | 'headerLine'>;
  columns: ColumnChoice[];
  summary: ImportSummary;
  problems: LineNote[];
  warnings: LineNote[];
  cellNotes: JobCellNote[];
  gradeTable: GradeCorrelation;
  decided: DecidedCounts;
  diff: ImportDiff;
  jobs: CompanyJob[];
  /** The import stored (or, when the file changed nothing, the one already there); null for a dry run. */
  import: StoredImport | null;
}

export function importDto(preview: ImportPreview, stored: StoredImport | null): ImportDto {
  const { plan } = preview;
  const { file, format, unit, notes, header, headerLine } = plan.table;
  return {
    dryRun: stored === null,
    table: { file, format, unit, notes, header, headerLine },
    columns: plan.columns,
    summary: plan.summary,
    problems: plan.problems,
    warnings: plan.warnings,
    cellNotes: preview.notes,
    gradeTable: plan.correlation,
    decided: preview.decided,
    diff: preview.diff,
    jobs: preview.jobs,
    import: stored,
  };
}
