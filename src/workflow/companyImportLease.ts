import { randomUUID } from 'node:crypto';
import { CanonError, quote } from '../core/errors.js';
import {
  type ImportRun,
  releaseImportRun,
  renewImportRun,
  takeImportRun,
} from '../store/importRunRepository.js';
import type { CanonDb } from '../store/openStore.js';
import { processIsGone, THIS_PROCESS } from './thisProcess.js';

/** How long a lease holds unless renewed: what a killed process keeps a workspace's imports waiting. */
export const IMPORT_LEASE_SECONDS = 60;

export interface LeaseOptions {
  /** Seconds a lease holds from its taking or last renewal. */
  seconds?: number;
  /** How often a live run renews it; a third of `seconds` unless given, so two renewals may be missed. */
  renewEveryMs?: number;
}

/**
 * Runs an import holding the workspace's import lease (`company_import_runs`): taken before the
 * import reads anything, so a second import into the workspace, from any process on the same
 * database, is refused at its start instead of after its dry run; renewed while the import runs, so a
 * process killed mid-import holds the workspace for at most `seconds`; released when it ends, however
 * it ends. The lease is the run's own bookkeeping and writes no audit entry: an entry would move the
 * workspace's revision, and every server would read its mapping again for a change that changes
 * nothing in it. The caller has checked the actor's role; the write's advisory lock stays the guard
 * that two writes never interleave.
 */
export async function withImportLease<T>(
  db: CanonDb,
  run: { workspace: string; holder: string; file: string },
  work: () => Promise<T>,
  options: LeaseOptions = {},
): Promise<T> {
  const seconds = options.seconds ?? IMPORT_LEASE_SECONDS;
  const runId = randomUUID();
  const taking = { ...run, runId, process: THIS_PROCESS };
  let held = await takeImportRun(db, taking, seconds);
  if (held && processIsGone(held.process)) {
    // A process of this machine that no longer runs holds nothing: without this, an import killed a
    // moment ago would keep the workspace's next import waiting until its lease ran out.
    await releaseImportRun(db, run.workspace, held.runId);
    held = await takeImportRun(db, taking, seconds);
  }
  if (held) throw underWay(run.workspace, held);
  // Renewals run one after another, never two at once; a failed one is left to the next (the store
  // failing fails the import's own statements too).
  let renewing: Promise<unknown> = Promise.resolve();
  const timer = setInterval(
    () => {
      renewing = renewing.then(() => renewImportRun(db, run.workspace, runId, seconds)).catch(() => false);
    },
    options.renewEveryMs ?? (seconds * 1000) / 3,
  );
  // A run's renewals never keep a process alive that has nothing else to do.
  timer.unref();
  const release = async () => {
    clearInterval(timer);
    await renewing;
    await releaseImportRun(db, run.workspace, runId);
  };
  let result: T;
  try {
    result = await work();
  } catch (error) {
    // The import's own failure is what to report; a lease that cannot be given up lapses.
    await release().catch(() => undefined);
    throw error;
  }
  await release();
  return result;
}

function underWay(workspace: string, held: ImportRun): CanonError {
  return new CanonError(
    'conflict',
    `An import into workspace ${quote(workspace)} is under way: ${quote(held.file)} by ${held.holder} (${held.process}), since ${held.startedAt}. Try again once it is done; if that process was stopped, its hold lapses at ${held.expiresAt}.`,
    {
      details: {
        holder: held.holder,
        process: held.process,
        file: held.file,
        since: held.startedAt,
        until: held.expiresAt,
      },
    },
  );
}
