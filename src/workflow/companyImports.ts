import { createHash } from 'node:crypto';
import { type CompanyJob, companyJobs, type DecidedBy } from '../company/companyJob.js';
import { decidedJob, dictionaryKey } from '../company/decidedJob.js';
import { correlateGrades, type GradeCorrelation, type GradeReading } from '../company/gradeCorrelation.js';
import { diffJobs } from '../company/jobDiff.js';
import { matchJobs } from '../company/matchJobs.js';
import { parseGrade } from '../company/parseGrade.js';
import { planCompanyImport } from '../company/planCompanyImport.js';
import type { Catalog } from '../core/catalog.js';
import { CanonError, quote } from '../core/errors.js';
import { findLevel, type Track } from '../core/levels.js';
import { type Actor, requireWorkspaceRole } from '../core/roles.js';
import type { TitleResolver } from '../resolve/titleResolver.js';
import { readTargetRevision } from '../store/auditRepository.js';
import {
  type CompanyImportRecord,
  insertCompanyImport,
  readCompanyImports,
  readCompanyJobs,
  readDictionary,
  readGradeSettings,
  readLatestCompanyImport,
  readRecentlyImportedWorkspaces,
  replaceCompanyJobs,
  rewriteCompanyJobs,
  tryLockCompanyWorkspace,
  upsertDictionaryEntry,
  workspaceExists,
  writeGradeSetting,
} from '../store/companyRepository.js';
import type { CanonDb } from '../store/openStore.js';
import { auditedWrite } from './auditedWrite.js';
import { withImportLease } from './companyImportLease.js';
import type {
  CompanyImportOptions,
  CompanyWorkspace,
  DecidedCounts,
  DictionaryEntry,
  GradeSetting,
  ImportPreview,
  StoredImport,
  WorkspaceMapping,
} from './companyWorkspace.js';

/** Workspaces whose mapping is kept read: a server usually serves a few companies' people teams at once. */
const KEPT_MAPPINGS = 4;

export interface CompanyImportsDeps {
  db: CanonDb;
  catalog: () => Catalog;
  resolver: () => Promise<TitleResolver>;
}

/** The options an import was read with, as stored beside it and hashed with the file. */
interface ReadOptions {
  sheet: string | null;
  columns: [string, string | null][];
  gradeOrder: string[] | null;
}

/** A dry run with everything storing it needs. */
interface Prepared {
  preview: ImportPreview;
  latest: CompanyImportRecord | null;
  fileHash: string;
  read: ReadOptions;
}

/**
 * `CompanyWorkspace` on the store. An import is planned outside any transaction (matching 50,000
 * rows takes most of a minute, and the embedded store runs one transaction at a time), then written
 * in one audited transaction that takes the workspace's lock and checks no other import landed
 * meanwhile: two imports never interleave, whichever processes run them; the later one is refused.
 */
export class CompanyImports implements CompanyWorkspace {
  /** Workspaces with a write under way in this process: a second one is refused at once, not after its plan. */
  private readonly busy = new Set<string>();

  /** The mapping last read per workspace, with the revision it was read at; the most recent few workspaces. */
  private readonly mappings = new Map<string, { revision: number; mapping: Promise<WorkspaceMapping> }>();

  constructor(private readonly deps: CompanyImportsDeps) {}

  async preview(
    actor: Actor,
    workspace: string,
    bytes: Uint8Array,
    file: string,
    options: CompanyImportOptions = {},
  ): Promise<ImportPreview> {
    await this.enter(actor, workspace, 'viewer');
    return (await this.prepare(workspace, bytes, file, options)).preview;
  }

