import { and, asc, desc, eq, gt, inArray, ne, sql } from 'drizzle-orm';
import type { CompanyJob, DecidedBy } from '../company/companyJob.js';
import type { JobMatch } from '../company/matchJobs.js';
import type { ImportSummary } from '../company/planCompanyImport.js';
import { chunks } from './chunks.js';
import type { CanonDb } from './openStore.js';
import { companyDictionary, companyGrades, companyImports, companyJobs, workspaces } from './schema.js';

/** An import as stored: the file, how it was read, what it held and who stored it. */
export interface CompanyImportRecord {
  id: number;
  workspace: string;
  file: string;
  fileHash: string;
  options: Record<string, unknown>;
  summary: ImportSummary;
  decided: Record<DecidedBy, number>;
  createdBy: string;
  createdAt: string;
}

export type NewCompanyImport = Omit<CompanyImportRecord, 'id' | 'createdAt'>;

/** How the dictionary compares a title or a department: the workflow's choice, applied to every row stored. */
export type KeyOf = (text: string) => string;

export interface DictionaryRecord {
  title: string;
  department: string;
  profileCode: string;
  decidedBy: string;
  decidedAt: string;
  note: string | null;
}

export interface GradeRecord {
  grade: string;
  levels: string;
  reason: string;
  setBy: string;
  setAt: string;
}

/**
 * Rows a statement: 17 columns each keeps a statement well under PostgreSQL's 65,535 parameters,
 * and 50,000 jobs take 50 statements.
 */
const JOB_BATCH = 1_000;
/** Jobs read back per query. */
const READ_PAGE = 20_000;

const iso = (at: string) => new Date(at).toISOString();

/**
 * Takes the workspace's import lock for the caller's transaction: false when another transaction
 * (in any process on the same PostgreSQL) holds it. Released when the transaction ends, however it ends.
 */
export async function tryLockCompanyWorkspace(tx: CanonDb, workspace: string): Promise<boolean> {
  const result = (await tx.execute(
    sql`SELECT pg_try_advisory_xact_lock(hashtext('canon:company'), hashtext(${workspace})) AS locked`,
  )) as unknown as { rows: { locked: boolean }[] };
  return result.rows[0]?.locked === true;
}

export async function workspaceExists(db: CanonDb, workspace: string): Promise<boolean> {
  const [row] = await db.select({ id: workspaces.id }).from(workspaces).where(eq(workspaces.id, workspace));
  return row !== undefined;
}

export async function insertCompanyImport(
  tx: CanonDb,
  record: NewCompanyImport,
): Promise<CompanyImportRecord> {
  const [row] = await tx
    .insert(companyImports)
    .values({ ...record, workspaceId: record.workspace })
    .returning();
  if (!row) throw new Error('the import row was not returned');
  return importOf(row);
}

/** The workspace's imports, newest first. */
export async function readCompanyImports(db: CanonDb, workspace: string): Promise<CompanyImportRecord[]> {
  const rows = await db
    .select()
    .from(companyImports)
    .where(eq(companyImports.workspaceId, workspace))
    .orderBy(desc(companyImports.id));
  return rows.map(importOf);
}

export async function readLatestCompanyImport(
  db: CanonDb,
  workspace: string,
): Promise<CompanyImportRecord | null> {
  const [row] = await db
    .select()
    .from(companyImports)
    .where(eq(companyImports.workspaceId, workspace))
    .orderBy(desc(companyImports.id))
    .limit(1);
  return row ? importOf(row) : null;
}

/** Replaces the workspace's current jobs with these, in batches, inside the caller's transaction. */
export async function replaceCompanyJobs(
  tx: CanonDb,
  workspace: string,
  importId: number,
  jobs: readonly CompanyJob[],
  keyOf: KeyOf,
  progress?: (done: number, total: number) => void,
): Promise<void> {
  await tx.delete(companyJobs).where(eq(companyJobs.workspaceId, workspace));
  await insertJobs(tx, workspace, importId, jobs, keyOf, progress);
}

