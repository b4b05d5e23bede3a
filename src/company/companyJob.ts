import { readPayAmount } from '../core/payAmount.js';
import type { ColumnRole } from './guessColumns.js';
import type { JobMatch } from './matchJobs.js';
import type { ImportPlan } from './planCompanyImport.js';

/**
 * Who settled a job's match: a person in the review queue, the workspace's dictionary of earlier
 * decisions (the same title in the same department), or the matcher on its own.
 */
export type DecidedBy = 'person' | 'dictionary' | 'automatic';

/**
 * One job of a company's catalog with its match: what the mapping, the matrix, the level guide, pay
 * against the market and the equal-value groups are all made from. Plain data, the same whether it
 * comes from a dry run or from a workspace's stored import.
 */
export interface CompanyJob {
  /** The line (CSV) or row (XLSX) of the file it was read from. */
  line: number;
  jobCode: string;
  title: string;
  department: string;
  grade: string;
  location: string;
  employeeId: string;
  /** People in the job: the headcount column, else 1 (an HRIS export has a row per person). */
  headcount: number;
  /** Annual base pay as the file states it, or null when it states none or none that reads as pay. */
  basePay: number | null;
  /** As the file writes it ("USD", "BRL"), or "" when it has no currency column. */
  currency: string;
  match: JobMatch;
  decidedBy: DecidedBy;
}

/** A currency sign or code written before an amount ("$85,000", "USD 85,000"); a minus sign is not one. */
const CURRENCY_MARK = /^(?:[A-Z]{3}\s*|[$€£¥₹]\s*)/;

/** Why a row's pay or headcount cell was not used, with its line: shown beside the dry run's problems. */
export interface JobCellNote {
  line: number;
  message: string;
}

/**
 * The jobs of a dry run, one per matched row in file order, with the columns besides title,
 * department and grade read from their cells. A headcount or pay cell that is not a plain number is
 * left out (headcount 1, no pay) and noted with its line, never guessed.
 */
export function companyJobs(plan: ImportPlan): { jobs: CompanyJob[]; notes: JobCellNote[] } {
  const at = new Map(plan.columns.map((c) => [c.role, c.column]));
  const cellsOf = new Map(plan.table.rows.map((r) => [r.line, r.cells]));
  const notes: JobCellNote[] = [];
  const jobs = plan.matches.map((match): CompanyJob => {
    const cells = cellsOf.get(match.line) ?? [];
    const cell = (role: ColumnRole) => {
      const column = at.get(role);
      return column === null || column === undefined ? '' : (cells[column] ?? '').trim();
    };
    const headcountText = cell('headcount');
    let headcount = 1;
    if (headcountText) {
      const n = Number(headcountText);
      if (/^\d+$/.test(headcountText) && Number.isSafeInteger(n)) headcount = n;
      else
        notes.push({
          line: match.line,
          message: `headcount ${JSON.stringify(headcountText)} is not a whole number; counted as 1`,
        });
    }
    const payText = cell('base_pay');
    let basePay: number | null = null;
    if (payText) {
      const read = readPayAmount(payText.replace(CURRENCY_MARK, ''));
      if ('value' in read) basePay = read.value;
      else
        notes.push({
          line: match.line,
          message: `base pay ${JSON.stringify(payText)} is ${read.problem}; left out`,
        });
    }
    return {
      line: match.line,
      jobCode: cell('job_code'),
      title: match.title,
      department: match.department,
      grade: match.grade,
      location: cell('location'),
      employeeId: cell('employee_id'),
      headcount,
      basePay,
      currency: cell('currency').toUpperCase(),
      match,
      decidedBy: 'automatic',
    };
  });
  return { jobs, notes };
}
