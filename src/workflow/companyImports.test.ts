import { readFile } from 'node:fs/promises';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { NORTHWIND_CSV } from '../company/fixtures/northwindXlsx.js';
import type { CanonError } from '../core/errors.js';
import type { Actor } from '../core/roles.js';
import { type Canon, canonOn } from '../runtime/openCanon.js';
import { readAudit } from '../store/auditRepository.js';
import { readCompanyJobs } from '../store/companyRepository.js';
import { workspaces } from '../store/schema.js';
import { clonedStore } from '../testing/testStore.js';
import { CompanyImports } from './companyImports.js';

const EDITOR: Actor = { id: 'key:e1 (erin)', role: 'editor', workspace: 'acme' };
const VIEWER: Actor = { id: 'key:v1 (vic)', role: 'viewer', workspace: 'acme' };
const OTHER: Actor = { id: 'key:g1 (gus)', role: 'admin', workspace: 'globex' };
const OPERATOR: Actor = { id: 'cli:me', role: 'admin', operator: true };

const refused = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error('expected a refusal');
    },
    (e: CanonError) => ({ code: e.code, message: e.message }),
  );

let canon: Canon;
let northwind: Uint8Array;

beforeAll(async () => {
  canon = await canonOn(await clonedStore());
  northwind = await readFile(NORTHWIND_CSV);
});
afterAll(() => canon.close());
beforeEach(async () => {
  const { db } = canon.store;
  await db.execute(
    'TRUNCATE company_jobs, company_imports, company_dictionary, company_grades, workspaces, audit_log CASCADE',
  );
  await db.insert(workspaces).values([
    { id: 'acme', name: 'Acme', createdBy: 'cli:me' },
    { id: 'globex', name: 'Globex', createdBy: 'cli:me' },
  ]);
});

const auditOf = async () =>
  (await readAudit(canon.store.db, { limit: 100 })).filter((e) => e.action.startsWith('company.'));

/** The Northwind catalog with some of its lines changed, as the text of a CSV. */
function edited(edit: (lines: string[]) => string[]): Uint8Array {
  return new TextEncoder().encode(edit(new TextDecoder().decode(northwind).split('\n')).join('\n'));
}

