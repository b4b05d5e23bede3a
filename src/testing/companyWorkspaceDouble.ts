import { createHash } from 'node:crypto';
import { type CompanyJob, companyJobs, type DecidedBy } from '../company/companyJob.js';
import type { GradeCorrelation } from '../company/gradeCorrelation.js';
import { planCompanyImport } from '../company/planCompanyImport.js';
import type { Catalog } from '../core/catalog.js';
import { CanonError, quote } from '../core/errors.js';
import { type Actor, requireWorkspaceRole } from '../core/roles.js';
import type { TitleResolver } from '../resolve/titleResolver.js';
import type {
  CompanyImportOptions,
  CompanyWorkspace,
  DecidedCounts,
  DictionaryEntry,
  GradeSetting,
  ImportDiff,
  ImportPreview,
  StoredImport,
  WorkspaceMapping,
} from '../workflow/companyWorkspace.js';

interface Held {
  imports: StoredImport[];
  jobs: CompanyJob[];
  correlation: GradeCorrelation;
  dictionary: Map<string, DictionaryEntry>;
  grades: Map<string, GradeSetting>;
}

const NO_CORRELATION: GradeCorrelation = { ladders: [], grades: [], inconsistencies: [] };
const keyOf = (title: string, department: string) =>
  `${title.trim().toLowerCase()}\u0000${department.trim().toLowerCase()}`;
const jobKey = (j: CompanyJob) =>
  j.jobCode || [j.title, j.department, j.grade, j.location].join('\u0000').toLowerCase();

/**
 * CompanyWorkspace for the pages' tests, held in Maps: the real dry run (planCompanyImport and
 * companyJobs) with the dictionary applied, role checks as the contract states them, and nothing
 * persisted or audited. The real implementation (workflow/, over the store) replaces it at
 * integration; tests use only the interface.
 */
export class CompanyWorkspaceDouble implements CompanyWorkspace {
  private readonly held = new Map<string, Held>();
  /** Every store call, as the workspace, file and options it was given: what a test checks a store against. */
  readonly stored: { workspace: string; file: string; fileHash: string; options: CompanyImportOptions }[] =
    [];

  constructor(private readonly deps: { catalog: () => Catalog; resolver: TitleResolver }) {}

  private of(workspace: string): Held {
    let held = this.held.get(workspace);
    if (!held) {
      held = {
        imports: [],
        jobs: [],
        correlation: NO_CORRELATION,
        dictionary: new Map(),
        grades: new Map(),
      };
      this.held.set(workspace, held);
    }
    return held;
  }

  async preview(
    actor: Actor,
    workspace: string,
    bytes: Uint8Array,
    file: string,
    options: CompanyImportOptions = {},
  ): Promise<ImportPreview> {
    requireWorkspaceRole(actor, { workspace, role: 'editor' });
    const held = this.of(workspace);
    const plan = await planCompanyImport(
      bytes,
      file,
      { catalog: this.deps.catalog(), resolver: this.deps.resolver },
      {
        ...(options.sheet !== undefined ? { sheet: options.sheet } : {}),
        ...(options.columns ? { columns: options.columns } : {}),
        ...(options.gradeOrder ? { gradeOrder: options.gradeOrder } : {}),
        ...(options.progress ? { progress: options.progress } : {}),
        gradeLevels: new Map([...held.grades.values()].map((g) => [g.grade, g.levels])),
      },
    );
    const { jobs, notes } = companyJobs(plan);
    const decided = jobs.map((job) => {
      const entry = held.dictionary.get(keyOf(job.title, job.department));
      return entry ? this.settled(job, entry.profileCode, 'dictionary', entry.decidedBy) : job;
    });
    return { plan, jobs: decided, notes, diff: diffJobs(held.jobs, decided), decided: countDecided(decided) };
  }

  async store(
    actor: Actor,
    workspace: string,
    bytes: Uint8Array,
    file: string,
    options: CompanyImportOptions = {},
  ): Promise<{ import: StoredImport; diff: ImportDiff }> {
    const preview = await this.preview(actor, workspace, bytes, file, options);
    const held = this.of(workspace);
    const fileHash = createHash('sha256')
      .update(bytes)
      .update(
        JSON.stringify([options.sheet ?? null, [...(options.columns ?? [])], options.gradeOrder ?? null]),
      )
      .digest('hex');
    this.stored.push({ workspace, file, fileHash, options });
    const last = held.imports.at(-1);
    if (last && last.fileHash === fileHash && preview.diff.unchanged)
      return { import: last, diff: preview.diff };
    const stored: StoredImport = {
      id: held.imports.length + 1,
      workspace,
      file,
      fileHash,
      createdBy: actor.id,
      createdAt: new Date().toISOString(),
      summary: preview.plan.summary,
      decided: preview.decided,
    };
    held.imports.push(stored);
    held.jobs = preview.jobs;
    held.correlation = preview.plan.correlation;
    return { import: stored, diff: preview.diff };
  }

