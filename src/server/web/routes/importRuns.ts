import { createHash, randomUUID } from 'node:crypto';
import type { ColumnRole } from '../../../company/guessColumns.js';
import type { Catalog } from '../../../core/catalog.js';
import { CanonError, quote } from '../../../core/errors.js';
import type { Actor } from '../../../core/roles.js';
import type {
  CompanyImportOptions,
  CompanyWorkspace,
  ImportDiff,
  ImportPreview,
  StoredImport,
} from '../../../workflow/companyWorkspace.js';

/** An upload kept on the server between the dry run and the store, by the SHA-256 of its bytes. */
interface Upload {
  hash: string;
  workspace: string;
  file: string;
  bytes: Uint8Array;
}

export interface RunProgress {
  stage: string;
  done: number;
  total: number;
}

/** The columns and sheet a dry run read the file with: what "Store this import" stores it with too. */
export interface RunOptions {
  sheet?: string;
  /** Role → header (or "#N"), null for none; absent: guessed. */
  columns?: [ColumnRole, string | null][];
}

/**
 * One upload's dry run, and its store once the user asks: worked in the background while the page
 * polls, so a large file shows its progress instead of holding a request open.
 */
export interface ImportRun {
  id: string;
  workspace: string;
  /** Which upload, by hash: the bytes stay in the upload store (a run does not hold them). */
  upload: { hash: string; file: string };
  options: RunOptions;
  /** Whether the user has seen and kept these columns in the mapping step. */
  confirmed: boolean;
  state: 'previewing' | 'previewed' | 'failed' | 'storing' | 'stored';
  progress: RunProgress | null;
  preview: ImportPreview | null;
  /** What the dry run's answer depended on besides the file: a store checks it has not moved. */
  basis: Basis | null;
  /** Whether the workspace held a mapping when the dry run ran (its diff is then against it). */
  hasCurrent: boolean;
  stored: { import: StoredImport; diff: ImportDiff } | null;
  error: CanonError | null;
}

/** What a dry run read besides the file: the catalog snapshot, and a hash of the workspace's imports, decisions and grades. */
interface Basis {
  catalog: Catalog;
  workspace: string;
  imports: number;
}

/** Uploads kept at once, by bytes: a few 50 MB catalogs; the least recently used go first. */
const UPLOAD_BUDGET = 256 * 1024 * 1024;
/** Runs remembered (finished ones are dropped oldest first). */
const MAX_RUNS = 64;

const toCanon = (error: unknown) =>
  error instanceof CanonError
    ? error
    : new CanonError('internal', error instanceof Error ? error.message : String(error), { cause: error });

/**
 * The import page's uploads and runs, in this process's memory. "Store this import" stores the very
 * bytes and options of the dry run the user saw: the run keeps them, and the store is refused when
 * anything else the dry run read has changed since (the catalog snapshot, the workspace's stored
 * imports, its dictionary of decisions or its grade settings) — the user is sent to a fresh dry run
 * instead of storing one they have not seen.
 */
export class ImportRuns {
  private readonly uploads = new Map<string, Upload>();
  private readonly runs = new Map<string, ImportRun>();

  constructor(private readonly deps: { company: CompanyWorkspace; catalog: () => Catalog }) {}

  /** Keeps an upload and starts its dry run with the columns guessed. */
  start(actor: Actor, workspace: string, file: string, bytes: Uint8Array): ImportRun {
    const hash = createHash('sha256').update(bytes).digest('hex');
    const upload = this.keep({ hash, workspace, file, bytes });
    return this.preview(actor, upload, {}, false);
  }

  /** A run of this workspace, or not found (a run of another workspace is not there for it). */
  get(workspace: string, id: string): ImportRun {
    const run = this.runs.get(id);
    if (!run || run.workspace !== workspace)
      throw new CanonError(
        'not_found',
        `No dry run ${quote(id)} in this workspace; it may have been cleared. Upload the file again.`,
      );
    const upload = this.uploads.get(run.upload.hash);
    if (upload) {
      // Used again: the least recently used upload is the first to go.
      this.uploads.delete(upload.hash);
      this.uploads.set(upload.hash, upload);
    }
    return run;
  }

  /**
   * The same upload read with other columns or another sheet, as a new run; the same options as a
   * finished run's are that run, now confirmed.
   */
  async rerun(actor: Actor, run: ImportRun, options: RunOptions): Promise<ImportRun> {
    if (sameOptions(run.options, options) && run.state === 'previewed' && (await this.holds(actor, run))) {
      run.confirmed = true;
      return run;
    }
    const confirmed = (options.sheet ?? null) === (run.options.sheet ?? null);
    return this.preview(actor, this.uploadOf(run), options, confirmed);
  }

