import { beforeAll, describe, expect, it } from 'vitest';
import type { Claim, ClaimKind, CrosswalkEntry, SynthesizedProposal } from '../core/evidence.js';
import { OccupationIndex } from '../resolve/occupationIndex.js';
import { TitleResolver } from '../resolve/titleResolver.js';
import { buildCatalog } from '../testing/buildTaxonomy.js';
import { LANDING_OCCUPATIONS } from '../testing/landingFixture.js';
import { parseDocument } from './parse/parseDocument.js';
import type { ReadDocument } from './readDocument.js';
import { segmentLevels } from './segmentLevels.js';
import { synthesizeProposals } from './synthesizeProposals.js';

const SOURCE = 'doc-0123456789ab';
const P3 = 'COMPUT.SOFTWAREA8C1.P3';
const P4 = 'COMPUT.SOFTWAREA8C1.P4';

// One focus, Software Developers (SOC 15-1252, where the landing occupations put software titles), at P3 and P4.
const catalog = buildCatalog([
  {
    code: 'COMPUT',
    focuses: [
      {
        key: 'software-developers',
        name: 'Software Developers',
        soc: ['15-1252'],
        skills: [{ name: 'TypeScript', application: 'Writes services in it.', kind: 'hard', sources: [] }],
        levels: {
          P3: {
            aliases: ['Senior Developer'],
            responsibilities: ['Designs and reviews the services of the payments platform for reliability.'],
            skills: [{ name: 'SQL', application: 'Tunes queries.', kind: 'hard', sources: [] }],
          },
          P4: {
            experience: { min: 8, max: null, openEnded: true, text: '8+ years', sources: ['test-source'] },
          },
        },
      },
    ],
  },
]);
const resolver = new TitleResolver(new OccupationIndex(LANDING_OCCUPATIONS), catalog);

const SENIOR = 'Senior Software Engineer (Senior Developer)';
const STAFF = 'Staff Software Engineer';
const LADDER = `# Platform ladder

## ${SENIOR}

## ${STAFF}

## Principal Software Engineer

## Chief Technology Officer
`;

const claim = (kind: ClaimKind, level: string, text: string, extra: Partial<Claim> = {}): Claim => ({
  kind,
  subtype: null,
  text,
  level,
  sectionPath: [],
  start: 0,
  end: 0,
  ...extra,
});

/** Concrete: a number, or teams, budget, platform and the like. */
const CONCRETE = [
  'Owns the roadmap of two services that three product teams depend on.',
  'Plans the platform budget for build and test infrastructure each quarter.',
  'Runs the incident review for customers affected by an outage of any size.',
  'Coordinates releases across the department with the operations group.',
];
const PLAIN = [
  'Reviews pull requests carefully and mentors newer engineers on their craft.',
  'Writes clear design notes before starting any change of real consequence.',
  'Keeps the build green and fixes flaky tests as soon as they are noticed.',
];
const CLAIMS: Claim[] = [
  claim('title', SENIOR, 'Senior Software Engineer'), // 0
  claim('title', SENIOR, 'Senior Developer'), // 1
  claim('responsibility', SENIOR, PLAIN[0] as string), // 2
  claim('responsibility', SENIOR, 'Writes code.'), // 3: too short to propose
  claim('responsibility', SENIOR, CONCRETE[0] as string), // 4
  claim('responsibility', SENIOR, 'Designs and reviews services of the payments platform for reliability.'), // 5: said
  claim('responsibility', SENIOR, PLAIN[1] as string), // 6
  claim('responsibility', SENIOR, CONCRETE[1] as string), // 7
  claim('responsibility', SENIOR, `Owns ${'the platform and '.repeat(20)}more.`), // 8: too long
  claim('responsibility', SENIOR, PLAIN[2] as string), // 9
  claim('responsibility', SENIOR, CONCRETE[2] as string), // 10
  claim('responsibility', SENIOR, CONCRETE[3] as string), // 11
  claim('skill', SENIOR, 'Kubernetes — runs the clusters the services deploy to'), // 12
  claim('skill', SENIOR, 'typescript'), // 13: the focus has it
  claim('skill', SENIOR, 'KUBERNETES: upgrades them'), // 14: said at 12
  claim('skill', SENIOR, 'sql'), // 15: the level has it
  claim('skill', SENIOR, 'Mentoring', { subtype: 'soft' }), // 16
  claim('experience', SENIOR, '5-8+ years of professional experience', {
    years: { min: 5, max: 8, openEnded: true },
  }), // 17
  claim('title', STAFF, 'Staff Software Engineer'), // 18
  claim('responsibility', STAFF, 'Sets technical direction for 4 teams across the platform group.'), // 19
  claim('experience', STAFF, '10+ years of professional experience', {
    years: { min: 10, max: null, openEnded: true },
  }), // 20: the profile states its own
  claim(
    'responsibility',
    'Principal Software Engineer',
    'Shapes the architecture of the whole platform for 3 years.',
  ),
  claim(
    'responsibility',
    'Chief Technology Officer',
    'Presents the technology strategy to the board every quarter.',
  ),
];