describe('a company import into a workspace', () => {
  it('Northwind end to end: the dry run stores nothing; storing keeps every matched row and records the import', async () => {
    const preview = await canon.company.preview(VIEWER, 'acme', northwind, 'northwind.csv');
    const { summary } = preview.plan;
    expect(summary.read + summary.problems).toBe(summary.lines);
    expect(preview.jobs).toHaveLength(summary.read);
    expect(preview.diff.added).toHaveLength(summary.read);
    expect(preview.decided).toEqual({ person: 0, dictionary: 0, automatic: summary.read });
    expect(await canon.company.imports(VIEWER, 'acme')).toEqual([]);

    const { import: stored, diff } = await canon.company.store(EDITOR, 'acme', northwind, 'northwind.csv');
    expect(diff.added).toHaveLength(summary.read);
    expect(stored).toMatchObject({ workspace: 'acme', file: 'northwind.csv', createdBy: EDITOR.id, summary });
    const mapping = await canon.company.mapping(VIEWER, 'acme');
    expect(mapping.import).toEqual(stored);
    expect(mapping.jobs).toEqual(preview.jobs);
    expect(mapping.decided).toEqual({ person: 0, dictionary: 0, automatic: summary.read });
    // The grade table read back from the stored matches is the one the import made.
    expect(mapping.correlation).toEqual(preview.plan.correlation);
    expect(await canon.company.imports(VIEWER, 'acme')).toEqual([stored]);
    expect((await canon.company.mapping(OTHER, 'globex')).jobs).toEqual([]);
    const [entry] = await auditOf();
    expect(entry).toMatchObject({ action: 'company.import', actor: EDITOR.id, target: 'workspace:acme' });
  });

  it('the same file read the same way again stores nothing and logs nothing', async () => {
    const first = await canon.company.store(EDITOR, 'acme', northwind, 'northwind.csv');
    const again = await canon.company.store(EDITOR, 'acme', northwind, 'northwind.csv');
    expect(again.diff).toEqual({ unchanged: true, added: [], removed: [], changed: [] });
    expect(again.import).toEqual(first.import);
    expect(await canon.company.imports(VIEWER, 'acme')).toHaveLength(1);
    expect(await auditOf()).toHaveLength(1);
  });

  it('a changed file shows what changed, job by job, and replaces the jobs whole', async () => {
    await canon.company.store(EDITOR, 'acme', northwind, 'northwind.csv');
    const next = edited((lines) => {
      const out = [...lines];
      out[3] = (out[3] ?? '').replace('Austin TX,2,"53,500"', 'Austin TX,2,"58,500"');
      out.splice(5, 1);
      out.push('NW-999,Chief Pastry Officer,Kitchen,9000,L9,Lisbon,1,90000,EUR,2024-06-30');
      return out;
    });
    const preview = await canon.company.preview(EDITOR, 'acme', next, 'northwind-july.csv');
    expect(preview.diff.unchanged).toBe(false);
    expect(preview.diff.added.map((j) => j.jobCode)).toEqual(['NW-999']);
    expect(preview.diff.removed.map((j) => j.jobCode)).toEqual(['NW-103']);
    expect(preview.diff.changed.map((c) => [c.after.jobCode, c.fields])).toEqual([['NW-101', ['basePay']]]);
    const { diff } = await canon.company.store(EDITOR, 'acme', next, 'northwind-july.csv');
    expect(diff).toEqual(preview.diff);
    const jobs = (await canon.company.mapping(VIEWER, 'acme')).jobs;
    expect(jobs.some((j) => j.jobCode === 'NW-103')).toBe(false);
    expect(jobs.find((j) => j.jobCode === 'NW-101')?.basePay).toBe(58_500);
    expect((await canon.company.imports(VIEWER, 'acme')).map((i) => i.file)).toEqual([
      'northwind-july.csv',
      'northwind.csv',
    ]);
  });

  it('a second import into the workspace while one runs is refused, and the first lands whole', async () => {
    const first = canon.company.store(EDITOR, 'acme', northwind, 'northwind.csv');
    const second = await refused(canon.company.store(EDITOR, 'acme', northwind, 'again.csv'));
    expect(second).toEqual({
      code: 'conflict',
      message:
        'Workspace "acme" has an import or another change to its mapping under way; try again once it is done.',
    });
    // Another workspace is not held up.
    await canon.company.store(OTHER, 'globex', northwind, 'northwind.csv');
    const { import: landed } = await first;
    expect((await canon.company.imports(VIEWER, 'acme')).map((i) => i.id)).toEqual([landed.id]);
  });

  it('rows that cannot be read are reported by line, counted, and never dropped silently', async () => {
    const bad = new TextEncoder().encode(
      [
        'Job Code,Business Title,Dept,Grade',
        'A-1,Payroll Specialist,Finance,G5',
        'A-2,,Finance,G5',
        'A-3,"Senior Accountant,Finance,G6',
      ].join('\n'),
    );
    const preview = await canon.company.preview(EDITOR, 'acme', bad, 'bad.csv');
    expect(preview.plan.summary).toMatchObject({ lines: 3, read: 1, problems: 2 });
    expect(preview.plan.problems.map((p) => p.line)).toEqual([3, 4]);
    const { import: stored } = await canon.company.store(EDITOR, 'acme', bad, 'bad.csv');
    expect(stored.summary).toMatchObject({ lines: 3, read: 1, problems: 2 });
  });

  it('checks roles: a viewer previews but cannot store; another workspace is not found', async () => {
    expect(await refused(canon.company.store(VIEWER, 'acme', northwind, 'n.csv'))).toMatchObject({
      code: 'forbidden',
    });
    expect(await refused(canon.company.mapping(OTHER, 'acme'))).toEqual({
      code: 'not_found',
      message: 'No workspace "acme".',
    });
    expect(await refused(canon.company.imports(OPERATOR, 'initech'))).toEqual({
      code: 'not_found',
      message: 'No workspace "initech".',
    });
  });
});

