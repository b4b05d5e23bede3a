import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../config/readConfig.js';
import { loadTaxonomy } from '../../taxonomy/loadTaxonomy.js';
import { draftProfile } from '../../testing/draftProfile.js';
import { Catalog } from '../catalog.js';
import type { Focus, Source, Statement, Taxonomy } from '../taxonomy.js';
import { type Dimension, reviewProfile } from './reviewProfile.js';

const SOURCES: Source[] = ['a', 'b', 'c', 'd'].map((id) => ({
  id,
  title: `Ladder ${id}`,
  kind: 'ladder',
  publisher: null,
  url: null,
  note: null,
}));
const cite = (text: string, sources = ['a', 'b', 'c']): Statement => ({ text, sources });
const rubric = (level: string) => ({
  knowledge: `Knowledge for ${level}: designs payment systems handling ${level === 'P3' ? 'one' : 'several'} product lines.`,
  complexity: `Complexity for ${level}: resolves incidents across ${level === 'P3' ? 'a team' : 'a department'}.`,
  collaboration: `Collaboration for ${level}: works with ${level === 'P3' ? 'peers' : 'directors and finance'}.`,
  degreeYears: 'Degree or equivalent practice.',
  sources: ['a'],
});

const GOOD: Record<string, Statement[]> = {
  P3: [
    cite(
      'Builds the card-payment authorization service for 3 markets and keeps its p99 latency under 200 ms.',
    ),
    cite('Reviews pull requests for the ledger team and mentors two junior engineers on PostgreSQL tuning.'),
  ],
  P4: [
    cite(
      'Owns the payments platform architecture across 5 teams, including the PCI DSS scope and its audits.',
    ),
    cite(
      'Sets the department roadmap for settlement and reconciliation with the finance directors each quarter.',
    ),
  ],
};

/** A two-focus function; the "payments" focus gets the statements under test at P3 and P4. */
function taxonomy(levels: Record<string, Statement[]>): Taxonomy {
  const focus = (
    code: string,
    key: string,
    name: string,
    content: Record<string, Statement[]>,
    skills: string[],
  ): Focus => ({
    code,
    key,
    functionCode: 'ENGINE',
    name,
    description: name,
    distinctFrom: [],
    differential: { pay: false, skill: false, sources: ['a'] },
    levelCodes: Object.keys(content),
    levels: Object.fromEntries(
      Object.entries(content).map(([l, r]) => [
        l,
        { responsibilities: r, rubric: rubric(l), career: { entryFrom: [], advancementTo: [], lateral: [] } },
      ]),
    ),
    skills: skills.map((n) => ({ name: n, application: n, kind: 'hard' as const, sources: ['a'] })),
    mappings: [],
    transitions: [],
    titleCues: [],
    sources: ['a', 'b', 'c'],
  });
  const profile = (focusCode: string, levelCode: string) => draftProfile('ENGINE', focusCode, levelCode);
  const other = {
    P3: [
      cite('Runs the mobile release train every two weeks for the iOS and Android apps.'),
      cite('Keeps crash-free sessions above 99.5% on the five largest device families.'),
    ],
    P4: [
      cite('Owns the mobile architecture shared by 4 app teams, including offline sync.'),
      cite('Sets the roadmap for the design system used by 30 screens.'),
    ],
  };
  return {
    sources: SOURCES,
    functions: [
      { code: 'ENGINE', key: 'engineering', name: 'Engineering', description: 'x', sources: ['a'] },
    ],
    focuses: [
      focus('PAYMENTSAAAA', 'payments', 'Payments Engineering', levels, ['Payments', 'Ledgers']),
      focus('MOBILEXXBBBB', 'mobile', 'Mobile Engineering', other, ['iOS', 'Android']),
    ],
    profiles: [
      ...Object.keys(levels).map((l) => profile('PAYMENTSAAAA', l)),
      profile('MOBILEXXBBBB', 'P3'),
      profile('MOBILEXXBBBB', 'P4'),
    ],
  };
}

const review = (levels: Record<string, Statement[]>) =>
  reviewProfile(new Catalog(taxonomy(levels)), 'ENGINE.PAYMENTSAAAA.P4');
const failing = (r: ReturnType<typeof review>): Dimension[] =>
  (Object.entries(r.scores) as [Dimension, number][]).filter(([, s]) => s < 4).map(([d]) => d);

describe('the review panel', () => {
  it('passes a good profile', () => {
    const r = review(GOOD);
    expect(r.passed).toBe(true);
    expect(r.minimum).toBeGreaterThanOrEqual(4);
  });

  it('fails bullets copied across levels on level differentiation', () => {
    const r = review({ P3: GOOD.P4 ?? [], P4: GOOD.P4 ?? [] });
    expect(failing(r)).toEqual(['levelDifferentiation']);
    expect(r.findings.find((f) => f.dimension === 'levelDifferentiation')?.message).toMatch(
      /Near-duplicate of a P3 responsibility/,
    );
  });

  it('fails bullets as true of another focus on focus specificity', () => {
    const r = review({
      P3: GOOD.P3 ?? [],
      P4: [
        cite('Owns the mobile architecture shared by 4 app teams, including offline sync.'),
        cite('Sets the roadmap for the design system used by 30 screens.'),
      ],
    });
    expect(failing(r)).toContain('focusSpecificity');
    expect(r.findings.find((f) => f.dimension === 'focusSpecificity')?.message).toMatch(
      /As true of Mobile Engineering/,
    );
  });

  it('fails vague bullets on concreteness', () => {
    const r = review({
      P3: GOOD.P3 ?? [],
      P4: [cite('Responsible for various duties as needed.'), cite('Helps with things.')],
    });
    expect(failing(r)).toEqual(['concreteness']);
  });

  it('fails unsourced bullets on factual accuracy, and thin evidence on coverage', () => {
    const r = review({ P3: GOOD.P3 ?? [], P4: (GOOD.P4 ?? []).map((s) => ({ ...s, sources: [] })) });
    expect(failing(r)).toContain('factualAccuracy');
    expect(r.findings.filter((f) => f.dimension === 'factualAccuracy')).toHaveLength(2);
  });

  it('fails a profile resting on one source on real-world coverage', () => {
    const t = taxonomy({ P3: GOOD.P3 ?? [], P4: (GOOD.P4 ?? []).map((s) => ({ ...s, sources: ['a'] })) });
    for (const f of t.focuses) {
      f.sources = ['a'];
      for (const l of Object.values(f.levels)) for (const r of l.responsibilities) r.sources = ['a'];
    }
    const r = reviewProfile(new Catalog(t), 'ENGINE.PAYMENTSAAAA.P4');
    expect(failing(r)).toEqual(['realWorldCoverage']);
  });

  it('derives confidence from the scores and the evidence', () => {
    const good = review(GOOD);
    const bad = review({ P3: GOOD.P4 ?? [], P4: GOOD.P4 ?? [] });
    expect(good.confidence.score).toBeGreaterThan(bad.confidence.score);
    expect(good.confidence.band).not.toBe('low');
    expect(bad.confidence.band).not.toBe('high');
  });
});

describe('the built-in taxonomy under review', () => {
  let catalog: Catalog;
  beforeAll(async () => {
    catalog = new Catalog(await loadTaxonomy(join(PROJECT_ROOT, 'data')));
  });

  it('passes every built-in profile', () => {
    const failures = catalog.taxonomy.profiles
      .map((p) => reviewProfile(catalog, p.code))
      .filter((r) => !r.passed);
    expect(failures.map((f) => [f.code, f.scores])).toEqual([]);
  });
});
