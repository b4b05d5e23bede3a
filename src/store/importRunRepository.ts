import { and, eq, sql } from 'drizzle-orm';
import type { CanonDb } from './openStore.js';
import { companyImportRuns } from './schema.js';

/** The lease on a workspace's imports: who runs one, in which process, since and until when. */
export interface ImportRun {
  workspace: string;
  runId: string;
  holder: string;
  process: string;
  file: string;
  startedAt: string;
  expiresAt: string;
}

const COLUMNS = {
  workspace: companyImportRuns.workspaceId,
  runId: companyImportRuns.runId,
  holder: companyImportRuns.holder,
  process: companyImportRuns.process,
  file: companyImportRuns.file,
  startedAt: companyImportRuns.startedAt,
  expiresAt: companyImportRuns.expiresAt,
};

/** PostgreSQL's timestamp text as ISO 8601, as every answer states a time. */
const iso = (at: string) => new Date(at).toISOString();

/** The database's clock `seconds` from now: every process on one database reads the same clock. */
const fromNow = (seconds: number) => sql`now() + make_interval(secs => ${seconds})`;

/**
 * Takes the workspace's import lease for `seconds`, when no run holds it or its holder's lease has
 * lapsed (one statement, so of two runs taking it at once exactly one does). Null when taken; else
 * the run that holds it.
 */
export async function takeImportRun(
  db: CanonDb,
  run: Pick<ImportRun, 'workspace' | 'runId' | 'holder' | 'process' | 'file'>,
  seconds: number,
): Promise<ImportRun | null> {
  const values = {
    runId: run.runId,
    holder: run.holder,
    process: run.process,
    file: run.file,
    startedAt: sql`now()`,
    expiresAt: fromNow(seconds),
  };
  const taken = await db
    .insert(companyImportRuns)
    .values({ workspaceId: run.workspace, ...values })
    .onConflictDoUpdate({
      target: companyImportRuns.workspaceId,
      set: values,
      setWhere: sql`${companyImportRuns.expiresAt} <= now()`,
    })
    .returning({ runId: companyImportRuns.runId });
  if (taken.length > 0) return null;
  const [held] = await db
    .select(COLUMNS)
    .from(companyImportRuns)
    .where(
      and(eq(companyImportRuns.workspaceId, run.workspace), sql`${companyImportRuns.expiresAt} > now()`),
    );
  // Released, or lapsed, between the two statements: it is free now, so take it again.
  if (!held) return takeImportRun(db, run, seconds);
  return { ...held, startedAt: iso(held.startedAt), expiresAt: iso(held.expiresAt) };
}

/** Moves the run's lease on to `seconds` from now; false when the run no longer holds it. */
export async function renewImportRun(
  db: CanonDb,
  workspace: string,
  runId: string,
  seconds: number,
): Promise<boolean> {
  const rows = await db
    .update(companyImportRuns)
    .set({ expiresAt: fromNow(seconds) })
    .where(and(eq(companyImportRuns.workspaceId, workspace), eq(companyImportRuns.runId, runId)))
    .returning({ runId: companyImportRuns.runId });
  return rows.length > 0;
}

/** Gives the lease up, if the run still holds it (a lapsed lease another run took is left to that run). */
export async function releaseImportRun(db: CanonDb, workspace: string, runId: string): Promise<void> {
  await db
    .delete(companyImportRuns)
    .where(and(eq(companyImportRuns.workspaceId, workspace), eq(companyImportRuns.runId, runId)));
}