  /** Stores what the run previewed, in the background; refused when the dry run no longer holds. */
  async store(actor: Actor, run: ImportRun): Promise<void> {
    if (run.state !== 'previewed' || !run.basis)
      throw new CanonError(
        'conflict',
        `This dry run is ${run.state}; only a finished dry run can be stored.`,
      );
    const upload = this.uploadOf(run);
    if (!(await this.holds(actor, run)))
      throw new CanonError(
        'conflict',
        'The taxonomy or this workspace changed after this dry run (another import, a decision or a grade set); run the dry run again and check it before storing.',
      );
    run.state = 'storing';
    run.progress = null;
    this.work(run, async () => {
      run.stored = await this.deps.company.store(
        actor,
        run.workspace,
        upload.bytes,
        upload.file,
        this.importOptions(run),
      );
      run.state = 'stored';
    });
  }

  /** Whether what the run's dry run read besides the file is still what it was. */
  private async holds(actor: Actor, run: ImportRun): Promise<boolean> {
    if (!run.basis) return false;
    const now = await this.basisOf(actor, run.workspace);
    return run.basis.catalog === now.catalog && run.basis.workspace === now.workspace;
  }

  private preview(actor: Actor, upload: Upload, options: RunOptions, confirmed: boolean): ImportRun {
    const busy = [...this.runs.values()].find(
      (r) => r.workspace === upload.workspace && (r.state === 'previewing' || r.state === 'storing'),
    );
    if (busy)
      throw new CanonError(
        'conflict',
        `A dry run of ${quote(busy.upload.file)} is still working in this workspace; wait for it to finish.`,
        { details: { run: busy.id } },
      );
    const run: ImportRun = {
      id: randomUUID(),
      workspace: upload.workspace,
      upload: { hash: upload.hash, file: upload.file },
      options,
      confirmed,
      state: 'previewing',
      progress: null,
      preview: null,
      basis: null,
      hasCurrent: false,
      stored: null,
      error: null,
    };
    this.remember(run);
    this.work(run, async () => {
      const basis = await this.basisOf(actor, run.workspace);
      const preview = await this.deps.company.preview(
        actor,
        run.workspace,
        upload.bytes,
        upload.file,
        this.importOptions(run),
      );
      run.basis = basis;
      run.hasCurrent = basis.imports > 0;
      run.preview = preview;
      run.state = 'previewed';
    });
    return run;
  }

  /** Runs a run's work after the current request has answered, recording its failure on the run. */
  private work(run: ImportRun, task: () => Promise<void>): void {
    const failedFrom = run.state;
    setImmediate(() => {
      task().catch((error: unknown) => {
        run.error = toCanon(error);
        // A failed store leaves the dry run as it was, to be stored again.
        run.state = failedFrom === 'storing' ? 'previewed' : 'failed';
      });
    });
  }

  private importOptions(run: ImportRun): CompanyImportOptions {
    return {
      ...(run.options.sheet !== undefined ? { sheet: run.options.sheet } : {}),
      ...(run.options.columns ? { columns: new Map(run.options.columns) } : {}),
      progress: (stage, done, total) => {
        run.progress = { stage, done, total };
      },
    };
  }

  /** What else a dry run reads: the catalog snapshot, and the workspace's imports, decisions and grades. */
  private async basisOf(actor: Actor, workspace: string): Promise<Basis> {
    const catalog = this.deps.catalog();
    const [imports, dictionary, grades] = await Promise.all([
      this.deps.company.imports(actor, workspace),
      this.deps.company.dictionary(actor, workspace),
      this.deps.company.gradeSettings(actor, workspace),
    ]);
    const state = JSON.stringify([
      imports.map((i) => [i.id, i.fileHash]),
      dictionary.map((d) => [d.title, d.department, d.profileCode, d.decidedAt]),
      grades.map((g) => [g.grade, g.levels, g.setAt]),
    ]);
    return { catalog, workspace: createHash('sha256').update(state).digest('hex'), imports: imports.length };
  }

  private uploadOf(run: ImportRun): Upload {
    const upload = this.uploads.get(run.upload.hash);
    if (!upload)
      throw new CanonError(
        'not_found',
        `The upload of ${quote(run.upload.file)} is no longer kept on the server; upload the file again.`,
      );
    return upload;
  }

  private keep(upload: Upload): Upload {
    this.uploads.delete(upload.hash);
    this.uploads.set(upload.hash, upload);
    let held = [...this.uploads.values()].reduce((n, u) => n + u.bytes.length, 0);
    for (const old of this.uploads.values()) {
      if (held <= UPLOAD_BUDGET || old === upload) break;
      this.uploads.delete(old.hash);
      held -= old.bytes.length;
    }
    return upload;
  }

  private remember(run: ImportRun): void {
    this.runs.set(run.id, run);
    for (const old of this.runs.values()) {
      if (this.runs.size <= MAX_RUNS) break;
      if (old.state !== 'previewing' && old.state !== 'storing') this.runs.delete(old.id);
    }
  }
}

function sameOptions(a: RunOptions, b: RunOptions): boolean {
  return (
    JSON.stringify([a.sheet ?? null, a.columns ?? null]) ===
    JSON.stringify([b.sheet ?? null, b.columns ?? null])
  );
}
