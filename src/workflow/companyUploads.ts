import { CanonError, quote } from '../core/errors.js';
import { type Actor, requireWorkspaceRole } from '../core/roles.js';
import {
  type DryRun,
  type DryRunChange,
  type DryRunState,
  IN_FLIGHT,
  insertDryRun,
  keepUpload,
  type NewDryRun,
  pruneDryRuns,
  readDryRun,
  readDryRunInFlight,
  readUpload,
  updateDryRun,
} from '../store/companyUploadRepository.js';
import type { CanonDb } from '../store/openStore.js';
import { processIsGone, THIS_PROCESS } from './thisProcess.js';

export type { DryRun, DryRunChange, DryRunOptions, DryRunStored } from '../store/companyUploadRepository.js';

/** Which run, of which upload: what the methods on one run read of it. */
export type RunRef = Pick<DryRun, 'id' | 'workspace' | 'uploadHash' | 'file'>;

/** Bytes of uploads a workspace keeps: a few 50 MB catalogs; the oldest go first. */
export const UPLOAD_BUDGET = 256 * 1024 * 1024;
/** Runs a workspace keeps; finished ones past these are dropped oldest first. */
export const KEPT_RUNS = 64;
/** How often a process working a run touches it, progress or not. */
export const HEARTBEAT_MS = 10_000;
/** A run in flight untouched this long was interrupted: its process stopped, wherever it ran. */
export const SILENT_SECONDS = 60;

export interface CompanyUploadsOptions {
  /** Who this process is in a run's `owner`; tests stand in for another server with it. */
  process?: string;
}

/**
 * The import page's uploads and dry runs, kept in the store so that every server on the database can
 * show a run, continue it and store it. They are page state, not the workspace's data: no audit entry
 * (the import a store makes is audited by `CompanyWorkspace`). A viewer may upload and run a dry run
 * (as `CompanyWorkspace.preview` lets them); storing one needs an editor.
 *
 * A run in flight whose process is gone (it ran on this machine and ended) or has not touched it for
 * `SILENT_SECONDS` is settled when read: a dry run fails as interrupted, a store goes back to its
 * finished dry run with why. It is not run again by whoever reads it: a dry run is worked for the
 * person who asked, and the user is told to upload again, which takes a moment, instead of a server
 * taking over a minute of work no one may be waiting for.
 */
export class CompanyUploads {
  readonly process: string;

  constructor(
    private readonly db: CanonDb,
    options: CompanyUploadsOptions = {},
  ) {
    this.process = options.process ?? THIS_PROCESS;
  }

  /** Keeps an upload's bytes by their hash; the workspace's oldest past the budget are dropped. */
  async keep(actor: Actor, workspace: string, upload: { hash: string; file: string; bytes: Uint8Array }) {
    requireWorkspaceRole(actor, { workspace, role: 'viewer' });
    await keepUpload(this.db, { workspace, ...upload, uploadedBy: actor.id }, UPLOAD_BUDGET);
  }

  /** An upload's bytes, or not found when they are no longer kept. */
  async upload(actor: Actor, run: RunRef): Promise<Uint8Array> {
    requireWorkspaceRole(actor, { workspace: run.workspace, role: 'viewer' });
    const upload = await readUpload(this.db, run.workspace, run.uploadHash);
    if (!upload)
      throw new CanonError(
        'not_found',
        `The upload of ${quote(run.file)} is no longer kept on the server; upload the file again.`,
      );
    return upload.bytes;
  }

  /** Records a run, previewing in this process; refused while another of the workspace is in flight. */
  async begin(
    actor: Actor,
    workspace: string,
    run: Omit<NewDryRun, 'workspace' | 'owner' | 'createdBy'>,
  ): Promise<void> {
    requireWorkspaceRole(actor, { workspace, role: 'viewer' });
    const values = { ...run, workspace, owner: this.process, createdBy: actor.id };
    if (!(await insertDryRun(this.db, values))) {
      const busy = await readDryRunInFlight(this.db, workspace);
      // An interrupted run holds nothing: settled, it leaves room for this one.
      if (busy && !(await this.settle(busy)))
        throw new CanonError(
          'conflict',
          `A dry run of ${quote(busy.file)} is still working in this workspace; wait for it to finish.`,
          { details: { run: busy.id } },
        );
      if (!(await insertDryRun(this.db, values))) return this.begin(actor, workspace, run);
    }
    await pruneDryRuns(this.db, workspace, KEPT_RUNS);
  }

  /** A run of this workspace as it stands, an interrupted one settled; not found otherwise. */
  async read(actor: Actor, workspace: string, id: string): Promise<DryRun> {
    requireWorkspaceRole(actor, { workspace, role: 'viewer' });
    const run = await readDryRun(this.db, workspace, id);
    if (!run)
      throw new CanonError(
        'not_found',
        `No dry run ${quote(id)} in this workspace; it may have been cleared. Upload the file again.`,
      );
    if (await this.settle(run)) return this.read(actor, workspace, id);
    return run;
  }

  /** Marks a finished dry run's columns as seen and kept by the user. */
  async confirm(actor: Actor, run: RunRef): Promise<void> {
    requireWorkspaceRole(actor, { workspace: run.workspace, role: 'viewer' });
    await updateDryRun(this.db, run.id, { states: ['previewed'] }, { confirmed: true });
  }

  /** Takes a finished dry run into storing, in this process; false when it is no longer finished or another run is in flight. */
  async beginStore(actor: Actor, run: RunRef): Promise<boolean> {
    requireWorkspaceRole(actor, { workspace: run.workspace, role: 'editor' });
    return updateDryRun(
      this.db,
      run.id,
      { states: ['previewed'] },
      { state: 'storing', owner: this.process, progress: null, error: null },
    );
  }

  /** A change by this process to a run it works in `state`; false when the run has moved on without it. */
  async advance(actor: Actor, run: RunRef, state: DryRunState, change: DryRunChange): Promise<boolean> {
    requireWorkspaceRole(actor, { workspace: run.workspace, role: 'viewer' });
    return updateDryRun(this.db, run.id, { states: [state], owner: this.process }, change);
  }

  /** Settles a run in flight whose process stopped; true when it did. */
  private async settle(run: DryRun): Promise<boolean> {
    if (!IN_FLIGHT.includes(run.state)) return false;
    if (!processIsGone(run.owner) && run.quietSeconds < SILENT_SECONDS) return false;
    const why = `the server working it (${run.owner}) stopped before it finished`;
    const change: DryRunChange =
      run.state === 'previewing'
        ? {
            state: 'failed',
            error: {
              code: 'conflict',
              message: `The dry run of ${quote(run.file)} was interrupted: ${why}. Upload the file again to run it.`,
            },
          }
        : {
            state: 'previewed',
            error: {
              code: 'conflict',
              message: `The store of ${quote(run.file)} was interrupted: ${why}. Look at the workspace's imports; if it is not there, store it again.`,
            },
          };
    await updateDryRun(this.db, run.id, { states: [run.state], owner: run.owner }, change);
    return true;
  }
}