describe('the review queue, decisions and the dictionary', () => {
  it('a decision settles every job of the title and department, and the next import maps them from the dictionary', async () => {
    await canon.company.store(EDITOR, 'acme', northwind, 'northwind.csv');
    const queue = await canon.company.reviewQueue(VIEWER, 'acme');
    expect(queue.length).toBeGreaterThan(0);
    expect(queue.every((j) => j.match.status !== 'matched' && j.decidedBy === 'automatic')).toBe(true);
    const target = queue[0];
    if (!target) throw new Error('no job to review');
    // Another job's profile: a decision that differs from what the matcher read.
    const mapping = await canon.company.mapping(VIEWER, 'acme');
    const profile = mapping.jobs.find(
      (j) => j.match.profile && j.match.profile.code !== target.match.profile?.code,
    )?.match.profile;
    if (!profile) throw new Error('no profile');
    const sameKey = (j: { title: string; department: string }) =>
      j.title.trim().toLowerCase() === target.title.trim().toLowerCase() &&
      j.department.trim().toLowerCase() === target.department.trim().toLowerCase();
    const expected = mapping.jobs.filter(sameKey).map((j) => j.line);

    const decided = await canon.company.decide(EDITOR, 'acme', {
      title: ` ${target.title.toUpperCase()} `,
      department: target.department,
      profileCode: profile.code,
      note: 'checked with HR',
    });
    expect(decided.map((j) => j.line)).toEqual(expected);
    for (const job of decided) {
      expect(job.decidedBy).toBe('person');
      expect(job.match).toMatchObject({
        status: 'matched',
        confidence: 1,
        review: [],
        profile: { code: profile.code },
      });
      expect(job.match.explanation[0]).toMatch(
        /^Decided by key:e1 \(erin\) on \d{4}-\d\d-\d\d: .* — checked with HR\.$/,
      );
    }
    expect((await canon.company.reviewQueue(VIEWER, 'acme')).some(sameKey)).toBe(false);
    expect(await canon.company.dictionary(VIEWER, 'acme')).toEqual([
      expect.objectContaining({ profileCode: profile.code, decidedBy: EDITOR.id, note: 'checked with HR' }),
    ]);
    expect((await canon.company.mapping(VIEWER, 'acme')).decided.person).toBe(expected.length);

    // The same file again: the decided jobs now come from the dictionary, which the diff names.
    const next = await canon.company.store(EDITOR, 'acme', northwind, 'northwind.csv');
    expect(next.diff.changed.map((c) => c.after.line)).toEqual(expected);
    expect(next.diff.changed.every((c) => c.fields.join() === 'decidedBy')).toBe(true);
    expect(next.import.decided).toMatchObject({ person: 0, dictionary: expected.length });
    const fromDictionary = (await canon.company.mapping(VIEWER, 'acme')).jobs.filter(sameKey);
    expect(fromDictionary.every((j) => j.decidedBy === 'dictionary' && j.match.confidence === 1)).toBe(true);
    expect(fromDictionary[0]?.match.explanation[0]).toMatch(
      /^From the dictionary: decided by key:e1 \(erin\)/,
    );
    const actions = (await auditOf()).map((e) => e.action);
    expect(actions.sort()).toEqual(['company.decide', 'company.import', 'company.import']);
  });

  it('refuses a profile the catalog lacks, quoting it, and a viewer', async () => {
    const decision = { title: 'Analyst', department: 'Finance', profileCode: 'NOPE-X-P9' };
    expect(await refused(canon.company.decide(EDITOR, 'acme', decision))).toMatchObject({
      code: 'invalid_input',
      message: expect.stringContaining('No profile "NOPE-X-P9"'),
    });
    expect(await refused(canon.company.decide(VIEWER, 'acme', decision))).toMatchObject({
      code: 'forbidden',
    });
  });
});

describe('the mapping read back', () => {
  it('is kept while nothing is written to the workspace, and read again after a write from anywhere', async () => {
    await canon.company.store(EDITOR, 'acme', northwind, 'northwind.csv');
    const first = await canon.company.mapping(VIEWER, 'acme');
    expect(await canon.company.mapping(VIEWER, 'acme')).toBe(first);
    // Another process holding the same store: its write must show here, not the copy kept.
    const elsewhere = new CompanyImports({
      db: canon.store.db,
      catalog: () => canon.catalog,
      resolver: () => canon.resolver(),
    });
    const target = first.jobs.find((j) => j.match.status !== 'matched');
    const profile = first.jobs.find((j) => j.match.profile)?.match.profile;
    if (!target || !profile) throw new Error('no job to decide');
    await elsewhere.decide(EDITOR, 'acme', {
      title: target.title,
      department: target.department,
      profileCode: profile.code,
    });
    const after = await canon.company.mapping(VIEWER, 'acme');
    expect(after).not.toBe(first);
    expect(after.decided.person).toBeGreaterThan(first.decided.person);
    expect(after.jobs.find((j) => j.line === target.line)?.decidedBy).toBe('person');
    // Another workspace's key learns nothing from the copy kept for acme.
    await expect(canon.company.mapping(OTHER, 'acme')).rejects.toMatchObject({ code: 'not_found' });
  });
});

