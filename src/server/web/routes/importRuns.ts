import { createHash, randomUUID } from 'node:crypto';
import type { Catalog } from '../../../core/catalog.js';
import { catalogIdentity } from '../../../core/catalogIdentity.js';
import { CanonError } from '../../../core/errors.js';
import { type Actor, requireWorkspaceRole } from '../../../core/roles.js';
import {
  type CompanyUploads,
  type DryRun,
  type DryRunChange,
  type DryRunOptions,
  HEARTBEAT_MS,
} from '../../../workflow/companyUploads.js';
import type {
  CompanyImportOptions,
  CompanyWorkspace,
  ImportPreview,
} from '../../../workflow/companyWorkspace.js';

/** The columns and sheet a dry run read the file with: what "Store this import" stores it with too. */
export type RunOptions = DryRunOptions;

/**
 * One upload's dry run, and its store once the user asks, as the page shows it: read from the store,
 * so any server shows it, with the progress of work this process does fresher than the store's.
 */
export interface ImportRun extends Omit<DryRun, 'error'> {
  error: CanonError | null;
}

/** Previews kept worked out in this process: each is large (every row's match). */
const KEPT_PREVIEWS = 4;
/** How often a run's progress is written to the store, besides each change of stage. */
const PROGRESS_EVERY_MS = 250;

const toCanon = (error: unknown) =>
  error instanceof CanonError
    ? error
    : new CanonError('internal', error instanceof Error ? error.message : String(error), { cause: error });

/**
 * The import page's runs: each dry run and store is worked in the background of the server that
 * started it, its progress and outcome written to the store (`CompanyUploads`), so the user's next
 * request may land on any server. The dry run's preview stays in the memory of the server that made
 * it; another server reads it again from the stored upload and options (the same bytes, options,
 * catalog and workspace give the same dry run). "Store this import" stores the very bytes and options
 * of the dry run the user saw, and is refused when anything else the dry run read has changed since (the
 * catalog snapshot, the workspace's stored imports, its dictionary of decisions or its grade
 * settings) — the user is sent to a fresh dry run instead of storing one they have not seen.
 */
export class ImportRuns {
  /**
   * The runs this process works, as they stand here: the store has their progress a moment later, and
   * the embedded store, busy with a store's transaction, could not answer a poll until it commits.
   */
  private readonly working = new Map<string, ImportRun>();
  /** Previews by run id, most recently used last. */
  private readonly previews = new Map<string, Promise<ImportPreview>>();

  constructor(
    private readonly deps: { company: CompanyWorkspace; uploads: CompanyUploads; catalog: () => Catalog },
  ) {}

  /** Keeps an upload and starts its dry run with the columns guessed. */
  async start(actor: Actor, workspace: string, file: string, bytes: Uint8Array): Promise<ImportRun> {
    const hash = createHash('sha256').update(bytes).digest('hex');
    await this.deps.uploads.keep(actor, workspace, { hash, file, bytes });
    return this.preview(actor, workspace, { hash, file, bytes }, {}, false);
  }

  /** A run of this workspace, or not found (a run of another workspace is not there for it). */
  async get(actor: Actor, workspace: string, id: string): Promise<ImportRun> {
    const mine = this.working.get(id);
    if (mine?.workspace === workspace) {
      requireWorkspaceRole(actor, { workspace, role: 'viewer' });
      return mine;
    }
    const run = await this.deps.uploads.read(actor, workspace, id);
    return { ...run, error: run.error ? new CanonError(run.error.code, run.error.message) : null };
  }

  /**
   * A finished dry run's preview: this process's, or read again from the stored upload when another
   * server made it (or this one has let it go).
   */
  async previewOf(actor: Actor, run: ImportRun): Promise<ImportPreview> {
    let preview = this.previews.get(run.id);
    if (!preview) {
      preview = this.deps.uploads
        .upload(actor, run)
        .then((bytes) =>
          this.deps.company.preview(actor, run.workspace, bytes, run.file, importOptions(run.options)),
        );
      // A failed reading is not kept: the next request tries again.
      preview.catch(() => this.previews.delete(run.id));
    }
    this.keepPreview(run.id, preview);
    return preview;
  }

  /**
   * The same upload read with other columns or another sheet, as a new run; the same options as a
   * finished run's are that run, now confirmed.
   */
  async rerun(actor: Actor, run: ImportRun, options: RunOptions): Promise<ImportRun> {
    if (sameOptions(run.options, options) && run.state === 'previewed' && (await this.holds(actor, run))) {
      await this.deps.uploads.confirm(actor, run);
      return { ...run, confirmed: true };
    }
    const confirmed = (options.sheet ?? null) === (run.options.sheet ?? null);
    const bytes = await this.deps.uploads.upload(actor, run);
    return this.preview(
      actor,
      run.workspace,
      { hash: run.uploadHash, file: run.file, bytes },
      options,
      confirmed,
    );
  }