const entry = (label: string, code: string, rank: number): CrosswalkEntry => ({
  label,
  titles: [],
  canonical: { code, track: code.slice(0, 1), rank, title: code },
  confidence: 0.8,
  reason: '',
});

let proposals: SynthesizedProposal[];
beforeAll(async () => {
  const tree = await parseDocument({ name: 'x.md', bytes: new TextEncoder().encode(LADDER) });
  const levels = segmentLevels(tree);
  expect(levels.map((l) => l.titles)).toEqual([
    ['Senior Software Engineer', 'Senior Developer'],
    [STAFF],
    ['Principal Software Engineer'],
    ['Chief Technology Officer'],
  ]);
  const doc: ReadDocument = { name: 'x.md', tree, levels, claims: CLAIMS, warnings: [] };
  const crosswalk = [
    entry(SENIOR, 'P3', 3),
    entry(STAFF, 'P4', 4),
    entry('Principal Software Engineer', 'P5', 5),
    entry('Chief Technology Officer', 'E3', 19),
  ];
  proposals = synthesizeProposals({ ...doc, crosswalk }, SOURCE, catalog, resolver);
});

const proposalFor = (code: string) => {
  const p = proposals.find((x) => x.profileCode === code);
  if (!p) throw new Error(`no proposal for ${code}`);
  return p;
};

describe('synthesizeProposals', () => {
  it('proposes only for levels that land on a built-in profile', () => {
    // Principal lands on the focus, which has no P5; the CTO's occupation maps no focus at all.
    expect(proposals.map((p) => p.profileCode)).toEqual([P3, P4]);
  });

  it('proposes as aliases only the titles the profile lacks', () => {
    expect(proposalFor(P3).proposal.add?.aliases).toEqual([
      { text: 'Senior Software Engineer', sources: [SOURCE] },
    ]);
    expect(proposalFor(P3).statementClaims.aliases).toEqual([0]);
  });

  it('proposes at most five new responsibilities of 40–300 characters, concrete ones first', () => {
    const p = proposalFor(P3);
    expect(p.proposal.add?.responsibilities).toEqual(
      [...CONCRETE, PLAIN[0]].map((text) => ({ text, sources: [SOURCE] })),
    );
    expect(p.statementClaims.responsibilities).toEqual([4, 7, 10, 11, 2]);
  });

  it('proposes skills once each, none the focus or the level already has', () => {
    const p = proposalFor(P3);
    expect(p.proposal.add?.skills).toEqual([
      {
        name: 'Kubernetes',
        application: 'runs the clusters the services deploy to',
        kind: 'hard',
        sources: [SOURCE],
      },
      { name: 'Mentoring', application: 'Mentoring', kind: 'soft', sources: [SOURCE] },
    ]);
    expect(p.statementClaims.skills).toEqual([12, 16]);
  });

  it('sets experience only where the profile states none', () => {
    expect(proposalFor(P3).proposal.set?.experience).toEqual({
      min: 5,
      max: 8,
      openEnded: true,
      text: '5-8+ years of professional experience',
      sources: [SOURCE],
    });
    expect(proposalFor(P3).statementClaims.experience).toBe(17);
    expect(proposalFor(P4).proposal.set).toBeUndefined();
    expect(proposalFor(P4).statementClaims).toEqual({
      responsibilities: [19],
      aliases: [18],
      skills: [],
      experience: null,
    });
  });

  it('says where the proposal came from', () => {
    expect(proposalFor(P4).note).toBe(
      'From "Platform ladder", level Staff Software Engineer (mapped to P4, confidence 0.8)',
    );
  });
});
