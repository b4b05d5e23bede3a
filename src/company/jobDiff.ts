import type { CompanyJob } from './companyJob.js';

/** What changed between two sets of a company's jobs, job by job. */
export interface JobDiff {
  /** True when nothing was added, removed or changed. */
  unchanged: boolean;
  added: CompanyJob[];
  removed: CompanyJob[];
  changed: { before: CompanyJob; after: CompanyJob; fields: string[] }[];
}

/**
 * Who a job is across two files: its job code when the row has one, else its title, department,
 * grade and location. Its line is not part of it: a row moved up the file is the same job.
 */
export function jobIdentity(job: CompanyJob): string {
  return job.jobCode
    ? `code\u0000${job.jobCode}`
    : ['row', job.title, job.department, job.grade, job.location].join('\u0000');
}

/** The fields compared, and how each is read off a job. */
const FIELDS: readonly [string, (job: CompanyJob) => unknown][] = [
  ['jobCode', (j) => j.jobCode],
  ['title', (j) => j.title],
  ['department', (j) => j.department],
  ['grade', (j) => j.grade],
  ['location', (j) => j.location],
  ['employeeId', (j) => j.employeeId],
  ['headcount', (j) => j.headcount],
  ['basePay', (j) => j.basePay],
  ['currency', (j) => j.currency],
  ['profile', (j) => j.match.profile?.code ?? null],
  ['level', (j) => j.match.level?.code ?? null],
  ['status', (j) => j.match.status],
  ['decidedBy', (j) => j.decidedBy],
];

/**
 * The jobs of `after` against those of `before`. Jobs with the same identity (an HRIS export's rows
 * of one job, a row per person) are paired in file order; what is left over was added or removed.
 */
export function diffJobs(before: readonly CompanyJob[], after: readonly CompanyJob[]): JobDiff {
  const waiting = new Map<string, CompanyJob[]>();
  for (const job of before) {
    const key = jobIdentity(job);
    const list = waiting.get(key);
    if (list) list.push(job);
    else waiting.set(key, [job]);
  }
  const added: CompanyJob[] = [];
  const changed: JobDiff['changed'] = [];
  for (const job of after) {
    const previous = waiting.get(jobIdentity(job))?.shift();
    if (!previous) {
      added.push(job);
      continue;
    }
    const fields = FIELDS.filter(([, read]) => read(previous) !== read(job)).map(([name]) => name);
    if (fields.length) changed.push({ before: previous, after: job, fields });
  }
  const removed = [...waiting.values()].flat().sort((a, b) => a.line - b.line);
  return { unchanged: !added.length && !removed.length && !changed.length, added, removed, changed };
}