  async store(
    actor: Actor,
    workspace: string,
    bytes: Uint8Array,
    file: string,
    options: CompanyImportOptions = {},
  ) {
    await this.enter(actor, workspace, 'editor');
    return this.exclusive(workspace, { holder: actor.id, file }, async () => {
      const prepared = await this.prepare(workspace, bytes, file, options);
      const { preview, latest } = prepared;
      // The same file read the same way onto the same jobs: nothing to store, and nothing to log.
      if (latest && preview.diff.unchanged && latest.fileHash === prepared.fileHash)
        return { import: storedImport(latest), diff: preview.diff, preview };
      return auditedWrite(this.deps.db, actor, { workspace, role: 'editor' }, async (tx) => {
        await this.lock(tx, workspace);
        const now = await readLatestCompanyImport(tx, workspace);
        if ((now?.id ?? null) !== (latest?.id ?? null))
          throw new CanonError(
            'conflict',
            `Another import into workspace ${quote(workspace)} (${quote(now?.file ?? '')}, by ${now?.createdBy}) was stored while ${quote(file)} was being read; nothing of ${quote(file)} is stored. Import it again to compare it with what is there now.`,
          );
        const record = await insertCompanyImport(tx, {
          workspace,
          file,
          fileHash: prepared.fileHash,
          options: { ...prepared.read },
          summary: preview.plan.summary,
          decided: preview.decided,
          createdBy: actor.id,
        });
        await replaceCompanyJobs(tx, workspace, record.id, preview.jobs, dictionaryKey, (done, total) =>
          options.progress?.('storing jobs', done, total),
        );
        const { diff } = preview;
        return {
          result: { import: storedImport(record), diff, preview },
          audit: {
            action: 'company.import',
            target: `workspace:${workspace}`,
            before: latest ? { import: latest.id, file: latest.file, summary: latest.summary } : null,
            after: {
              import: record.id,
              file,
              summary: record.summary,
              decided: record.decided,
              added: diff.added.length,
              removed: diff.removed.length,
              changed: diff.changed.length,
            },
            note: null,
          },
        };
      });
    });
  }

  async imports(actor: Actor, workspace: string): Promise<StoredImport[]> {
    await this.enter(actor, workspace, 'viewer');
    return (await readCompanyImports(this.deps.db, workspace)).map(storedImport);
  }

  async mapping(actor: Actor, workspace: string): Promise<WorkspaceMapping> {
    await this.enter(actor, workspace, 'viewer');
    return this.kept(workspace);
  }

  async revision(actor: Actor, workspace: string): Promise<number> {
    await this.enter(actor, workspace, 'viewer');
    return readTargetRevision(this.deps.db, `workspace:${workspace}`);
  }

  async warm(): Promise<string[]> {
    const workspaces = await readRecentlyImportedWorkspaces(this.deps.db, KEPT_MAPPINGS);
    // One at a time: a server just started answers its first requests meanwhile.
    for (const workspace of workspaces) await this.kept(workspace);
    return workspaces;
  }

  /**
   * The workspace's mapping, read when it is not kept. Reading 50,000 jobs back takes about a second;
   * every page of the workspace's views starts here. The copy read last is kept while the
   * workspace's audit trail (every write to it, whichever process made it) has not moved.
   */
  private async kept(workspace: string): Promise<WorkspaceMapping> {
    const revision = await readTargetRevision(this.deps.db, `workspace:${workspace}`);
    const kept = this.mappings.get(workspace);
    if (kept?.revision === revision) return kept.mapping;
    const mapping = this.readMapping(workspace);
    this.mappings.delete(workspace);
    this.mappings.set(workspace, { revision, mapping });
    if (this.mappings.size > KEPT_MAPPINGS) this.mappings.delete(this.mappings.keys().next().value as string);
    mapping.catch(() => {
      if (this.mappings.get(workspace)?.mapping === mapping) this.mappings.delete(workspace);
    });
    return mapping;
  }

  private async readMapping(workspace: string): Promise<WorkspaceMapping> {
    const { db } = this.deps;
    const [latest, jobs, settings] = await Promise.all([
      readLatestCompanyImport(db, workspace),
      readCompanyJobs(db, workspace),
      readGradeSettings(db, workspace),
    ]);
    return {
      import: latest ? storedImport(latest) : null,
      jobs,
      correlation: correlationOf(jobs, gradeOrderOf(latest), overridesOf(settings)),
      decided: decidedCounts(jobs),
    };
  }

