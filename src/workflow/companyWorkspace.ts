import type { CompanyJob, DecidedBy, JobCellNote } from '../company/companyJob.js';
import type { GradeCorrelation } from '../company/gradeCorrelation.js';
import type { ColumnRole } from '../company/guessColumns.js';
import type { JobDiff } from '../company/jobDiff.js';
import type { ImportPlan, ImportSummary } from '../company/planCompanyImport.js';
import type { Actor } from '../core/roles.js';

/** How a file is read and its grades set: the user's choices in the mapping step. */
export interface CompanyImportOptions {
  sheet?: string;
  /** Columns by role → header (null: no column holds it); the rest are guessed. */
  columns?: ReadonlyMap<ColumnRole, string | null>;
  gradeOrder?: readonly string[];
  progress?: (stage: string, done: number, total: number) => void;
}

/** How a workspace's current jobs were settled. */
export type DecidedCounts = Record<DecidedBy, number>;

/** An import stored in a workspace: the file it came from and what it held. */
export interface StoredImport {
  id: number;
  workspace: string;
  file: string;
  /** SHA-256 of the file's bytes with the options that read it: the same file read the same way is the same import. */
  fileHash: string;
  createdBy: string;
  createdAt: string;
  summary: ImportSummary;
  decided: DecidedCounts;
}

/**
 * What changed between a workspace's current jobs and a file's, job by job (a job is its code, else
 * its title, department, grade and location): `company/jobDiff.ts`.
 */
export type ImportDiff = JobDiff;

/** The dry run inside a workspace: the plan, its jobs with the dictionary applied, and what storing it would change. */
export interface ImportPreview {
  plan: ImportPlan;
  jobs: CompanyJob[];
  notes: JobCellNote[];
  diff: ImportDiff;
  decided: DecidedCounts;
}

/** A person's decision, kept in the workspace's dictionary: this title in this department is this profile. */
export interface DictionaryEntry {
  title: string;
  department: string;
  profileCode: string;
  decidedBy: string;
  decidedAt: string;
  note: string | null;
}

/** A grade's Canon level(s) set by hand ("P3", or "P3..P4"), with why. */
export interface GradeSetting {
  grade: string;
  levels: string;
  reason: string;
  setBy: string;
  setAt: string;
}

/** A workspace's current mapping: what the matrix, level guide, pay and exports are made from. */
export interface WorkspaceMapping {
  import: StoredImport | null;
  jobs: CompanyJob[];
  correlation: GradeCorrelation;
  decided: DecidedCounts;
}

/**
 * A company's mapping onto Canon, kept per workspace. Every method checks the actor's role in the
 * workspace (`requireWorkspaceRole`): viewer to read, editor to import, decide and set grades. Every
 * write is one audited transaction; an import stores all of its jobs or none.
 */
export interface CompanyWorkspace {
  /** The dry run: nothing is stored. */
  preview(
    actor: Actor,
    workspace: string,
    bytes: Uint8Array,
    file: string,
    options?: CompanyImportOptions,
  ): Promise<ImportPreview>;
  /**
   * Stores the file's jobs as the workspace's current mapping, in one transaction. The same file
   * again stores nothing (`unchanged`); a second import into the workspace while one runs is refused.
   * Returns the dry run it stored too, so a caller shows it without reading the file twice.
   */
  store(
    actor: Actor,
    workspace: string,
    bytes: Uint8Array,
    file: string,
    options?: CompanyImportOptions,
  ): Promise<{ import: StoredImport; diff: ImportDiff; preview: ImportPreview }>;
  imports(actor: Actor, workspace: string): Promise<StoredImport[]>;
  mapping(actor: Actor, workspace: string): Promise<WorkspaceMapping>;
  /**
   * The workspace's revision: it moves with every write to the workspace (an import, a decision, a
   * grade set), whichever process makes it, and with nothing else.
   */
  revision(actor: Actor, workspace: string): Promise<number>;
  /**
   * Reads ahead the mappings of the workspaces imported into most recently (as many as are kept), so
   * a server's first page of each does not wait on reading its jobs back; no actor, as nothing is
   * shown to anyone. The workspaces read, the most recent first.
   */
  warm(): Promise<string[]>;
  /** Current jobs a person should look at: needing review or unmatched, and not decided by a person. */
  reviewQueue(actor: Actor, workspace: string): Promise<CompanyJob[]>;
  /**
   * A person's decision on a title in a department: confirm its match, or pick another profile. Kept in
   * the dictionary and applied at once to every current job with that title and department.
   */
  decide(
    actor: Actor,
    workspace: string,
    decision: { title: string; department: string; profileCode: string; note?: string },
  ): Promise<CompanyJob[]>;
  dictionary(actor: Actor, workspace: string): Promise<DictionaryEntry[]>;
  /** Sets (or, with null, clears) a grade's levels by hand; the rest of the table is fitted around it. */
  setGrade(
    actor: Actor,
    workspace: string,
    grade: string,
    levels: string | null,
    reason: string,
  ): Promise<GradeCorrelation>;
  gradeSettings(actor: Actor, workspace: string): Promise<GradeSetting[]>;
}
