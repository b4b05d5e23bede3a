import { describe, expect, it } from 'vitest';
import { buildCatalog, TEST_SOURCE } from '../testing/buildTaxonomy.js';
import type { SourceRow } from './taxonomy.js';

const ONET = { ...TEST_SOURCE, id: 'onet-29-3', title: 'O*NET 29.3 Database' };
const row = (file: string, key: string): SourceRow => ({ source: ONET.id, file, key });
const TASK = row('Task Statements.txt', '8823');
const cites = (text: string, ...rows: SourceRow[]) => ({ text, sources: [ONET.id], rows });

const catalog = buildCatalog(
  [
    {
      code: 'HEALTH',
      name: 'Healthcare',
      focuses: [
        {
          key: 'registered-nursing',
          name: 'Registered Nursing',
          soc: ['29-1141'],
          skills: [
            {
              name: 'Triage',
              application: 'Sorts patients by need.',
              kind: 'hard',
              sources: [],
              rows: [TASK],
            },
          ],
          levels: {
            M1: { status: 'in_review', aliases: [cites('Charge Nurse', row('Alternate Titles.txt', 'x'))] },
            S3: {
              status: 'draft',
              responsibilities: [cites('Takes vital signs.', TASK, TASK)],
              career: { advancementTo: [cites('Charge Nurse', TASK)] },
            },
            P2: { status: 'retired', aliases: ['Staff Nurse', '看護師長'] },
          },
        },
        { key: 'phlebotomy', name: 'Phlebotomy', soc: ['31-9097.00'], levels: { S1: {}, S2: {} } },
      ],
    },
    { code: 'BUILDS', name: 'Construction', focuses: [{ key: 'carpentry', levels: { E1: {} } }] },
  ],
  [ONET],
);
const codes = (q: string) => catalog.search(q).hits.map((h) => h.view.code);
const nursing = catalog.focusesOf('HEALTH')[0];
const code = (level: string) => `HEALTH.${nursing?.code}.${level}`;

describe('Catalog', () => {
  it('counts each function’s focuses and profiles by status', () => {
    expect(catalog.functionSummaries().map((s) => [s.fn.code, s.focuses, s.profiles, s.byStatus])).toEqual([
      ['HEALTH', 2, 5, { approved: 2, in_review: 1, draft: 1, retired: 1 }],
      ['BUILDS', 1, 1, { approved: 1, in_review: 0, draft: 0, retired: 0 }],
    ]);
  });

  it('gives a function’s levels in track order S, P, M, E and a ladder its statuses', () => {
    expect(catalog.levelsOf('HEALTH').map((l) => l.code)).toEqual(['S1', 'S2', 'S3', 'P2', 'M1']);
    expect(catalog.levelsOf('NOSUCH')).toEqual([]);
    const view = catalog.getProfile(code('S3'));
    expect(view.ladder.map((s) => [s.level.code, s.status])).toEqual([
      ['S3', 'draft'],
      ['P2', 'retired'],
      ['M1', 'in_review'],
    ]);
    expect(view.name).toBe('Registered Nursing — Skilled Support');
  });

  it('searches names, aliases in any script and SOC codes in both forms, best first', () => {
    expect(codes('29-1141')).toEqual([code('S3'), code('P2'), code('M1')]);
    expect(codes('29-1141.00')).toEqual(codes('29-1141'));
    expect(codes('31-9097')).toHaveLength(2);
    expect(codes('charge nurse')).toEqual([code('M1')]);
    expect(codes('看護師')).toEqual([code('P2')]);
    expect(codes('nurse')[0]).toBe(code('P2'));
    expect(catalog.search('staff nurse').hits[0]?.matched).toEqual({ field: 'alias', text: 'Staff Nurse' });
    expect(codes('phlebotomy')).toHaveLength(2);
  });

  it('filters ranked matches and pages them', () => {
    const page = catalog.listProfiles({ q: 'registered nursing', status: 'retired' });
    expect(page.items.map((v) => v.code)).toEqual([code('P2')]);
    expect(catalog.listProfiles({ q: 'nursing' }, { limit: 1, offset: 1 })).toMatchObject({
      total: 3,
      limit: 1,
    });
    expect(catalog.listProfiles({ q: '🙂' }).total).toBe(0);
    expect(catalog.listProfiles({ q: '  ' }).total).toBe(6);
  });

  it('lists every statement citing a row, once each, with where it stands', () => {
    expect(catalog.rowCitations(TASK).map((c) => [c.part, c.text, c.levelCode])).toEqual([
      ['responsibility', 'Takes vital signs.', 'S3'],
      ['advancement to', 'Charge Nurse', 'S3'],
      ['skill', 'Triage: Sorts patients by need.', null],
    ]);
    expect(catalog.rowCitations(row('Alternate Titles.txt', 'x'))).toMatchObject([
      { part: 'title alias', text: 'Charge Nurse', levelCode: 'M1', focusCode: nursing?.code },
    ]);
    expect(catalog.rowCitations(row('Task Statements.txt', '8824'))).toEqual([]);
    expect(catalog.citesFile(ONET.id, 'Task Statements.txt')).toBe(true);
    expect(catalog.citesFile(ONET.id, 'Tasks.txt')).toBe(false);
    expect(catalog.citesFile(TEST_SOURCE.id, 'Task Statements.txt')).toBe(false);
  });
});