  async reviewQueue(actor: Actor, workspace: string): Promise<CompanyJob[]> {
    await this.enter(actor, workspace, 'viewer');
    return readCompanyJobs(this.deps.db, workspace, 'review');
  }

  async decide(
    actor: Actor,
    workspace: string,
    decision: { title: string; department: string; profileCode: string; note?: string },
  ): Promise<CompanyJob[]> {
    await this.enter(actor, workspace, 'editor');
    const title = decision.title.trim();
    const department = decision.department.trim();
    if (!title) throw new CanonError('invalid_input', 'A decision names the job title it is about.');
    const code = decision.profileCode.trim();
    const profile = this.deps.catalog().findProfile(code);
    if (!profile)
      throw new CanonError(
        'invalid_input',
        `No profile ${quote(code)} in the catalog; give a profile code such as ENG-SWE-P3 (\`canon search\` finds them).`,
      );
    const note = decision.note?.trim() || null;
    return this.exclusive(workspace, null, () =>
      auditedWrite(this.deps.db, actor, { workspace, role: 'editor' }, async (tx) => {
        await this.lock(tx, workspace);
        const key = { titleKey: dictionaryKey(title), departmentKey: dictionaryKey(department) };
        const before = (await readDictionary(tx, workspace)).find(
          (e) => dictionaryKey(e.title) === key.titleKey && dictionaryKey(e.department) === key.departmentKey,
        );
        await upsertDictionaryEntry(
          tx,
          workspace,
          { title, department, profileCode: profile.code, decidedBy: actor.id, note },
          dictionaryKey,
        );
        const decided = { decidedBy: actor.id, decidedAt: new Date().toISOString(), note };
        const jobs = (await readCompanyJobs(tx, workspace, key)).map((job) =>
          decidedJob(job, profile, 'person', decided),
        );
        const latest = await readLatestCompanyImport(tx, workspace);
        if (latest && jobs.length) await rewriteCompanyJobs(tx, workspace, latest.id, jobs, dictionaryKey);
        return {
          result: jobs,
          audit: {
            action: 'company.decide',
            target: `workspace:${workspace}`,
            before: before
              ? { title: before.title, department: before.department, profileCode: before.profileCode }
              : null,
            after: { title, department, profileCode: profile.code, jobs: jobs.length },
            note,
          },
        };
      }),
    );
  }

  async dictionary(actor: Actor, workspace: string): Promise<DictionaryEntry[]> {
    await this.enter(actor, workspace, 'viewer');
    return readDictionary(this.deps.db, workspace);
  }

  async setGrade(
    actor: Actor,
    workspace: string,
    grade: string,
    levels: string | null,
    reason: string,
  ): Promise<GradeCorrelation> {
    await this.enter(actor, workspace, 'editor');
    const parsed = parseGrade(grade);
    if (!parsed)
      throw new CanonError(
        'invalid_input',
        `${quote(grade)} is not a grade; give one as the file writes it, e.g. G7, L-3 or Band 5.`,
      );
    const text = levels?.trim() || null;
    if (text !== null && !reason.trim())
      throw new CanonError(
        'invalid_input',
        `Say why ${quote(parsed.key)} corresponds to ${quote(text)}: a grade set by hand carries its reason.`,
      );
    return this.exclusive(workspace, null, async () => {
      const { db } = this.deps;
      const [latest, jobs, settings] = await Promise.all([
        readLatestCompanyImport(db, workspace),
        readCompanyJobs(db, workspace),
        readGradeSettings(db, workspace),
      ]);
      const overrides = overridesOf(settings);
      const before = overrides.get(parsed.key) ?? null;
      if (text === null) overrides.delete(parsed.key);
      else overrides.set(parsed.key, text);
      const order = gradeOrderOf(latest);
      // Checked on the stored readings before anything is matched: a bad level or a setting that
      // breaks the order is refused with gradeCorrelation's own message.
      const correlation = correlationOf(jobs, order, overrides);
      const rematched = jobs.length ? await this.rematch(workspace, jobs, order, overrides) : [];
      return auditedWrite(db, actor, { workspace, role: 'editor' }, async (tx) => {
        await this.lock(tx, workspace);
        await writeGradeSetting(tx, workspace, {
          grade: parsed.key,
          levels: text,
          reason: reason.trim(),
          setBy: actor.id,
        });
        if (latest && rematched.length)
          await replaceCompanyJobs(tx, workspace, latest.id, rematched, dictionaryKey);
        return {
          result: correlation,
          audit: {
            action: 'company.grade',
            target: `workspace:${workspace}`,
            before: { grade: parsed.key, levels: before },
            after: { grade: parsed.key, levels: text },
            note: reason.trim() || null,
          },
        };
      });
    });
  }