/** Rewrites some of the current jobs (found by line), keeping the import they came from. */
export async function rewriteCompanyJobs(
  tx: CanonDb,
  workspace: string,
  importId: number,
  jobs: readonly CompanyJob[],
  keyOf: KeyOf,
): Promise<void> {
  for (const batch of chunks(jobs, JOB_BATCH))
    await tx.delete(companyJobs).where(
      and(
        eq(companyJobs.workspaceId, workspace),
        inArray(
          companyJobs.line,
          batch.map((j) => j.line),
        ),
      ),
    );
  await insertJobs(tx, workspace, importId, jobs, keyOf);
}

async function insertJobs(
  tx: CanonDb,
  workspace: string,
  importId: number,
  jobs: readonly CompanyJob[],
  keyOf: KeyOf,
  progress?: (done: number, total: number) => void,
): Promise<void> {
  let done = 0;
  for (const batch of chunks(jobs, JOB_BATCH)) {
    // A batch travels as one JSON parameter and is unpacked by the database: binding 17 parameters
    // a row costs several times more than the rows themselves, on PGlite above all.
    const payload = JSON.stringify(
      batch.map((j) => ({
        line: j.line,
        job_code: j.jobCode,
        title: j.title,
        department: j.department,
        title_key: keyOf(j.title),
        department_key: keyOf(j.department),
        grade: j.grade,
        location: j.location,
        employee_id: j.employeeId,
        headcount: j.headcount,
        base_pay: j.basePay,
        currency: j.currency,
        status: j.match.status,
        decided_by: j.decidedBy,
        match: j.match,
      })),
    );
    await tx.execute(sql`
      INSERT INTO company_jobs (workspace_id, import_id, line, job_code, title, department, title_key,
        department_key, grade, location, employee_id, headcount, base_pay, currency, status, decided_by, match)
      SELECT ${workspace}, ${importId}, line, job_code, title, department, title_key, department_key, grade,
        location, employee_id, headcount, base_pay, currency, status, decided_by, match
      FROM json_to_recordset(${payload}::json) AS x(line integer, job_code text, title text,
        department text, title_key text, department_key text, grade text, location text, employee_id text,
        headcount integer, base_pay double precision, currency text, status text, decided_by text, match json)`);
    done += batch.length;
    progress?.(done, jobs.length);
  }
}