  /** Stores what the run previewed, in the background; refused when the dry run no longer holds. */
  async store(actor: Actor, run: ImportRun): Promise<void> {
    if (run.state !== 'previewed' || !run.basis)
      throw new CanonError(
        'conflict',
        `This dry run is ${run.state}; only a finished dry run can be stored.`,
      );
    const bytes = await this.deps.uploads.upload(actor, run);
    if (!(await this.holds(actor, run)))
      throw new CanonError(
        'conflict',
        'The taxonomy or this workspace changed after this dry run (another import, a decision or a grade set); run the dry run again and check it before storing.',
      );
    if (!(await this.deps.uploads.beginStore(actor, run)))
      throw new CanonError(
        'conflict',
        'This dry run is being stored already, or another dry run or store is working in this workspace; wait for it to finish.',
      );
    this.work(actor, run, 'storing', async (progress) => {
      const stored = await this.deps.company.store(
        actor,
        run.workspace,
        bytes,
        run.file,
        importOptions(run.options, progress),
      );
      const { diff } = stored;
      return {
        state: 'stored',
        stored: {
          import: stored.import,
          diff: {
            unchanged: diff.unchanged,
            added: diff.added.length,
            removed: diff.removed.length,
            changed: diff.changed.length,
          },
        },
      };
    });
  }

  /** Whether what the run's dry run read besides the file is still what it was. */
  private async holds(actor: Actor, run: ImportRun): Promise<boolean> {
    return run.basis !== null && run.basis === (await this.basisOf(actor, run.workspace)).hash;
  }

  private async preview(
    actor: Actor,
    workspace: string,
    upload: { hash: string; file: string; bytes: Uint8Array },
    options: RunOptions,
    confirmed: boolean,
  ): Promise<ImportRun> {
    const id = randomUUID();
    await this.deps.uploads.begin(actor, workspace, {
      id,
      uploadHash: upload.hash,
      file: upload.file,
      options,
      confirmed,
    });
    const run = await this.get(actor, workspace, id);
    this.work(actor, run, 'previewing', async (progress) => {
      const basis = await this.basisOf(actor, workspace);
      const preview = this.deps.company.preview(
        actor,
        workspace,
        upload.bytes,
        upload.file,
        importOptions(options, progress),
      );
      await preview;
      this.keepPreview(id, preview);
      return { state: 'previewed', basis: basis.hash, hasCurrent: basis.imports > 0 };
    });
    return run;
  }

  /**
   * Runs a run's work after the current request has answered: its progress written to the store at a
   * change of stage or every `PROGRESS_EVERY_MS`, the run touched every `HEARTBEAT_MS` so other servers
   * see it is alive, and its outcome or failure recorded on it.
   */
  private work(
    actor: Actor,
    run: ImportRun,
    state: 'previewing' | 'storing',
    task: (progress: NonNullable<CompanyImportOptions['progress']>) => Promise<DryRunChange>,
  ): void {
    const { uploads } = this.deps;
    // Writes go one after another, so a late progress never lands after the outcome.
    let writing: Promise<unknown> = Promise.resolve();
    const write = (change: DryRunChange) => {
      writing = writing.then(() => uploads.advance(actor, run, state, change)).catch(() => false);
      return writing;
    };
    const mine: ImportRun = { ...run, state, progress: null, error: null, owner: uploads.process };
    this.working.set(run.id, mine);
    let written = { stage: '', at: 0 };
    const progress = (stage: string, done: number, total: number) => {
      const now = { stage, done, total };
      mine.progress = now;
      if (stage === written.stage && Date.now() - written.at < PROGRESS_EVERY_MS) return;
      written = { stage, at: Date.now() };
      void write({ progress: now });
    };
    const heartbeat = setInterval(() => void write({ progress: mine.progress }), HEARTBEAT_MS);
    // The heartbeat never keeps a process alive that has nothing else to do.
    heartbeat.unref();
    setImmediate(() => {
      task(progress)
        .then(
          (outcome) => outcome,
          (error: unknown): DryRunChange => {
            const { code, message } = toCanon(error);
            // A failed store leaves the dry run as it was, to be stored again.
            return { state: state === 'storing' ? 'previewed' : 'failed', error: { code, message } };
          },
        )
        .then(async (outcome) => {
          clearInterval(heartbeat);
          await write(outcome);
          this.working.delete(run.id);
        });
    });
  }

  private keepPreview(id: string, preview: Promise<ImportPreview>): void {
    this.previews.delete(id);
    this.previews.set(id, preview);
    for (const old of this.previews.keys()) {
      if (this.previews.size <= KEPT_PREVIEWS) break;
      this.previews.delete(old);
    }
  }

  /**
   * What else a dry run reads, as a hash every server computes alike: the catalog snapshot, and the
   * workspace's revision (it moves with every import, decision and grade set in the workspace).
   */
  private async basisOf(actor: Actor, workspace: string): Promise<{ hash: string; imports: number }> {
    const catalog = catalogIdentity(this.deps.catalog());
    const [revision, imports] = await Promise.all([
      this.deps.company.revision(actor, workspace),
      this.deps.company.imports(actor, workspace),
    ]);
    const hash = createHash('sha256')
      .update(JSON.stringify([catalog, revision]))
      .digest('hex');
    return { hash, imports: imports.length };
  }
}

function importOptions(
  options: RunOptions,
  progress?: CompanyImportOptions['progress'],
): CompanyImportOptions {
  return {
    ...(options.sheet !== undefined ? { sheet: options.sheet } : {}),
    ...(options.columns ? { columns: new Map(options.columns) } : {}),
    ...(progress ? { progress } : {}),
  };
}

function sameOptions(a: RunOptions, b: RunOptions): boolean {
  return (
    JSON.stringify([a.sheet ?? null, a.columns ?? null]) ===
    JSON.stringify([b.sheet ?? null, b.columns ?? null])
  );
}
