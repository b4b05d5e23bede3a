import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { ColumnRole } from '../company/guessColumns.js';
import type { ErrorCode } from '../core/errors.js';
import type { CompanyImportRecord } from './companyRepository.js';
import type { CanonDb } from './openStore.js';
import { companyDryRuns, companyUploads } from './schema.js';
import { isUniqueViolation } from './storeFailure.js';

/** A file uploaded to a workspace's import page, kept by the SHA-256 of its bytes. */
export interface Upload {
  workspace: string;
  hash: string;
  file: string;
  bytes: Uint8Array;
  uploadedBy: string;
}

export type DryRunState = 'previewing' | 'previewed' | 'failed' | 'storing' | 'stored';
/** States with work under way in some process: one at a time per workspace. */
export const IN_FLIGHT: readonly DryRunState[] = ['previewing', 'storing'];

/** The sheet and columns a dry run read its upload with (role → header or "#N", null for none). */
export interface DryRunOptions {
  sheet?: string;
  columns?: [ColumnRole, string | null][];
}

export interface DryRunProgress {
  stage: string;
  done: number;
  total: number;
}

/** What a store stored: the import, and how many jobs it added, removed and changed. */
export interface DryRunStored {
  import: Omit<CompanyImportRecord, 'options'>;
  diff: { unchanged: boolean; added: number; removed: number; changed: number };
}

export interface DryRunError {
  code: ErrorCode;
  message: string;
}

/** A dry run of an upload, and its store once asked for, as every server reads it. */
export interface DryRun {
  id: string;
  workspace: string;
  uploadHash: string;
  file: string;
  options: DryRunOptions;
  confirmed: boolean;
  state: DryRunState;
  progress: DryRunProgress | null;
  /** A hash of what the dry run read besides the file; null until it finished. */
  basis: string | null;
  hasCurrent: boolean;
  stored: DryRunStored | null;
  error: DryRunError | null;
  /** The process working the run ("pid N on host"). */
  owner: string;
  createdBy: string;
  createdAt: string;
  /** Seconds since the row last changed, on the database's clock: how long its owner has been silent. */
  quietSeconds: number;
}

export type NewDryRun = Pick<
  DryRun,
  'id' | 'workspace' | 'uploadHash' | 'file' | 'options' | 'confirmed' | 'owner' | 'createdBy'
>;

/** What a run's owner may change on it. */
export type DryRunChange = Partial<
  Pick<DryRun, 'state' | 'progress' | 'basis' | 'hasCurrent' | 'stored' | 'error' | 'owner' | 'confirmed'>
>;

const RUN = {
  id: companyDryRuns.id,
  workspace: companyDryRuns.workspaceId,
  uploadHash: companyDryRuns.uploadHash,
  file: companyDryRuns.file,
  options: companyDryRuns.options,
  confirmed: companyDryRuns.confirmed,
  state: companyDryRuns.state,
  progress: companyDryRuns.progress,
  basis: companyDryRuns.basis,
  hasCurrent: companyDryRuns.hasCurrent,
  stored: companyDryRuns.stored,
  error: companyDryRuns.error,
  owner: companyDryRuns.owner,
  createdBy: companyDryRuns.createdBy,
  createdAt: companyDryRuns.createdAt,
  quietSeconds: sql<number>`extract(epoch from now() - ${companyDryRuns.updatedAt})::float8`,
};

const inFlight = inArray(companyDryRuns.state, [...IN_FLIGHT]);

/**
 * Keeps an upload (the same bytes again: only its time and name move on), then drops the workspace's
 * oldest uploads past `budgetBytes`; never this one, nor one a run in flight reads.
 */
export async function keepUpload(db: CanonDb, upload: Upload, budgetBytes: number): Promise<void> {
  await db
    .insert(companyUploads)
    .values({
      workspaceId: upload.workspace,
      hash: upload.hash,
      file: upload.file,
      bytes: upload.bytes,
      size: upload.bytes.length,
      uploadedBy: upload.uploadedBy,
    })
    .onConflictDoUpdate({
      target: [companyUploads.workspaceId, companyUploads.hash],
      set: { file: upload.file, uploadedBy: upload.uploadedBy, uploadedAt: sql`now()` },
    });
  // The uploads that stay (this one, those a run in flight reads) count first, then the newest.
  await db.execute(sql`
    WITH held AS (
      SELECT u.hash, u.hash = ${upload.hash} OR EXISTS (
          SELECT 1 FROM company_dry_runs r
          WHERE r.workspace_id = u.workspace_id AND r.upload_hash = u.hash
            AND r.state IN ('previewing', 'storing')
        ) AS pinned, u.size, u.uploaded_at
      FROM company_uploads u WHERE u.workspace_id = ${upload.workspace}
    ), counted AS (
      SELECT hash, pinned, sum(size) OVER (ORDER BY pinned DESC, uploaded_at DESC, hash) AS total FROM held
    )
    DELETE FROM company_uploads u USING counted c
    WHERE u.workspace_id = ${upload.workspace} AND u.hash = c.hash AND NOT c.pinned AND c.total > ${budgetBytes}`);
}

