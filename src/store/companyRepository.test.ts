import { beforeAll, describe, expect, it } from 'vitest';
import type { CompanyJob } from '../company/companyJob.js';
import type { JobMatch } from '../company/matchJobs.js';
import { clonedStore } from '../testing/testStore.js';
import { insertCompanyImport, readCompanyJobs, replaceCompanyJobs } from './companyRepository.js';
import type { CanonDb } from './openStore.js';
import { workspaces } from './schema.js';

/** More jobs than one page of the read back holds. */
const JOBS = 20_003;

const key = (text: string) => text.toLowerCase();

/** Two kinds of job, as an HRIS export repeats its jobs over their holders: alike but for the line. */
function job(line: number): CompanyJob {
  const senior = line % 2 === 0;
  const title = senior ? 'Senior Accountant' : 'Electrician';
  const match: JobMatch = {
    // In the order matching writes a match: the row's own fields first.
    line,
    duplicateOf: null,
    title,
    department: 'Finance',
    grade: senior ? 'G5' : 'G3',
    status: senior ? 'matched' : 'needs review',
    function: { code: 'FIN', name: 'Finance' },
    focus: null,
    profile: null,
    level: { code: senior ? 'P3' : 'S2', track: senior ? 'P' : 'S', rank: 3, title: 'Level' },
    titleLevel: { code: senior ? 'P3' : 'S2', stated: senior },
    gradeLevels: [senior ? 'P3' : 'S2'],
    confidence: 0.8,
    review: senior ? [] : ['a reason'],
    explanation: [`${title} reads as such.`, 'Grade: as the title reads.'],
  };
  return {
    line,
    jobCode: senior ? 'J1' : 'J2',
    title,
    department: 'Finance',
    grade: match.grade,
    location: 'Austin TX',
    employeeId: `E${line}`,
    headcount: 1,
    basePay: 50_000 + line,
    currency: 'USD',
    match,
    decidedBy: 'automatic',
  };
}

describe('the company jobs read back', () => {
  let db: CanonDb;
  const written = Array.from({ length: JOBS }, (_, i) => job(i + 2));

  beforeAll(async () => {
    ({ db } = await clonedStore());
    await db.insert(workspaces).values({ id: 'acme', name: 'Acme', createdBy: 'cli:test' });
    const record = await insertCompanyImport(db, {
      workspace: 'acme',
      file: 'hris.csv',
      fileHash: 'hash',
      options: {},
      summary: {
        lines: JOBS,
        read: JOBS,
        problems: 0,
        duplicates: 0,
        matched: 0,
        needsReview: 0,
        unmatched: 0,
      },
      decided: { person: 0, dictionary: 0, automatic: JOBS },
      createdBy: 'cli:test',
    });
    await replaceCompanyJobs(db, 'acme', record.id, written, key);
  });

  it('are every job written, in line order, over more than one page', async () => {
    const read = await readCompanyJobs(db, 'acme');
    expect(read.length).toBe(JOBS);
    expect(JSON.stringify(read)).toBe(JSON.stringify(written));
  });

  it("share what jobs alike hold — their matches' lists and names — and keep each its own line", async () => {
    const [a, b, c] = await readCompanyJobs(db, 'acme');
    expect(a?.match.explanation).toBe(c?.match.explanation);
    expect(a?.match.level).toBe(c?.match.level);
    expect(a?.match.explanation).not.toBe(b?.match.explanation);
    expect([a?.match.line, c?.match.line]).toEqual([2, 4]);
  });

  it('read a filter the same way: the review queue', async () => {
    const review = await readCompanyJobs(db, 'acme', 'review');
    expect(review.map((j) => j.line)).toEqual(written.filter((j) => j.line % 2 === 1).map((j) => j.line));
  });
});
