import { expect, it } from 'vitest';
import type { CompanyJob } from '../../company/companyJob.js';
import { refusal, storeContract } from '../../testing/storeContract.js';
import {
  insertCompanyImport,
  readCompanyImports,
  readCompanyJobs,
  readDictionary,
  readGradeSettings,
  readLatestCompanyImport,
  replaceCompanyJobs,
  rewriteCompanyJobs,
  tryLockCompanyWorkspace,
  upsertDictionaryEntry,
  workspaceExists,
  writeGradeSetting,
} from '../companyRepository.js';
import type { CanonDb } from '../openStore.js';
import { workspaces } from '../schema.js';

const keyOf = (text: string) => text.trim().toLowerCase();

function job(line: number, overrides: Partial<CompanyJob> = {}): CompanyJob {
  const title = overrides.title ?? `Analyst ${line % 7}`;
  return {
    line,
    jobCode: `J-${line}`,
    title,
    department: 'Finance',
    grade: 'G5',
    location: 'Lisbon',
    employeeId: '',
    headcount: 1 + (line % 3),
    basePay: line % 2 ? 50_000 + line : null,
    currency: line % 2 ? 'EUR' : '',
    decidedBy: 'automatic',
    match: {
      line,
      title,
      department: 'Finance',
      grade: 'G5',
      duplicateOf: null,
      status: line % 5 === 0 ? 'needs review' : 'matched',
      function: { code: 'FIN', name: 'Finance' },
      focus: { code: 'FIN-FPA', name: 'Financial Planning' },
      profile: { code: 'FIN-FPA-P2', fit: 'exact' },
      level: { code: 'P2', track: 'P', rank: 2, title: 'Professional' },
      titleLevel: { code: 'P2', stated: false },
      gradeLevels: ['P2'],
      confidence: 0.8,
      review: line % 5 === 0 ? ['low confidence'] : [],
      explanation: [`line ${line} read as an analyst`],
    },
    ...overrides,
  };
}

async function workspace(db: CanonDb, id: string): Promise<void> {
  await db.insert(workspaces).values({ id, name: id, createdBy: 'cli:test' });
}

const newImport = (ws: string, file: string) => ({
  workspace: ws,
  file,
  fileHash: `hash-${file}`,
  options: { sheet: null, columns: [], gradeOrder: null },
  summary: { lines: 3, read: 2, problems: 1, duplicates: 0, matched: 2, needsReview: 0, unmatched: 0 },
  decided: { person: 0, dictionary: 0, automatic: 2 },
  createdBy: 'key:a (alice)',
});

