import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadTaxonomy } from '../builtin/loadTaxonomy.js';
import { PROJECT_ROOT } from '../config/readConfig.js';
import { buildCatalog } from '../testing/buildTaxonomy.js';
import { careerPaths } from './careerPaths.js';
import { Catalog } from './catalog.js';
import { jobDescription, jobDescriptionMarkdown } from './jobDescription.js';
import { formatYearsEstimate, progressionGuide } from './progressionGuide.js';
import { readinessItems, readinessMarkdown, readinessReport } from './readiness.js';

let catalog: Catalog;
beforeAll(async () => {
  catalog = new Catalog(await loadTaxonomy(join(PROJECT_ROOT, 'data')));
});
const M3 = 'TECHNO.TECHNOLO6B55.M3';
const M6 = 'TECHNO.TECHNOLO6B55.M6';

describe('careerPaths', () => {
  it('finds the ladder below and above, sourced titles and nearby focuses', () => {
    const m4 = careerPaths(catalog, 'TECHNO.TECHNOLO6B55.M4');
    expect(m4.entry.map((s) => s.profileCode ?? s.title)).toEqual([
      M3,
      'Senior Engineering Manager',
      'Head of Engineering',
    ]);
    expect(m4.entry[0]).toMatchObject({ kind: 'ladder', typicalYears: { min: 3, max: 5, openEnded: true } });
    expect(m4.advancement[0]?.profileCode).toBe('TECHNO.TECHNOLO6B55.M5');
    expect(m4.lateral.every((s) => s.profileCode && !s.profileCode.includes('TECHNOLO6B55'))).toBe(true);
  });

  it('walks upward to the top of the focus and beyond, to the titles a source names', () => {
    const up = careerPaths(catalog, M3).upward;
    expect(up.slice(0, 3).map((s) => s.profileCode)).toEqual(
      ['M4', 'M5', 'M6'].map((l) => `TECHNO.TECHNOLO6B55.${l}`),
    );
    expect(up.slice(3).map((s) => s.title)).toContain('Chief Technology Officer');
    expect(up.at(-1)?.sources).toEqual(['seed-cto-jd']);
  });
});

describe('progressionGuide', () => {
  it('uses the stated key shifts and adds up sourced times', () => {
    const g = progressionGuide(catalog, M3, 'TECHNO.TECHNOLO6B55.M5');
    expect(g.steps.map((s) => [s.from, s.to, s.derived])).toEqual([
      ['M3', 'M4', false],
      ['M4', 'M5', false],
    ]);
    expect(formatYearsEstimate(g.typicalYears)).toBe('6–10+ years');
    expect(g.levelChanges.map((c) => c.label)).toContain('Scope');
    expect(g.rubricChanges).toHaveLength(4);
    expect(g.newResponsibilities).toHaveLength(5);
  });

  it('says when no source gives a time, and derives a key shift from the level definitions', () => {
    const g = progressionGuide(catalog, 'TECHNO.ENGINEER9222.M1', 'TECHNO.ENGINEER9222.M2');
    expect(g.typicalYears).toBeNull();
    expect(formatYearsEstimate(g.typicalYears)).toBe('not stated by a source yet');
    expect(g.steps[0]).toMatchObject({
      derived: true,
      keyShift: expect.stringMatching(/^Scope widens from one team/),
    });
  });

  it.each([
    [M6, M3, /goes upward/],
    [M3, M3, /goes upward/],
    [M3, 'TECHNO.ENGINEER9222.M3', /stays inside one focus/],
  ])('rejects %s → %s', (a, b, message) => {
    expect(() => progressionGuide(catalog, a, b)).toThrow(message);
  });
});

describe('jobDescription', () => {
  it('has every section of a job description, drawn from the profile', () => {
    const jd = jobDescription(catalog, M6);
    expect(jd.responsibilities).toHaveLength(5);
    expect(jd.hardSkills.length).toBeGreaterThan(0);
    expect(jd.softSkills.map((s) => s.name)).toContain('Strategic Vision');
    expect(jd.career.advancementTo).toContain('Chief Technology Officer');
    const md = jobDescriptionMarkdown(jd);
    for (const heading of [
      '## Role definition',
      '## Career progression',
      '## Core responsibilities',
      '### Hard skills',
      '### Soft skills',
      '## Education and experience',
    ]) {
      expect(md).toContain(heading);
    }
    expect(md).toContain('15–25 yrs');
  });

  it("lists the profile's own aliases, and never the framework's titles as if they were", () => {
    // The seed's M6 records no aliases: the framework's titles are named as the framework's.
    expect(catalog.getProfile(M6).record.aliases).toEqual([]);
    const framework = jobDescription(catalog, M6).roleDefinition.join(' ');
    expect(framework).toMatch(
      /Titles Canon's level framework uses at M6 \(none recorded for this profile\): /,
    );
    const withAliases = buildCatalog([
      {
        code: 'TECHNO',
        focuses: [
          {
            key: 'data-engineering',
            levels: { P3: { aliases: ['Senior Data Engineer', 'Data Engineer III'] } },
          },
        ],
      },
    ]);
    const code = withAliases.taxonomy.profiles[0]?.code ?? '';
    const own = jobDescription(withAliases, code).roleDefinition.join(' ');
    expect(own).toContain('Also known as: Senior Data Engineer, Data Engineer III.');
    expect(own).not.toMatch(/level framework uses/);
  });
});

describe('readiness', () => {
  const all = (rating: number) =>
    Object.fromEntries(readinessItems(catalog.getProfile(M3)).map((i) => [i.id, rating]));

  it('lists what to grow, weakest first', () => {
    const ratings = { ...all(3), r2: 0, collaboration: 1 };
    const report = readinessReport(catalog, M3, ratings);
    expect(report.toGrow.map((i) => i.id)).toEqual(['r2', 'collaboration']);
    expect(report).toMatchObject({ score: 0.79, band: 'nearly ready' });
    expect(readinessMarkdown(report)).toMatch(/## What to grow\n\n- \*\*Responsibility 2\*\* \(Not yet\)/);
  });

  it('bands the overall score', () => {
    expect(readinessReport(catalog, M3, all(0))).toMatchObject({ score: 0, band: 'developing' });
    expect(readinessReport(catalog, M3, all(2)).band).toBe('nearly ready');
  });

  it.each([
    [{}, /missing: r1, r2/],
    [{ r1: 7 }, /from 0 to 3; got "7"|from 0 to 3; got 7/],
  ])('rejects incomplete or out-of-range ratings %j', (partial, message) => {
    expect(() =>
      readinessReport(catalog, M3, { ...(Object.keys(partial).length ? all(1) : {}), ...partial }),
    ).toThrow(message);
  });
});
