import { beforeAll, describe, expect, it } from 'vitest';
import { Catalog } from '../core/catalog.js';
import { LANDING_OCCUPATIONS, landingTaxonomy } from '../testing/landingFixture.js';
import { type Cell, codeTitleRows, OUTPUT_COLUMNS } from './codeTitleRows.js';
import { OccupationIndex } from './occupationIndex.js';
import { TitleResolver } from './titleResolver.js';

let resolver: TitleResolver;
beforeAll(async () => {
  resolver = new TitleResolver(
    new OccupationIndex(LANDING_OCCUPATIONS),
    new Catalog(await landingTaxonomy()),
  );
});

async function* table(rows: string[][]) {
  for (const [i, record] of rows.entries()) yield { record, line: i + 1 };
}

async function code(rows: string[][], column = 'job_title') {
  const written: Cell[][] = [];
  const problems: string[] = [];
  const counts = await codeTitleRows(resolver, table(rows), {
    source: 'titles.csv',
    column,
    write: async (row) => void written.push(row),
    problem: (line, message) => void problems.push(`${line}: ${message}`),
  });
  return { counts, written, problems };
}

describe('codeTitleRows', () => {
  it('keeps every input column and appends the canon columns, the level present even when nothing matched', async () => {
    const { counts, written } = await code([
      ['id', 'job_title'],
      ['1', 'Senior Offering Manager'],
    ]);
    expect(counts).toEqual({ rows: 1, bad: 0 });
    expect(written[0]).toEqual(['id', 'job_title', ...OUTPUT_COLUMNS]);
    const row = written[1] ?? [];
    expect(row.slice(0, 2)).toEqual(['1', 'Senior Offering Manager']);
    expect(row[2 + OUTPUT_COLUMNS.indexOf('canon_level')]).toBe('M3');
    expect(row[2 + OUTPUT_COLUMNS.indexOf('canon_error')]).toBe('unresolved');
    expect(row[2 + OUTPUT_COLUMNS.indexOf('canon_needs_review')]).toBe('yes');
    expect(row[2 + OUTPUT_COLUMNS.indexOf('canon_review_reason')]).toBe('no candidate');
  });

  it('writes whether a row needs review and the first three candidates with their titles and confidences', async () => {
    const { written } = await code([['job_title'], ['Lead Electrician']]);
    const cell = (name: string) => written[1]?.[1 + OUTPUT_COLUMNS.indexOf(name)];
    const r = resolver.resolve({ title: 'Lead Electrician' }, 3);
    expect(cell('canon_needs_review')).toBe(r.needsReview ? 'yes' : 'no');
    for (const [i, c] of r.candidates.entries()) {
      expect(cell(`canon_soc_${i + 1}`)).toBe(c.soc?.code);
      expect(cell(`canon_soc_${i + 1}_title`)).toBe(c.soc?.title);
      expect(cell(`canon_soc_${i + 1}_confidence`)).toBe(c.confidence);
    }
    expect(cell('canon_soc_1_title')).toBe('Electricians');
  });

  it("writes the level each title's words state, for titles no occupation matches too", async () => {
    const { written } = await code([
      ['job_title'],
      ['Co-Founder, Zorblax'],
      ['Head of Snorkelwhacking'],
      ['Zorblax Wrangler II and Team Lead'],
    ]);
    const at = OUTPUT_COLUMNS.indexOf('canon_level') + 1;
    expect(written.slice(1).map((row) => row[at])).toEqual(['E3', 'M4', 'M1']);
  });

  it('writes a row it cannot code with the reason, and reports its line', async () => {
    const { counts, written, problems } = await code([['job_title'], ['Z'.repeat(301)]]);
    expect(counts).toEqual({ rows: 1, bad: 1 });
    expect(problems).toEqual([expect.stringMatching(/^2: A title may have at most 300 characters/)]);
    expect(String(written[1]?.at(-1))).toMatch(/at most 300 characters/);
  });

  it('refuses a table without the column, naming the columns it has, and an empty one', async () => {
    await expect(code([['title', 'id']])).rejects.toThrow(
      'titles.csv has no column "job_title"; its columns are "title", "id".',
    );
    await expect(code([])).rejects.toThrow('titles.csv is empty; expected a header line naming "job_title".');
  });
});
