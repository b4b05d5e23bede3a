import { beforeAll, describe, expect, it } from 'vitest';
import { Catalog } from '../core/catalog.js';
import { OccupationIndex } from '../resolve/occupationIndex.js';
import { TitleResolver } from '../resolve/titleResolver.js';
import {
  LANDING_OCCUPATIONS,
  PROFESSIONAL_FOCUS,
  SUPPORT_FOCUS,
  taxonomyWith,
} from '../testing/landingFixture.js';
import { MAPPING_COLUMNS, mappingRows } from './mappingRows.js';
import { type ImportPlan, planCompanyImport } from './planCompanyImport.js';

const CSV = [
  'Title,Grade,Dept',
  'Senior Electrician,Band 3,Construction',
  'Electrician,Band 2,Construction',
  'Electrician,Band 2,Construction',
  ',Band 2,Construction',
  'Sr. Electrician, Maintenance,Band 3,Construction',
  '=HYPERLINK("x"),Band 2,Construction',
].join('\n');

describe('mappingRows', () => {
  let plan: ImportPlan;
  beforeAll(async () => {
    const catalog = new Catalog(await taxonomyWith([SUPPORT_FOCUS, PROFESSIONAL_FOCUS]));
    const resolver = new TitleResolver(new OccupationIndex(LANDING_OCCUPATIONS), catalog);
    plan = await planCompanyImport(new TextEncoder().encode(CSV), 'jobs.csv', { resolver, catalog });
  });

  it('has a row for every line after the header, in file order: its number, its cells, its match or its problem', () => {
    const table = [...mappingRows(plan)];
    expect(table[0]).toEqual(['line', 'Title', 'Grade', 'Dept', ...MAPPING_COLUMNS]);
    expect(table.slice(1).map((r) => r[0])).toEqual([2, 3, 4, 5, 6, 7]);
    const column = (name: (typeof MAPPING_COLUMNS)[number]) => 4 + MAPPING_COLUMNS.indexOf(name);
    const [, senior, plain, repeat, untitled, ragged, formula] = table;
    expect(senior?.slice(0, 4)).toEqual([2, 'Senior Electrician', 'Band 3', 'Construction']);
    expect(senior?.[column('canon_status')]).toBe('matched');
    expect(senior?.[column('canon_level')]).toBe('S3');
    expect(plain?.[column('canon_title_level')]).toBe('S3 (default)');
    expect(repeat?.[column('canon_duplicate_of')]).toBe(3);
    expect(untitled?.[column('canon_problem')]).toBe('no job title; not matched');
    expect(untitled?.[column('canon_status')]).toBe('');
    expect(ragged?.slice(1, 4)).toEqual(['', '', '']);
    expect(ragged?.[column('canon_problem')]).toBe(
      '4 cells where the header has 3 (a delimiter inside an unquoted cell?); not read',
    );
    expect(formula?.[1]).toBe('=HYPERLINK("x")');
    expect(formula?.[column('canon_status')]).toBe('unmatched');
  });
});