/** An upload's name and bytes, or null when it is not (or no longer) kept. */
export async function readUpload(
  db: CanonDb,
  workspace: string,
  hash: string,
): Promise<{ file: string; bytes: Uint8Array } | null> {
  const [row] = await db
    .select({ file: companyUploads.file, bytes: companyUploads.bytes })
    .from(companyUploads)
    .where(and(eq(companyUploads.workspaceId, workspace), eq(companyUploads.hash, hash)));
  return row ? { file: row.file, bytes: new Uint8Array(row.bytes) } : null;
}

/**
 * Records a new run, previewing; false (nothing recorded) when another run of the workspace is in
 * flight: the unique index on in-flight runs decides, so of two servers starting one at once, one wins.
 */
export async function insertDryRun(db: CanonDb, run: NewDryRun): Promise<boolean> {
  const rows = await db
    .insert(companyDryRuns)
    .values({
      id: run.id,
      workspaceId: run.workspace,
      uploadHash: run.uploadHash,
      file: run.file,
      options: run.options,
      confirmed: run.confirmed,
      state: 'previewing',
      owner: run.owner,
      createdBy: run.createdBy,
    })
    .onConflictDoNothing({ target: companyDryRuns.workspaceId, where: inFlight })
    .returning({ id: companyDryRuns.id });
  return rows.length > 0;
}

/** A run of the workspace, or null (a run of another workspace is not there for it). */
export async function readDryRun(db: CanonDb, workspace: string, id: string): Promise<DryRun | null> {
  const [row] = await db
    .select(RUN)
    .from(companyDryRuns)
    .where(and(eq(companyDryRuns.workspaceId, workspace), eq(companyDryRuns.id, id)));
  return row ? asRun(row) : null;
}

/** The workspace's run in flight, if any. */
export async function readDryRunInFlight(db: CanonDb, workspace: string): Promise<DryRun | null> {
  const [row] = await db
    .select(RUN)
    .from(companyDryRuns)
    .where(and(eq(companyDryRuns.workspaceId, workspace), inFlight));
  return row ? asRun(row) : null;
}

/**
 * Changes a run that is in one of `states` (and, given, still worked by `owner`), touching its time;
 * false when it is not, so a late write never undoes a later one. A run made in flight while another of
 * its workspace is is refused (false) too.
 */
export async function updateDryRun(
  db: CanonDb,
  id: string,
  when: { states: readonly DryRunState[]; owner?: string },
  change: DryRunChange,
): Promise<boolean> {
  const conditions = [eq(companyDryRuns.id, id), inArray(companyDryRuns.state, [...when.states])];
  if (when.owner !== undefined) conditions.push(eq(companyDryRuns.owner, when.owner));
  try {
    const rows = await db
      .update(companyDryRuns)
      .set({ ...change, updatedAt: sql`now()` })
      .where(and(...conditions))
      .returning({ id: companyDryRuns.id });
    return rows.length > 0;
  } catch (error) {
    if (isUniqueViolation(error)) return false;
    throw error;
  }
}

/** Deletes the workspace's finished runs past the `keep` most recent; runs in flight stay. */
export async function pruneDryRuns(db: CanonDb, workspace: string, keep: number): Promise<void> {
  const kept = db
    .select({ id: companyDryRuns.id })
    .from(companyDryRuns)
    .where(eq(companyDryRuns.workspaceId, workspace))
    .orderBy(desc(companyDryRuns.createdAt), desc(companyDryRuns.id))
    .limit(keep);
  await db
    .delete(companyDryRuns)
    .where(
      and(
        eq(companyDryRuns.workspaceId, workspace),
        sql`NOT (${inFlight})`,
        sql`${companyDryRuns.id} NOT IN (${kept})`,
      ),
    );
}

/** PostgreSQL's timestamp text as ISO 8601, as every answer states a time. */
function asRun(row: Omit<DryRun, 'createdAt'> & { createdAt: string }): DryRun {
  return { ...row, createdAt: new Date(row.createdAt).toISOString() };
}