  async imports(actor: Actor, workspace: string): Promise<StoredImport[]> {
    requireWorkspaceRole(actor, { workspace, role: 'viewer' });
    return [...this.of(workspace).imports].reverse();
  }

  async mapping(actor: Actor, workspace: string): Promise<WorkspaceMapping> {
    requireWorkspaceRole(actor, { workspace, role: 'viewer' });
    const held = this.of(workspace);
    return {
      import: held.imports.at(-1) ?? null,
      jobs: held.jobs,
      correlation: held.correlation,
      decided: countDecided(held.jobs),
    };
  }

  async reviewQueue(actor: Actor, workspace: string): Promise<CompanyJob[]> {
    requireWorkspaceRole(actor, { workspace, role: 'viewer' });
    return this.of(workspace).jobs.filter((j) => j.decidedBy !== 'person' && j.match.status !== 'matched');
  }

  async decide(
    actor: Actor,
    workspace: string,
    decision: { title: string; department: string; profileCode: string; note?: string },
  ): Promise<CompanyJob[]> {
    requireWorkspaceRole(actor, { workspace, role: 'editor' });
    const held = this.of(workspace);
    this.deps.catalog().getProfile(decision.profileCode);
    const key = keyOf(decision.title, decision.department);
    if (!held.jobs.some((j) => keyOf(j.title, j.department) === key))
      throw new CanonError(
        'not_found',
        `No current job titled ${quote(decision.title)} in department ${quote(decision.department)}.`,
      );
    held.dictionary.set(key, {
      title: decision.title,
      department: decision.department,
      profileCode: decision.profileCode,
      decidedBy: actor.id,
      decidedAt: new Date().toISOString(),
      note: decision.note ?? null,
    });
    const changed: CompanyJob[] = [];
    held.jobs = held.jobs.map((job) => {
      if (keyOf(job.title, job.department) !== key) return job;
      const settled = this.settled(job, decision.profileCode, 'person', actor.id);
      changed.push(settled);
      return settled;
    });
    return changed;
  }

  async dictionary(actor: Actor, workspace: string): Promise<DictionaryEntry[]> {
    requireWorkspaceRole(actor, { workspace, role: 'viewer' });
    return [...this.of(workspace).dictionary.values()];
  }

  async setGrade(
    actor: Actor,
    workspace: string,
    grade: string,
    levels: string | null,
    reason: string,
  ): Promise<GradeCorrelation> {
    requireWorkspaceRole(actor, { workspace, role: 'editor' });
    const held = this.of(workspace);
    if (levels === null) held.grades.delete(grade);
    else held.grades.set(grade, { grade, levels, reason, setBy: actor.id, setAt: new Date().toISOString() });
    return held.correlation;
  }

  async gradeSettings(actor: Actor, workspace: string): Promise<GradeSetting[]> {
    requireWorkspaceRole(actor, { workspace, role: 'viewer' });
    return [...this.of(workspace).grades.values()];
  }

  /** A job matched to a profile by a person or the dictionary: certain, with who decided. */
  private settled(job: CompanyJob, code: string, by: DecidedBy, who: string): CompanyJob {
    const view = this.deps.catalog().getProfile(code);
    return {
      ...job,
      decidedBy: by,
      match: {
        ...job.match,
        status: 'matched',
        function: { code: view.fn.code, name: view.fn.name },
        focus: { code: view.focus.code, name: view.focus.name },
        profile: { code, fit: 'exact' },
        level: {
          code: view.level.code,
          track: view.level.track,
          rank: view.level.rank,
          title: view.level.title,
        },
        confidence: 1,
        review: [],
        explanation: [`Decided by ${who}.`],
      },
    };
  }
}

function countDecided(jobs: readonly CompanyJob[]): DecidedCounts {
  const counts: DecidedCounts = { person: 0, dictionary: 0, automatic: 0 };
  for (const job of jobs) counts[job.decidedBy] += 1;
  return counts;
}

function diffJobs(before: readonly CompanyJob[], after: readonly CompanyJob[]): ImportDiff {
  const old = new Map(before.map((j) => [jobKey(j), j]));
  const now = new Map(after.map((j) => [jobKey(j), j]));
  const fields = ['title', 'department', 'grade', 'location', 'headcount', 'basePay', 'currency'] as const;
  const changed: ImportDiff['changed'] = [];
  for (const [key, j] of now) {
    const was = old.get(key);
    if (!was) continue;
    const differ: string[] = fields.filter((f) => was[f] !== j[f]);
    if (was.match.profile?.code !== j.match.profile?.code) differ.push('profile');
    if (differ.length) changed.push({ before: was, after: j, fields: differ });
  }
  const added = [...now].filter(([k]) => !old.has(k)).map(([, j]) => j);
  const removed = [...old].filter(([k]) => !now.has(k)).map(([, j]) => j);
  return { unchanged: !added.length && !removed.length && !changed.length, added, removed, changed };
}