await storeContract('companyRepository', (store) => {
  it('records imports per workspace, newest first, and knows which workspaces exist', async () => {
    const { db } = store();
    await workspace(db, 'acme');
    await workspace(db, 'globex');
    expect(await workspaceExists(db, 'acme')).toBe(true);
    expect(await workspaceExists(db, 'initech')).toBe(false);
    const first = await insertCompanyImport(db, newImport('acme', 'a.csv'));
    const second = await insertCompanyImport(db, newImport('acme', 'b.csv'));
    await insertCompanyImport(db, newImport('globex', 'g.csv'));
    expect(second.id).toBeGreaterThan(first.id);
    expect(first).toEqual({ id: first.id, ...newImport('acme', 'a.csv'), createdAt: expect.any(String) });
    expect(new Date(first.createdAt).toISOString()).toBe(first.createdAt);
    expect((await readCompanyImports(db, 'acme')).map((i) => i.file)).toEqual(['b.csv', 'a.csv']);
    expect((await readLatestCompanyImport(db, 'globex'))?.file).toBe('g.csv');
    expect(await readLatestCompanyImport(db, 'initech')).toBeNull();
  });

  it('refuses an import or a job of a workspace that does not exist', async () => {
    const { db } = store();
    expect(await refusal(insertCompanyImport(db, newImport('nobody', 'a.csv')))).toMatch(/foreign key/);
  });

  it('replaces the current jobs whole, in batches, and reads them back in file order', async () => {
    const { db } = store();
    await workspace(db, 'acme');
    await workspace(db, 'globex');
    const { id } = await insertCompanyImport(db, newImport('acme', 'a.csv'));
    const other = await insertCompanyImport(db, newImport('globex', 'g.csv'));
    await replaceCompanyJobs(db, 'globex', other.id, [job(2)], keyOf);
    const many = Array.from({ length: 2_500 }, (_, i) => job(2_502 - i));
    const seen: number[] = [];
    await replaceCompanyJobs(db, 'acme', id, many, keyOf, (done) => seen.push(done));
    expect(seen).toEqual([1_000, 2_000, 2_500]);
    const read = await readCompanyJobs(db, 'acme');
    expect(read).toEqual([...many].sort((a, b) => a.line - b.line));
    await replaceCompanyJobs(db, 'acme', id, [job(7)], keyOf);
    expect(await readCompanyJobs(db, 'acme')).toEqual([job(7)]);
    expect(await readCompanyJobs(db, 'globex')).toEqual([job(2)]);
  });

  it('reads the review queue and the jobs of one title and department; rewrites some jobs by line', async () => {
    const { db } = store();
    await workspace(db, 'acme');
    const { id } = await insertCompanyImport(db, newImport('acme', 'a.csv'));
    const jobs = [5, 6, 10, 12].map((line) => job(line));
    jobs.push(job(15, { decidedBy: 'person' }));
    await replaceCompanyJobs(db, 'acme', id, jobs, keyOf);
    expect((await readCompanyJobs(db, 'acme', 'review')).map((j) => j.line)).toEqual([5, 10]);
    const key = { titleKey: keyOf(job(12).title), departmentKey: 'finance' };
    expect((await readCompanyJobs(db, 'acme', key)).map((j) => j.line)).toEqual([5, 12]);
    const decided = job(5, { decidedBy: 'person', match: { ...job(5).match, status: 'matched' } });
    await rewriteCompanyJobs(db, 'acme', id, [decided], keyOf);
    expect((await readCompanyJobs(db, 'acme', 'review')).map((j) => j.line)).toEqual([10]);
    expect((await readCompanyJobs(db, 'acme')).find((j) => j.line === 5)).toEqual(decided);
  });

  it('keeps one dictionary entry per title and department as compared, the latest decision winning', async () => {
    const { db } = store();
    await workspace(db, 'acme');
    const entry = {
      title: 'Sr Analyst',
      department: 'Finance',
      profileCode: 'FIN-FPA-P3',
      decidedBy: 'key:a (alice)',
      note: null,
    };
    await upsertDictionaryEntry(db, 'acme', entry, keyOf);
    await upsertDictionaryEntry(
      db,
      'acme',
      { ...entry, title: 'SR ANALYST ', profileCode: 'FIN-FPA-P4', note: 'a lead, in fact' },
      keyOf,
    );
    const read = await readDictionary(db, 'acme');
    expect(read).toEqual([
      {
        title: 'SR ANALYST ',
        department: 'Finance',
        profileCode: 'FIN-FPA-P4',
        decidedBy: 'key:a (alice)',
        decidedAt: expect.any(String),
        note: 'a lead, in fact',
      },
    ]);
  });

  it('sets, replaces and clears a grade setting', async () => {
    const { db } = store();
    await workspace(db, 'acme');
    await writeGradeSetting(db, 'acme', { grade: 'G7', levels: 'P4', reason: 'agreed', setBy: 'cli:me' });
    await writeGradeSetting(db, 'acme', { grade: 'G7', levels: 'P4..P5', reason: 'wider', setBy: 'cli:me' });
    await writeGradeSetting(db, 'acme', { grade: 'G3', levels: 'P1', reason: 'entry', setBy: 'cli:me' });
    expect(await readGradeSettings(db, 'acme')).toEqual([
      { grade: 'G3', levels: 'P1', reason: 'entry', setBy: 'cli:me', setAt: expect.any(String) },
      { grade: 'G7', levels: 'P4..P5', reason: 'wider', setBy: 'cli:me', setAt: expect.any(String) },
    ]);
    await writeGradeSetting(db, 'acme', { grade: 'G7', levels: null, reason: '', setBy: 'cli:me' });
    expect((await readGradeSettings(db, 'acme')).map((g) => g.grade)).toEqual(['G3']);
  });

  it("takes a workspace's import lock for a transaction", async () => {
    const { db } = store();
    expect(await db.transaction((tx) => tryLockCompanyWorkspace(tx, 'acme'))).toBe(true);
    expect(await db.transaction((tx) => tryLockCompanyWorkspace(tx, 'acme'))).toBe(true);
  });
});