describe('reading ahead', () => {
  it('reads the most recently imported workspaces’ mappings, and a page after it answers from them', async () => {
    await canon.company.store(EDITOR, 'acme', northwind, 'northwind.csv');
    const started = new CompanyImports({
      db: canon.store.db,
      catalog: () => canon.catalog,
      resolver: () => canon.resolver(),
    });
    expect(await started.warm()).toEqual(['acme']);
    // Jobs gone behind Canon's back (no write, so no new revision): a page read from the store would
    // see none; the mapping read ahead still holds them.
    await canon.store.db.execute(sql`DELETE FROM company_jobs WHERE workspace_id = 'acme'`);
    expect((await started.mapping(VIEWER, 'acme')).jobs.length).toBeGreaterThan(0);
    // Reading ahead checks no role; the page still does.
    await expect(started.mapping(OTHER, 'acme')).rejects.toMatchObject({ code: 'not_found' });
  });
});

describe('grades set by hand', () => {
  it('sets a grade, rematches the current jobs at it, and clears it again', async () => {
    await canon.company.store(EDITOR, 'acme', northwind, 'northwind.csv');
    const before = await canon.company.mapping(VIEWER, 'acme');
    const l5 = before.correlation.grades.find((g) => g.grade === 'L5');
    expect(l5?.basis).not.toBe('set');
    const correlation = await canon.company.setGrade(
      EDITOR,
      'acme',
      'Level 5',
      'P4',
      'agreed with reward team',
    );
    expect(correlation.grades.find((g) => g.grade === 'L5')).toMatchObject({ basis: 'set', levels: ['P4'] });
    expect(await canon.company.gradeSettings(VIEWER, 'acme')).toEqual([
      {
        grade: 'L5',
        levels: 'P4',
        reason: 'agreed with reward team',
        setBy: EDITOR.id,
        setAt: expect.any(String),
      },
    ]);
    const after = await canon.company.mapping(VIEWER, 'acme');
    expect(after.correlation).toEqual(correlation);
    const atL5 = after.jobs.filter((j) => j.match.gradeLevels?.join() === 'P4');
    expect(atL5.length).toBeGreaterThan(0);
    expect(atL5.every((j) => ['L5', 'L-5', 'Level 5'].includes(j.grade))).toBe(true);

    await canon.company.setGrade(EDITOR, 'acme', 'L5', null, '');
    expect(await canon.company.gradeSettings(VIEWER, 'acme')).toEqual([]);
    expect((await canon.company.mapping(VIEWER, 'acme')).jobs).toEqual(before.jobs);
    expect((await auditOf()).filter((e) => e.action === 'company.grade')).toHaveLength(2);
  });

  it('refuses a level it cannot read, a grade it cannot read, and a setting that breaks the order', async () => {
    await canon.company.store(EDITOR, 'acme', northwind, 'northwind.csv');
    expect(await refused(canon.company.setGrade(EDITOR, 'acme', 'L5', 'Q9', 'why not'))).toMatchObject({
      code: 'invalid_input',
      message: expect.stringContaining('"Q9"'),
    });
    expect(await refused(canon.company.setGrade(EDITOR, 'acme', ' ', 'P3', 'x'))).toMatchObject({
      code: 'invalid_input',
      message: expect.stringContaining('" " is not a grade'),
    });
    await canon.company.setGrade(EDITOR, 'acme', 'L5', 'P3', 'agreed');
    expect(await refused(canon.company.setGrade(EDITOR, 'acme', 'L3', 'P5', 'x'))).toEqual({
      code: 'invalid_input',
      message:
        '"L5" is set to P3 but "L3", a lower grade, to P5: a higher grade never corresponds to a lower level.',
    });
    expect((await canon.company.gradeSettings(VIEWER, 'acme')).map((g) => g.grade)).toEqual(['L5']);
    expect(await readCompanyJobs(canon.store.db, 'acme')).toHaveLength(
      (await canon.company.mapping(VIEWER, 'acme')).jobs.length,
    );
  });
});