  async gradeSettings(actor: Actor, workspace: string): Promise<GradeSetting[]> {
    await this.enter(actor, workspace, 'viewer');
    return readGradeSettings(this.deps.db, workspace);
  }

  /** The role check, then the workspace itself: the operator may name any, and learns when it is not there. */
  private async enter(actor: Actor, workspace: string, role: 'viewer' | 'editor'): Promise<void> {
    requireWorkspaceRole(actor, { workspace, role });
    if (!(await workspaceExists(this.deps.db, workspace)))
      throw new CanonError('not_found', `No workspace ${quote(workspace)}.`);
  }

  /**
   * Runs a write with the workspace marked busy in this process; a second write meanwhile is refused.
   * An import also holds the workspace's import lease, which refuses one started by another process.
   */
  private async exclusive<T>(
    workspace: string,
    lease: { holder: string; file: string } | null,
    write: () => Promise<T>,
  ): Promise<T> {
    if (this.busy.has(workspace)) throw busy(workspace);
    this.busy.add(workspace);
    try {
      return await (lease ? withImportLease(this.deps.db, { workspace, ...lease }, write) : write());
    } finally {
      this.busy.delete(workspace);
    }
  }

  /** The workspace's lock for this transaction, or the refusal another process's write gets. */
  private async lock(tx: CanonDb, workspace: string): Promise<void> {
    if (!(await tryLockCompanyWorkspace(tx, workspace))) throw busy(workspace);
  }

  /** The dry run in the workspace: its grade settings and dictionary applied, and the diff against its jobs. */
  private async prepare(
    workspace: string,
    bytes: Uint8Array,
    file: string,
    options: CompanyImportOptions,
  ): Promise<Prepared> {
    const { db } = this.deps;
    const [latest, current, settings, dictionary] = await Promise.all([
      readLatestCompanyImport(db, workspace),
      readCompanyJobs(db, workspace),
      readGradeSettings(db, workspace),
      readDictionary(db, workspace),
    ]);
    const catalog = this.deps.catalog();
    const plan = await planCompanyImport(
      bytes,
      file,
      { resolver: await this.deps.resolver(), catalog },
      {
        ...(options.sheet !== undefined ? { sheet: options.sheet } : {}),
        ...(options.columns ? { columns: options.columns } : {}),
        ...(options.gradeOrder ? { gradeOrder: options.gradeOrder } : {}),
        gradeLevels: overridesOf(settings),
        ...(options.progress ? { progress: options.progress } : {}),
      },
    );
    const read = companyJobs(plan);
    const jobs = withDictionary(read.jobs, dictionary, catalog);
    const readOptions: ReadOptions = {
      sheet: options.sheet ?? null,
      columns: [...(options.columns ?? [])].sort(([a], [b]) => a.localeCompare(b)),
      gradeOrder: options.gradeOrder ? [...options.gradeOrder] : null,
    };
    const fileHash = createHash('sha256')
      .update(bytes)
      .update('\u0000')
      .update(JSON.stringify(readOptions))
      .digest('hex');
    return {
      preview: {
        plan,
        jobs,
        notes: read.notes,
        diff: diffJobs(current, jobs),
        decided: decidedCounts(jobs),
      },
      latest,
      fileHash,
      read: readOptions,
    };
  }

