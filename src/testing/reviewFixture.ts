import type { Focus, Source, Statement, Taxonomy } from '../core/taxonomy.js';
import { draftProfile } from './draftProfile.js';

/** Small taxonomies for the review panel's tests. */
const SOURCES: Source[] = ['a', 'b', 'c', 'd'].map((id) => ({
  id,
  title: `Ladder ${id}`,
  kind: 'ladder',
  publisher: null,
  url: null,
  note: null,
}));
export const cite = (text: string, sources = ['a', 'b', 'c']): Statement => ({ text, sources });
/** Rubric cells that differ level by level, so only the statements under test draw findings. */
const RUBRICS = new Map([
  [
    'P3',
    [
      'Applies PostgreSQL and Kotlin skills to one card-payment service.',
      'Debugs failed authorizations inside a single team.',
      'Pairs with peers and the team lead.',
    ],
  ],
  [
    'P4',
    [
      'Designs ledger and settlement architecture spanning several product lines.',
      'Resolves incidents that cross department boundaries.',
      'Negotiates scope with directors and finance.',
    ],
  ],
  [
    'P5',
    [
      'Sets payment strategy for the whole division and its regulators.',
      'Answers for outages affecting revenue across countries.',
      'Advises the executive committee on acquisitions.',
    ],
  ],
]);
const rubric = (level: string) => {
  const [knowledge = '', complexity = '', collaboration = ''] = RUBRICS.get(level) ?? [];
  return {
    knowledge,
    complexity,
    collaboration,
    degreeYears: 'Degree or equivalent practice.',
    sources: ['a'],
  };
};

export const GOOD: Record<string, Statement[]> = {
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

export const MOBILE: Record<string, Statement[]> = {
  P3: [
    cite('Runs the mobile release train every two weeks for the iOS and Android apps.'),
    cite('Keeps crash-free sessions above 99.5% on the five largest device families.'),
  ],
  P4: [
    cite('Owns the mobile architecture shared by 4 app teams, including offline sync.'),
    cite('Sets the roadmap for the design system used by 30 screens.'),
  ],
};

/**
 * A two-focus function: the "payments" focus (PAYMENTSAAAA) gets the statements under test, level
 * by level; the "mobile" focus (MOBILEXXBBBB) is the other focus its statements are compared with.
 * The statements are copied, so a test may change the taxonomy without touching the shared lists.
 */
export function panelTaxonomy(levels: Record<string, Statement[]>, other = MOBILE): Taxonomy {
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
  return {
    sources: SOURCES,
    functions: [
      { code: 'ENGINE', key: 'engineering', name: 'Engineering', description: 'x', sources: ['a'] },
    ],
    focuses: [
      focus('PAYMENTSAAAA', 'payments', 'Payments Engineering', structuredClone(levels), [
        'Payments',
        'Ledgers',
      ]),
      focus('MOBILEXXBBBB', 'mobile', 'Mobile Engineering', structuredClone(other), ['iOS', 'Android']),
    ],
    profiles: [
      ...Object.keys(levels).map((l) => profile('PAYMENTSAAAA', l)),
      ...Object.keys(other).map((l) => profile('MOBILEXXBBBB', l)),
    ],
  };
}
