import { createHash } from 'node:crypto';
import { and, asc, desc, eq, gt, inArray, ne, type SQL, sql } from 'drizzle-orm';
import type { CompanyJob, DecidedBy } from '../company/companyJob.js';
import type { JobMatch, SharedMatch } from '../company/matchJobs.js';
import type { ImportSummary } from '../company/planCompanyImport.js';
import { CanonError, quote } from '../core/errors.js';
import { chunks } from './chunks.js';
import type { CanonDb } from './openStore.js';
import {
  companyDictionary,
  companyGrades,
  companyImports,
  companyJobs,
  companyMatches,
  workspaces,
} from './schema.js';

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

/** The workspaces with the most recent imports, the most recent first. */
export async function readRecentlyImportedWorkspaces(db: CanonDb, limit: number): Promise<string[]> {
  const rows = await db
    .select({ workspace: companyImports.workspaceId })
    .from(companyImports)
    .groupBy(companyImports.workspaceId)
    .orderBy(desc(sql`max(${companyImports.id})`))
    .limit(limit);
  return rows.map((r) => r.workspace);
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
  // Every match is written again with the jobs, so none that no job uses is kept.
  await tx.delete(companyMatches).where(eq(companyMatches.workspaceId, workspace));
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
  const keys = matchKeys();
  let done = 0;
  for (const batch of chunks(jobs, JOB_BATCH)) {
    const fresh: { match_key: string; match: string }[] = [];
    const rows = batch.map((j) => {
      const { key, text } = keys(j.match);
      if (text !== null) fresh.push({ match_key: key, match: text });
      return {
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
        duplicate_of: j.match.duplicateOf,
        match_key: key,
      };
    });
    // A match kept by an earlier write (a decision rewrites some jobs) is that same match: left as it is.
    if (fresh.length > 0)
      await tx.execute(sql`
        INSERT INTO company_matches (workspace_id, match_key, match)
        SELECT ${workspace}, match_key, match::json
        FROM json_to_recordset(${JSON.stringify(fresh)}::json) AS x(match_key text, match text)
        ON CONFLICT DO NOTHING`);
    // A batch travels as one JSON parameter and is unpacked by the database: binding 17 parameters
    // a row costs several times more than the rows themselves, on PGlite above all.
    await tx.execute(sql`
      INSERT INTO company_jobs (workspace_id, import_id, line, job_code, title, department, title_key,
        department_key, grade, location, employee_id, headcount, base_pay, currency, status, decided_by,
        duplicate_of, match_key)
      SELECT ${workspace}, ${importId}, line, job_code, title, department, title_key, department_key, grade,
        location, employee_id, headcount, base_pay, currency, status, decided_by, duplicate_of, match_key
      FROM json_to_recordset(${JSON.stringify(rows)}::json) AS x(line integer, job_code text, title text,
        department text, title_key text, department_key text, grade text, location text, employee_id text,
        headcount integer, base_pay double precision, currency text, status text, decided_by text,
        duplicate_of integer, match_key text)`);
    done += batch.length;
    progress?.(done, jobs.length);
  }
}

/**
 * The key of each job's shared match (a digest of its JSON), with the JSON the first time this write
 * meets it: a match is sent to the store once however many jobs share it.
 */
function matchKeys(): (match: JobMatch) => { key: string; text: string | null } {
  const seen = new Map<string, string>();
  return (match) => {
    const { line: _line, duplicateOf: _duplicateOf, ...shared } = match;
    const text = JSON.stringify(shared);
    const known = seen.get(text);
    if (known !== undefined) return { key: known, text: null };
    const key = createHash('sha256').update(text).digest('base64url');
    seen.set(text, key);
    return { key, text };
  };
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
  // 20,000). The pages and the matches are one snapshot (inside a caller's transaction, its own), so
  // an import stored meanwhile is never half read.
  return db.transaction(
    async (tx) => {
      const matches = new Map<string, SharedMatch>();
      // All the workspace's matches for all its jobs (a decision leaves a few no job uses, dropped at
      // the next import); for some jobs, only theirs.
      const ofWorkspace = eq(companyMatches.workspaceId, workspace);
      const used = tx.select({ key: companyJobs.matchKey }).from(companyJobs).where(where);
      for (const r of await tx
        .select({ key: companyMatches.matchKey, match: companyMatches.match })
        .from(companyMatches)
        .where(only === 'all' ? ofWorkspace : and(ofWorkspace, inArray(companyMatches.matchKey, used))))
        matches.set(r.key, shareMatch(r.match));
      for (;;) {
        const after = jobs.at(-1)?.line;
        const rows = await jobPage(tx, after === undefined ? where : and(where, gt(companyJobs.line, after)));
        for (const [
          line,
          jobCode,
          title,
          department,
          grade,
          location,
          employeeId,
          headcount,
          basePay,
          currency,
          decidedBy,
          duplicateOf,
          matchKey,
        ] of rows) {
          const shared = matches.get(matchKey);
          // The foreign key keeps every job's match; a missing one is a store that is not Canon's.
          if (!shared)
            throw new CanonError(
              'internal',
              `The store has no match ${quote(matchKey)} for line ${line} of workspace ${quote(workspace)}.`,
            );
          jobs.push({
            line,
            jobCode: share(jobCode),
            title: share(title),
            department: share(department),
            grade: share(grade),
            location: share(location),
            employeeId,
            headcount,
            basePay,
            currency: share(currency),
            match: { line, duplicateOf, ...shared },
            decidedBy,
          });
        }
        if (rows.length < READ_PAGE) return jobs;
      }
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
}

/** A job's columns as `jobPage` reads them, in its order. */
type JobCells = [
  line: number,
  jobCode: string,
  title: string,
  department: string,
  grade: string,
  location: string,
  employeeId: string,
  headcount: number,
  basePay: number | null,
  currency: string,
  decidedBy: DecidedBy,
  duplicateOf: number | null,
  matchKey: string,
];

/**
 * Up to `READ_PAGE` jobs in line order, as one JSON text the database builds: the embedded store's
 * reader decodes a row's fields one by one in JavaScript, and 50,000 jobs of 13 fields took twice
 * as long that way as one JSON text parsed at once.
 */
async function jobPage(tx: CanonDb, where: SQL | undefined): Promise<JobCells[]> {
  const result = (await tx.execute(sql`
    SELECT coalesce(json_agg(json_build_array(line, job_code, title, department, grade, location,
      employee_id, headcount, base_pay, currency, decided_by, duplicate_of, match_key) ORDER BY line), '[]')::text AS page
    FROM (SELECT * FROM ${companyJobs} WHERE ${where} ORDER BY line LIMIT ${READ_PAGE}) AS jobs`)) as unknown as {
    rows: { page: string }[];
  };
  return JSON.parse(result.rows[0]?.page ?? '[]') as JobCells[];
}

/**
 * Jobs read back share what they have alike, as the matching that made them does: an HRIS export's
 * 50,000 rows hold a few thousand titles, departments and matches. Each distinct match is stored and
 * parsed once, and every job matched alike holds it; equal strings become one string, and the
 * matches' lists and objects one per distinct value (by its JSON), since distinct matches still
 * share functions, focuses and levels. The maps live for one read only.
 */
function sharing(): { share: (text: string) => string; shareMatch: <T extends object>(match: T) => T } {
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
  const shareMatch = <T extends object>(match: T): T => {
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