  /** The current jobs matched again with new grade settings, the dictionary's and people's decisions kept. */
  private async rematch(
    workspace: string,
    jobs: readonly CompanyJob[],
    order: readonly string[] | undefined,
    overrides: ReadonlyMap<string, string>,
  ): Promise<CompanyJob[]> {
    const catalog = this.deps.catalog();
    const { matches } = await matchJobs(
      jobs.map((j) => ({
        line: j.line,
        title: j.title,
        department: j.department,
        grade: j.grade,
        duplicateOf: j.match.duplicateOf,
      })),
      await this.deps.resolver(),
      catalog,
      { ...(order ? { order } : {}), overrides },
    );
    const fresh = jobs.map((job, i): CompanyJob => {
      const match = matches[i];
      return match ? { ...job, match, decidedBy: 'automatic' } : job;
    });
    const decided = withDictionary(fresh, await readDictionary(this.deps.db, workspace), catalog);
    // A person's decision stays theirs: the dictionary only stands in for them on a later import.
    return decided.map((job, i) => (jobs[i]?.decidedBy === 'person' ? { ...job, decidedBy: 'person' } : job));
  }
}

function busy(workspace: string): CanonError {
  return new CanonError(
    'conflict',
    `Workspace ${quote(workspace)} has an import or another change to its mapping under way; try again once it is done.`,
  );
}

/** Jobs whose title and department the dictionary holds take the decided profile, with certainty. */
function withDictionary(
  jobs: readonly CompanyJob[],
  dictionary: readonly DictionaryEntry[],
  catalog: Catalog,
): CompanyJob[] {
  if (!dictionary.length) return [...jobs];
  const byKey = new Map(
    dictionary.map((e) => [`${dictionaryKey(e.title)}\u0000${dictionaryKey(e.department)}`, e] as const),
  );
  return jobs.map((job) => {
    const entry = byKey.get(`${dictionaryKey(job.title)}\u0000${dictionaryKey(job.department)}`);
    // A decision naming a profile the catalog has since lost is passed over: the matcher's reading stands.
    const profile = entry ? catalog.findProfile(entry.profileCode) : undefined;
    return entry && profile ? decidedJob(job, profile, 'dictionary', entry) : job;
  });
}

export function decidedCounts(jobs: readonly CompanyJob[]): DecidedCounts {
  const counts: Record<DecidedBy, number> = { person: 0, dictionary: 0, automatic: 0 };
  for (const job of jobs) counts[job.decidedBy] += 1;
  return counts;
}

/**
 * The grade table of stored jobs, from what their titles read (kept on every match): the same
 * readings the import's matching used, so no title is read again.
 */
function correlationOf(
  jobs: readonly CompanyJob[],
  order: readonly string[] | undefined,
  overrides: ReadonlyMap<string, string>,
): GradeCorrelation {
  const readings = jobs.flatMap((job): GradeReading[] => {
    const { match } = job;
    const level = match.titleLevel ? findLevel(match.titleLevel.code) : undefined;
    if (match.duplicateOf !== null || !job.grade.trim() || !level || !match.focus) return [];
    return [
      {
        grade: job.grade,
        line: job.line,
        title: job.title,
        level: { code: level.code, track: level.track as Track, rank: level.rank },
        stated: match.titleLevel?.stated ?? false,
      },
    ];
  });
  return correlateGrades(readings, { ...(order ? { order } : {}), overrides });
}

function overridesOf(settings: readonly GradeSetting[]): Map<string, string> {
  return new Map(settings.map((s) => [s.grade, s.levels]));
}

function gradeOrderOf(latest: CompanyImportRecord | null): string[] | undefined {
  const order = latest?.options.gradeOrder;
  return Array.isArray(order) ? order.map(String) : undefined;
}

function storedImport(record: CompanyImportRecord): StoredImport {
  return {
    id: record.id,
    workspace: record.workspace,
    file: record.file,
    fileHash: record.fileHash,
    createdBy: record.createdBy,
    createdAt: record.createdAt,
    summary: record.summary,
    decided: record.decided,
  };
}