/** The workspace's current jobs in file order, with the import they came from (null when it has none). */
export async function readCompanyJobs(
  db: CanonDb,
  workspace: string,
  only: { titleKey: string; departmentKey: string } | 'review' | 'all' = 'all',
): Promise<CompanyJob[]> {
  const where =
    only === 'all'
      ? eq(companyJobs.workspaceId, workspace)
      : only === 'review'
        ? and(
            eq(companyJobs.workspaceId, workspace),
            ne(companyJobs.status, 'matched'),
            ne(companyJobs.decidedBy, 'person'),
          )
        : and(
            eq(companyJobs.workspaceId, workspace),
            eq(companyJobs.titleKey, only.titleKey),
            eq(companyJobs.departmentKey, only.departmentKey),
          );
  const { share, shareMatch } = sharing();
  const jobs: CompanyJob[] = [];
  // Read a page at a time, by line: the embedded store holds a query's whole answer in its own
  // memory before handing it over (on 50,000 jobs, one query peaked about 50 MB higher than pages of
  // 20,000). The pages are one snapshot (inside a caller's transaction, its own), so an import stored
  // meanwhile is never half read.
  return db.transaction(
    async (tx) => {
      for (;;) {
        const after = jobs.at(-1)?.line;
        const rows = await tx
          .select()
          .from(companyJobs)
          .where(after === undefined ? where : and(where, gt(companyJobs.line, after)))
          .orderBy(asc(companyJobs.line))
          .limit(READ_PAGE);
        for (const r of rows)
          jobs.push({
            line: r.line,
            jobCode: share(r.jobCode),
            title: share(r.title),
            department: share(r.department),
            grade: share(r.grade),
            location: share(r.location),
            employeeId: r.employeeId,
            headcount: r.headcount,
            basePay: r.basePay,
            currency: share(r.currency),
            match: shareMatch(r.match),
            decidedBy: r.decidedBy,
          });
        if (rows.length < READ_PAGE) return jobs;
      }
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
}

/**
 * Jobs read back share what they have alike, as the matching that made them shares its matches:
 * an HRIS export's 50,000 rows hold a few thousand titles, departments and matches, and each row's
 * match parsed apart would hold its own copy of every name and explanation (about 2 KB a row).
 * Equal strings become one string; a match's lists and objects, one per distinct value (by its
 * JSON). The maps live for one read only.
 */
function sharing(): { share: (text: string) => string; shareMatch: (match: JobMatch) => JobMatch } {
  const strings = new Map<string, string>();
  const values = new Map<string, unknown>();
  const share = (text: string): string => {
    const known = strings.get(text);
    if (known !== undefined) return known;
    strings.set(text, text);
    return text;
  };
  const shareValue = (value: unknown): unknown => {
    if (typeof value === 'string') return share(value);
    if (value === null || typeof value !== 'object') return value;
    const key = JSON.stringify(value);
    const known = values.get(key);
    if (known !== undefined) return known;
    values.set(key, value);
    return value;
  };
  // The parsed match is this read's own: its fields are replaced in place, their order kept.
  const shareMatch = (match: JobMatch): JobMatch => {
    const fields = match as unknown as Record<string, unknown>;
    for (const key of Object.keys(fields)) fields[key] = shareValue(fields[key]);
    return match;
  };
  return { share, shareMatch };
}

/** Keeps a person's decision on a title in a department, replacing an earlier one. */
export async function upsertDictionaryEntry(
  tx: CanonDb,
  workspace: string,
  entry: Omit<DictionaryRecord, 'decidedAt'>,
  keyOf: KeyOf,
): Promise<void> {
  const values = {
    workspaceId: workspace,
    titleKey: keyOf(entry.title),
    departmentKey: keyOf(entry.department),
    ...entry,
    decidedAt: sql`now()`,
  };
  await tx
    .insert(companyDictionary)
    .values(values)
    .onConflictDoUpdate({
      target: [companyDictionary.workspaceId, companyDictionary.titleKey, companyDictionary.departmentKey],
      set: {
        title: entry.title,
        department: entry.department,
        profileCode: entry.profileCode,
        decidedBy: entry.decidedBy,
        decidedAt: sql`now()`,
        note: entry.note,
      },
    });
}

/** The workspace's dictionary, by title and department. */
export async function readDictionary(db: CanonDb, workspace: string): Promise<DictionaryRecord[]> {
  const rows = await db
    .select()
    .from(companyDictionary)
    .where(eq(companyDictionary.workspaceId, workspace))
    .orderBy(asc(companyDictionary.titleKey), asc(companyDictionary.departmentKey));
  return rows.map((r) => ({
    title: r.title,
    department: r.department,
    profileCode: r.profileCode,
    decidedBy: r.decidedBy,
    decidedAt: iso(r.decidedAt),
    note: r.note,
  }));
}

/** Sets a grade's levels by hand, or with null clears the setting. */
export async function writeGradeSetting(
  tx: CanonDb,
  workspace: string,
  setting: Omit<GradeRecord, 'setAt' | 'levels'> & { levels: string | null },
): Promise<void> {
  const at = and(eq(companyGrades.workspaceId, workspace), eq(companyGrades.grade, setting.grade));
  if (setting.levels === null) {
    await tx.delete(companyGrades).where(at);
    return;
  }
  await tx
    .insert(companyGrades)
    .values({ workspaceId: workspace, ...setting, levels: setting.levels })
    .onConflictDoUpdate({
      target: [companyGrades.workspaceId, companyGrades.grade],
      set: { levels: setting.levels, reason: setting.reason, setBy: setting.setBy, setAt: sql`now()` },
    });
}

export async function readGradeSettings(db: CanonDb, workspace: string): Promise<GradeRecord[]> {
  const rows = await db
    .select()
    .from(companyGrades)
    .where(eq(companyGrades.workspaceId, workspace))
    .orderBy(asc(companyGrades.grade));
  return rows.map((r) => ({
    grade: r.grade,
    levels: r.levels,
    reason: r.reason,
    setBy: r.setBy,
    setAt: iso(r.setAt),
  }));
}

function importOf(row: typeof companyImports.$inferSelect): CompanyImportRecord {
  return {
    id: row.id,
    workspace: row.workspaceId,
    file: row.file,
    fileHash: row.fileHash,
    options: row.options,
    summary: row.summary,
    decided: row.decided,
    createdBy: row.createdBy,
    createdAt: iso(row.createdAt),
  };
}
