import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadBuiltinTaxonomy } from '../builtin/loadBuiltinTaxonomy.js';
import { loadTaxonomy } from '../builtin/loadTaxonomy.js';
import { PROJECT_ROOT } from '../config/readConfig.js';
import { Catalog } from '../core/catalog.js';
import { getLevel } from '../core/levels.js';
import type { Focus } from '../core/taxonomy.js';
import { readOnetRelease } from '../importers/onet/readOnetRelease.js';
import { openDataset } from '../importers/openDataset.js';
import {
  fixtureFocus,
  LANDING_OCCUPATIONS,
  landingTaxonomy,
  PROFESSIONAL_FOCUS,
  SUPPORT_FOCUS,
  taxonomyWith,
} from '../testing/landingFixture.js';
import { OBJECT_MEMBER_WORDS } from '../testing/objectMemberWords.js';
import { onetFixtureFiles, writeOnetFixture } from '../testing/onetFixture.js';
import { fixtureCounts, labelled } from '../testing/titleModelFixture.js';
import { readBundledOccupations } from './bundledOccupations.js';
import { readBundledTitleModel } from './bundledTitleModel.js';
import { GENERATED_ORIGIN } from './focusLanding.js';
import { normalizeTitle } from './normalizeTitle.js';
import { OccupationIndex } from './occupationIndex.js';
import { readSeniority } from './readSeniority.js';
import { REVIEW_MIN_CONFIDENCE, reviewOf } from './reviewRule.js';
import { labelledTitles, TitleModel } from './titleModel.js';
import { type Resolution, TitleResolver } from './titleResolver.js';

const level = (title: string) => readSeniority(normalizeTitle(title).words).level;
const rank = (title: string) => level(title).rank;

describe('normalizeTitle', () => {
  it.each([
    ['Sr. Software Eng', ['senior', 'software', 'engineer']],
    ['Jr QA Analyst', ['junior', 'quality', 'assurance', 'analyst']],
    ['Dir, HR', ['director', 'human', 'resources']],
    ['SWE II', ['software', 'engineer', 'ii']],
    ['IT Mgr', ['information', 'technology', 'manager']],
    ['Software Engineer (TS/SCI)', ['software', 'engineer']],
    ['Software Engineer - Remote', ['software', 'engineer']],
    ['Registered Nurse - Night Shift - $5,000 Sign-On Bonus', ['registered', 'nurse']],
    ['Data Analyst - Full Time', ['data', 'analyst']],
    ['Java Developer - Austin, TX', ['java', 'developer']],
    ['SENIOR SYSTEMS ANALYST JC60', ['senior', 'systems', 'analyst']],
    ['Accountant Req #45321', ['accountant']],
    ['TECHNOLOGY LEAD - US', ['technology', 'lead']],
    ['Remote Sensing Technician', ['remote', 'sensing', 'technician']],
    ['Contract Administrator', ['contract', 'administrator']],
    ['Shift Supervisor', ['shift', 'supervisor']],
    ['Job Coach - Contract', ['job', 'coach']],
  ])('reads %j as %j', (raw, words) => {
    expect(normalizeTitle(raw).words).toEqual(words);
  });
});

describe('readSeniority', () => {
  it.each([
    ['VP Engineering', 'M6'],
    ['Chief Technology Officer', 'E3'],
    ['CTO', 'E3'],
    ['Chief of Technology', 'E3'],
    ['SVP, Engineering', 'E1'],
    ['EVP Operations', 'E2'],
    ['Director of Engineering', 'M4'],
    ['Sr. Director, Platform Engineering', 'M5'],
    ['Engineering Manager', 'M2'],
    ['Senior Engineering Manager', 'M3'],
    ['Head of Engineering', 'M4'],
    ['Team Lead, QA', 'M1'],
    ['Software Engineer II', 'P2'],
    ['Tech III', 'P3'],
    ['Senior Software Engineer', 'P3'],
    ['Staff Engineer', 'P4'],
    ['Senior Staff Data Scientist', 'P4'],
    ['Staff Accountant', 'P2'],
    ['Senior Staff Nurse', 'P3'],
    ['Technical Fellow', 'P6'],
    ['Research Fellow', 'P1'],
    ['Postdoctoral Fellow', 'P1'],
    ['Principal Engineer', 'P5'],
    ['Distinguished Engineer', 'P6'],
    ['Junior Developer', 'P1'],
    ['Product Manager', 'P2'],
    ['Senior Product Manager', 'P3'],
  ])('levels %j at %s', (title, code) => {
    expect(level(title).code).toBe(code);
  });

  it('orders titles the way people read them', () => {
    expect(rank('Sr. Director, Platform Engineering')).toBeGreaterThan(rank('Director of Engineering'));
    expect(rank('Engineering Manager')).toBeLessThan(rank('Senior Engineering Manager'));
    expect(level('Software Engineer II').track).toBe('P');
    expect(rank('Software Engineer II')).toBeLessThan(rank('Senior Software Engineer'));
    expect(level('Chief Technology Officer').track).toBe('E');
    expect(getLevel('E3').rank).toBe(rank('CTO'));
  });

  it('separates the seniority words from the specialty words', () => {
    expect(readSeniority(normalizeTitle('Senior Vice President of Data Engineering').words)).toMatchObject({
      cues: ['senior vice president'],
      specialty: ['data', 'engineering'],
      stated: true,
    });
    expect(readSeniority(normalizeTitle('Data Engineer').words).stated).toBe(false);
  });
});

describe('TitleResolver', () => {
  let withOnet: TitleResolver;
  let builtinOnly: TitleResolver;
  beforeAll(async () => {
    const catalog = new Catalog(await loadTaxonomy(join(PROJECT_ROOT, 'data')));
    const folder = await writeOnetFixture(
      join(process.env.TMPDIR ?? '/tmp', `canon-resolve-${process.pid}`),
      onetFixtureFiles(),
    );
    const release = await readOnetRelease(await openDataset(folder), null, null);
    withOnet = new TitleResolver(
      new OccupationIndex({ occupations: release.occupations, titles: release.titles, socTitles: [] }),
      catalog,
    );
    builtinOnly = new TitleResolver(
      new OccupationIndex({ occupations: [], titles: [], socTitles: [] }),
      catalog,
    );
  });

  it.each([
    ['Director of Engineering', 'TECHNO.TECHNOLO6B55.M4'],
    ['VP of Engineering', 'TECHNO.TECHNOLO6B55.M6'],
    ['CTO', 'TECHNO.TECHNOLO6B55.M6'],
    ['Chief of Technology', 'TECHNO.TECHNOLO6B55.M6'],
    ['Head of Engineering', 'TECHNO.TECHNOLO6B55.M4'],
    ['Engineering Manager', 'TECHNO.ENGINEER9222.M2'],
    ['Principal Software Architect', 'TECHNO.ARCHITEC4B2E.P5'],
  ])('lands the seed title %j on %s, with or without imported occupations', (title, profile) => {
    for (const resolver of [builtinOnly, withOnet]) {
      const r = resolver.resolve({ title });
      expect(r.status).toBe('resolved');
      expect(r.candidates[0]?.profile?.code).toBe(profile);
      expect(r.candidates[0]?.soc?.code).toMatch(/^\d{2}-\d{4}$/);
    }
  });

  it('sends management titles to management occupations, even when a supervisor title shares the words', () => {
    const r = withOnet.resolve({ title: 'VP of Software Engineering' });
    expect(r.candidates[0]).toMatchObject({
      soc: { code: '11-3021' },
      profile: { code: 'TECHNO.TECHNOLO6B55.M6' },
      level: { code: 'M6' },
    });
    expect(withOnet.resolve({ title: 'Senior Software Engineer' }).candidates[0]?.soc?.code).toBe('15-1252');
  });

  it('never lends a profile to an occupation the focus does not map to', () => {
    for (const c of withOnet.resolve({ title: 'VP of Engineering' }).candidates) {
      if (c.profile && c.explanation.method !== 'focus cue') expect(c.soc?.code).toBe('11-3021');
    }
  });

  it('marks an executive title landing on the top of a management focus as the nearest level', () => {
    expect(builtinOnly.resolve({ title: 'Chief Technology Officer' }).candidates[0]).toMatchObject({
      level: { code: 'E3', track: 'E' },
      profile: { fit: 'nearest' },
    });
  });

  it('finds occupations by their titles and explains the match', () => {
    const r = withOnet.resolve({ title: 'Sr. Software Engineer - Remote' });
    expect(r.status).toBe('resolved');
    expect(r.candidates[0]).toMatchObject({
      soc: { code: '15-1252' },
      onet: { code: '15-1252.00', title: 'Software Developers' },
      level: { code: 'P3' },
      explanation: {
        specialtyWords: ['software', 'engineer'],
        seniorityWords: ['senior'],
        matchedTitle: 'Software Engineer',
        removed: ['remote'],
      },
    });
    expect(r.candidates[0]?.band).toMatch(/high|medium/);
  });

  it('answers unresolved, with whatever is nearest, when nothing matches', () => {
    const r = withOnet.resolve({ title: 'Zookeeper of Rare Orchids' });
    expect(r.status).toBe('unresolved');
  });

  const answer = (r: Resolution) => ({
    status: r.status,
    candidates: r.candidates.map((c) => [c.soc?.code, c.profile?.code, c.level.code, c.confidence]),
  });
  it.each(
    OBJECT_MEMBER_WORDS.flatMap((word) =>
      [word, `Senior ${word}`, `${word} Associate`, `${word} Engineer`, `Tax ${word}`].map((title) => [
        title,
        word,
      ]),
    ),
  )('reads the title %j as it reads a word it does not know in place of %j', (title, word) => {
    for (const resolver of [builtinOnly, withOnet]) {
      expect(answer(resolver.resolve({ title, employer: word }))).toEqual(
        answer(resolver.resolve({ title: title.replace(word, 'Zyzzyva'), employer: 'Zyzzyva' })),
      );
    }
  });

  it('returns as many candidates as asked for, at most one per SOC code', () => {
    const r = withOnet.resolve({ title: 'Analyst' }, 2);
    expect(r.candidates.length).toBeLessThanOrEqual(2);
    expect(new Set(r.candidates.map((c) => c.soc?.code)).size).toBe(r.candidates.length);
  });
});

describe('TitleResolver choosing among occupations that match alike', () => {
  const titles = (onetCode: string, list: string[]) =>
    list.map((title) => ({ onetCode, title, kind: 'alternate' }));
  let resolver: TitleResolver;
  beforeAll(async () => {
    const index = new OccupationIndex({
      occupations: [
        { onetCode: '15-1211.00', socCode: '15-1211', title: 'Computer Systems Analysts', jobZone: null },
        { onetCode: '15-1251.00', socCode: '15-1251', title: 'Computer Programmers', jobZone: null },
        { onetCode: '15-1252.00', socCode: '15-1252', title: 'Software Developers', jobZone: null },
        { onetCode: '15-2051.00', socCode: '15-2051', title: 'Data Scientists', jobZone: null },
        {
          onetCode: '25-1021.00',
          socCode: '25-1021',
          title: 'Computer Science Teachers, Postsecondary',
          jobZone: null,
        },
      ],
      titles: [
        ...titles('15-1211.00', [
          'Data Analyst',
          'Systems Analyst',
          'Computer Analyst',
          'Applications Analyst',
        ]),
        ...titles('15-2051.00', [
          'Data Analyst',
          'Data Mining Analyst',
          'Big Data Analyst',
          'Data Science Lead',
        ]),
        ...titles('15-1251.00', ['Java Developer', 'Mainframe Programmer', 'Java Programmer']),
        ...titles('15-1252.00', [
          'Application Developer',
          'Web Developer',
          'Developer',
          'Software Developer',
        ]),
        ...titles('25-1021.00', ['Computer Science Professor', 'Instructor']),
      ],
      socTitles: [],
    });
    resolver = new TitleResolver(index, new Catalog(await loadTaxonomy(join(PROJECT_ROOT, 'data'))));
  });

  it('gives a title two occupations list to the one whose titles are worded like it', () => {
    // Both list "Data Analyst" and share one word of it with their own names; Data Scientists' titles say "data".
    const r = resolver.resolve({ title: 'Data Analyst' });
    expect(r.candidates.map((c) => c.soc?.code).slice(0, 2)).toEqual(['15-2051', '15-1211']);
  });

  it('still offers the occupation worded like a title that only another one lists', () => {
    const r = resolver.resolve({ title: 'Java Developer' });
    expect(r.candidates[0]?.soc?.code).toBe('15-1251');
    expect(r.candidates.map((c) => c.soc?.code)).toContain('15-1252');
  });

  it.each([
    // The line of business is said as read; the occupations stay where the title puts them, as none found is in it.
    ['Systems Analyst', 'Stanford University', 'teaching and research', '15-1211'],
    ['Instructor', 'Acme Software Solutions', 'computer work', '25-1021'],
  ])('reads the employer %#: %j at %j', (title, employer, hint, code) => {
    const r = resolver.resolve({ title, employer });
    expect(r.candidates[0]?.soc?.code).toBe(code);
    expect(r.candidates[0]?.explanation.employerHint).toBe(hint);
  });

  it('names the line of business an employer suggests, which reorders the candidates only when some are in it', () => {
    const plain = resolver.resolve({ title: 'Analyst' });
    const atSchool = resolver.resolve({ title: 'Analyst', employer: 'State University of New York' });
    expect(plain.candidates[0]?.explanation.employerHint).toBeNull();
    expect(atSchool.candidates[0]?.explanation.employerHint).toBe('teaching and research');
    expect(atSchool.candidates.map((c) => c.soc?.code)).toEqual(plain.candidates.map((c) => c.soc?.code));
    const atBank = resolver.resolve({ title: 'Analyst', employer: 'First National Bank' });
    expect(atBank.candidates[0]).toMatchObject({
      soc: { code: '15-2051' },
      explanation: { employerHint: 'finance' },
    });
  });
});

describe('TitleResolver landing on the tiny taxonomy (a support-track focus, a professional one, the curated ones)', () => {
  let catalog: Catalog;
  let resolver: TitleResolver;
  beforeAll(async () => {
    catalog = new Catalog(await landingTaxonomy());
    resolver = new TitleResolver(new OccupationIndex(LANDING_OCCUPATIONS), catalog);
  });
  const electricians = fixtureFocus(SUPPORT_FOCUS);
  const developers = fixtureFocus(PROFESSIONAL_FOCUS);
  const at = (focus: Focus, level: string) => `${focus.functionCode}.${focus.code}.${level}`;

  it.each([
    ['Electrician', 'S3'],
    ['Senior Electrician', 'S3'],
    ['Journeyman Electrician', 'S3'],
    ['Electrician II', 'S3'],
    ['Apprentice Electrician', 'S1'],
    ['Lead Electrician', 'S4'],
    ['Maintenance Electrician Supervisor', 'M1'],
  ])('lands %j on the support track at %s, through the SOC code the focus maps', (title, code) => {
    const r = resolver.resolve({ title });
    expect(r).toMatchObject({
      status: 'resolved',
      level: { code },
      landing: {
        profile: { code: at(electricians, code), fit: 'exact' },
        via: { method: 'occupation', soc: { code: '47-2111' }, rank: 1 },
      },
    });
    expect(r.candidates[0]).toMatchObject({ profile: { code: at(electricians, code) }, level: { code } });
  });

  it("explains a plain support title's level by the occupation's Job Zone", () => {
    expect(resolver.resolve({ title: 'Electrician' }).landing?.explanation).toEqual([
      'Electricians maps 47-2111.00.',
      'No seniority word: S3 Skilled Support, the level of work that needs O*NET Job Zone 3 preparation.',
    ]);
  });

  it("lands a level the focus lacks on its nearest, keeping the title's own level beside it", () => {
    const r = resolver.resolve({ title: 'Electrician Manager' });
    expect(r).toMatchObject({
      level: { code: 'M2' },
      landing: { profile: { code: at(electricians, 'M1'), fit: 'nearest' }, level: { code: 'M1' } },
    });
    expect(r.landing?.explanation.at(-1)).toMatch(
      /^M2 is not a level of this focus .* nearest by rank is M1/,
    );
    expect(resolver.resolve({ title: 'Principal Software Developer' }).landing).toMatchObject({
      profile: { code: at(developers, 'P4'), fit: 'nearest' },
    });
  });

  it.each([
    ['Software Developer', 'P2'],
    ['Senior Software Engineer', 'P3'],
    ['Software Developer I', 'P1'],
    ['Lead Software Developer', 'P4'],
  ])('keeps the professional mapping for %j: %s', (title, code) => {
    expect(resolver.resolve({ title }).landing?.profile.code).toBe(at(developers, code));
  });

  it.each([
    ['VP of Engineering', 'TECHNO.TECHNOLO6B55.M6', '11-9041', 'exact'],
    ['CTO', 'TECHNO.TECHNOLO6B55.M6', '11-1011', 'nearest'],
    ['Director of Engineering', 'TECHNO.TECHNOLO6B55.M4', '11-9041', 'exact'],
    ['Engineering Manager', 'TECHNO.ENGINEER9222.M2', '11-9041', 'exact'],
  ])('keeps the curated landing of %j (%s) though the first occupation is %s', (title, profile, soc, fit) => {
    const r = resolver.resolve({ title });
    expect(r.candidates[0]?.soc?.code).toBe(soc);
    expect(r.landing).toMatchObject({ profile: { code: profile, fit }, via: { method: 'focus cue' } });
    expect(r.landing?.explanation[0]).toMatch(
      /a title cue of the curated focus .* covers the title's specialty/,
    );
  });

  it('keeps the curated landing when a generated focus maps the first occupation', async () => {
    const generated = await taxonomyWith([
      SUPPORT_FOCUS,
      {
        functionCode: 'MANAGE',
        key: 'engineering-managers',
        levels: ['M1', 'M2', 'M3', 'M4', 'M5', 'M6'],
        mappings: [
          ['11-9041', GENERATED_ORIGIN],
          ['11-1011', GENERATED_ORIGIN],
        ],
      },
    ]);
    const r = new TitleResolver(new OccupationIndex(LANDING_OCCUPATIONS), new Catalog(generated));
    expect(r.resolve({ title: 'VP of Engineering' }).candidates[0]?.profile?.code).toMatch(/^MANAGE\./);
    expect(r.resolve({ title: 'VP of Engineering' }).landing?.profile.code).toBe('TECHNO.TECHNOLO6B55.M6');
    expect(r.resolve({ title: 'CTO' }).landing?.profile.code).toBe('TECHNO.TECHNOLO6B55.M6');
    expect(r.resolve({ title: 'Engineering Director, Bridges' }).landing?.profile.code).toMatch(
      /^MANAGE\..*\.M4$/,
    );
  });

  it('lands through a lower candidate when the first maps no focus, and says which', () => {
    const index = new OccupationIndex({
      ...LANDING_OCCUPATIONS,
      titles: [
        ...LANDING_OCCUPATIONS.titles,
        { onetCode: '47-3013.00', title: 'Wire Puller', kind: 'reported' },
        { onetCode: '47-2111.00', title: 'Wire Puller', kind: 'alternate' },
      ],
    });
    const r = new TitleResolver(index, catalog).resolve({ title: 'Wire Puller' });
    expect(r.candidates.map((c) => c.soc?.code)).toEqual(['47-3013', '47-2111']);
    expect(r.landing).toMatchObject({
      profile: { code: at(electricians, 'S3') },
      via: { method: 'occupation', soc: { code: '47-2111' }, rank: 2 },
    });
    expect(r.landing?.explanation[0]).toBe(
      'The first candidate, 47-3013 Helpers--Electricians, lands on no focus; the title lands through candidate 2, 47-2111 Electricians.',
    );
  });

  it('reads the level of a title whose occupation it cannot find', () => {
    for (const [title, code] of [
      ['Senior Offering Manager', 'M3'],
      ['Lead Zorblax Wrangler', 'P4'],
      ['Flibbertigibbet Specialist III', 'P3'],
      ['Quux', 'P2'],
    ] as const) {
      const r = resolver.resolve({ title });
      expect(r).toMatchObject({ status: 'unresolved', level: { code }, landing: null });
    }
    expect(resolver.resolve({ title: 'Senior Offering Manager' }).seniority).toEqual({
      words: ['senior', 'manager'],
      stated: true,
      specialtyWords: ['offering'],
      removed: [],
      note: null,
    });
  });

  it.each([
    ['مهندس برمجيات أول'],
    ['高级软件工程师'],
    ['🚀 Rocket Wrangler 🚀'],
    ['Ingénieur logiciel confirmé'],
    [`Senior ${'Very Long Specialty '.repeat(9)}Engineer`.slice(0, 200)],
    ['!!!'],
  ])('answers %j with a level, whatever its script or length', (title) => {
    const r = resolver.resolve({ title });
    expect(r.title).toBe(title);
    expect(r.level.code).toMatch(/^[SPME][1-6]$/);
  });

  it.each([
    ['', /^A title is required; got ""\.$/],
    ['   ', /^A title is required; got " {3}"\.$/],
    ['x'.repeat(301), /^A title may have at most 300 characters; "x{80}…" has 301\.$/],
  ])('refuses the title %j, quoting it', (title, message) => {
    expect(() => resolver.resolve({ title })).toThrow(message);
  });

  it("refuses an employer's name over 200 characters, as the API does, and takes one of 200", () => {
    expect(() => resolver.resolve({ title: 'Electrician', employer: 'A'.repeat(201) })).toThrow(
      /^An employer's name may have at most 200 characters; "A{80}…" has 201\.$/,
    );
    expect(resolver.resolve({ title: 'Electrician', employer: 'A'.repeat(200) }).title).toBe('Electrician');
  });
});

describe('TitleResolver with the bundled O*NET tables and the curated taxonomy', () => {
  let resolver: TitleResolver;
  beforeAll(async () => {
    const catalog = new Catalog(await loadTaxonomy(join(PROJECT_ROOT, 'data')));
    resolver = new TitleResolver(new OccupationIndex(await readBundledOccupations()), catalog);
  });

  it.each([
    ['VP of Engineering', 'TECHNO.TECHNOLO6B55.M6'],
    ['CTO', 'TECHNO.TECHNOLO6B55.M6'],
    ['Chief Technology Officer', 'TECHNO.TECHNOLO6B55.M6'],
  ])('lands %j on the curated %s, whatever occupation comes first', (title, profile) => {
    expect(resolver.resolve({ title }).landing?.profile.code).toBe(profile);
  });

  it('gives a level to a title whose specialty it does not know', () => {
    expect(resolver.resolve({ title: 'Senior Offering Manager' })).toMatchObject({
      candidates: [],
      level: { code: 'M3' },
    });
  });
});

describe('TitleResolver with a learned model on the tiny taxonomy', () => {
  let resolver: TitleResolver;
  let indexOnly: TitleResolver;
  beforeAll(async () => {
    const catalog = new Catalog(await landingTaxonomy());
    const index = new OccupationIndex(LANDING_OCCUPATIONS);
    const rows = [
      labelled('Zorbix Wrangler', 'Acme', '47-3013'),
      labelled('Zorbix Wrangler', 'Acme', '47-3013'),
      labelled('Electrician', 'Sparks LLC', '47-2111'),
    ];
    const model = new TitleModel({
      counts: fixtureCounts(),
      labelled: labelledTitles(rows),
      calibration: null,
    });
    resolver = new TitleResolver(index, catalog, model);
    indexOnly = new TitleResolver(index, catalog);
  });

  it('puts forward an occupation only the labelled titles know, and says so', () => {
    expect(indexOnly.resolve({ title: 'Zorbix Wrangler' }).candidates).toEqual([]);
    expect(resolver.resolve({ title: 'Zorbix Wrangler' }).candidates[0]).toMatchObject({
      soc: { code: '47-3013' },
      onet: { code: '47-3013.00' },
      explanation: { method: 'labelled titles', matchedTitle: null },
    });
  });

  it('still lands a title on its focus and level, with confidences that fall from the first', () => {
    const r = resolver.resolve({ title: 'Lead Electrician' });
    expect(r).toMatchObject({ status: 'resolved', level: { code: 'S4' }, landing: { via: { rank: 1 } } });
    const confidences = r.candidates.map((c) => c.confidence);
    expect(confidences).toEqual([...confidences].sort((a, b) => b - a));
    expect(Math.max(...confidences)).toBeLessThanOrEqual(1);
  });

  it('flags for review by the rule, with or without the model', () => {
    const review = (r: Resolution) => ({ needsReview: r.needsReview, reviewReason: r.reviewReason });
    expect(review(indexOnly.resolve({ title: 'Zorbix Wrangler' }))).toEqual({
      needsReview: true,
      reviewReason: 'no candidate',
    });
    const r = resolver.resolve({ title: 'Electrician' });
    const rule = reviewOf(r.candidates);
    expect(review(r)).toEqual({ needsReview: rule.needed, reviewReason: rule.reason });
  });
});

describe('TitleResolver with the shipped learned model', () => {
  let resolver: TitleResolver;
  let forgetful: TitleResolver;
  beforeAll(async () => {
    const catalog = new Catalog(await loadTaxonomy(join(PROJECT_ROOT, 'data')));
    const index = new OccupationIndex(await readBundledOccupations());
    const model = new TitleModel(await readBundledTitleModel());
    resolver = new TitleResolver(index, catalog, model);
    forgetful = new TitleResolver(index, catalog, model, { remember: 0 });
  });

  it('answers a repeat from memory, exactly as it would work it out afresh', () => {
    const inputs = [
      { title: 'Registered Nurse' },
      { title: 'Analyst', employer: 'First National Bank' },
      { title: 'Analyst', employer: 'Acme Software Inc' },
      { title: 'Sr. Software Engineer - Remote', employer: 'Acme Software Inc' },
      { title: 'Analyst' },
      { title: 'VP of Engineering', employer: 'State University' },
    ];
    // Each input several times, interleaved, and each number of candidates.
    for (const top of [3, 1, 3])
      for (const input of [...inputs, ...inputs.toReversed()]) {
        const remembered = resolver.resolve(input, top);
        expect(remembered).toEqual(forgetful.resolve(input, top));
        expect(resolver.resolve(input, top)).toBe(remembered);
      }
    expect(forgetful.resolve(inputs[0] ?? { title: '' })).not.toBe(
      forgetful.resolve(inputs[0] ?? { title: '' }),
    );
  });

  it('shares an answer among titles that normalize alike and employers that read alike, each keeping its own title', () => {
    const first = resolver.resolve({ title: 'Senior Analyst', employer: 'Acme Software, Inc.' });
    const again = resolver.resolve({ title: 'SENIOR  ANALYST', employer: 'ACME SOFTWARE INC' });
    expect(again.title).toBe('SENIOR  ANALYST');
    expect({ ...again, title: first.title }).toEqual(first);
    expect(again).toEqual(forgetful.resolve({ title: 'SENIOR  ANALYST', employer: 'ACME SOFTWARE INC' }));
    // "IT Services" names a line of business that "IT-Services" does not: the two are not shared.
    expect(resolver.resolve({ title: 'Analyst', employer: 'Zed IT Services' })).toEqual(
      forgetful.resolve({ title: 'Analyst', employer: 'Zed IT Services' }),
    );
    expect(resolver.resolve({ title: 'Analyst', employer: 'Zed IT-Services' })).toEqual(
      forgetful.resolve({ title: 'Analyst', employer: 'Zed IT-Services' }),
    );
  });

  it.each([
    ['Registered Nurse', '29-1141'],
    ['Welder', '51-4121'],
    ['Java Developer', '15-1252'],
    ['Engineering Manager', '11-9041'],
    ['Operations Manager', '11-1021'],
  ])('codes %j to %s', (title, soc) => {
    expect(resolver.resolve({ title }).candidates[0]?.soc?.code).toBe(soc);
  });

  it.each([
    ['VP of Engineering', 'TECHNO.TECHNOLO6B55.M6'],
    ['CTO', 'TECHNO.TECHNOLO6B55.M6'],
  ])('lands %j on the curated %s as before', (title, profile) => {
    expect(resolver.resolve({ title }).landing?.profile.code).toBe(profile);
  });

  it('states for the first candidate the chance that it is right, and asks for review when it is low', () => {
    const nurse = resolver.resolve({ title: 'Registered Nurse' });
    expect(nurse.candidates[0]?.confidence).toBeGreaterThan(0.5);
    const vague = resolver.resolve({ title: 'Associate' });
    expect(vague).toMatchObject({ needsReview: true, reviewReason: 'low confidence' });
    expect(vague.candidates[0]?.confidence).toBeLessThan(REVIEW_MIN_CONFIDENCE);
  });
});

describe('TitleResolver on the corners a user tries first, with the whole built-in taxonomy and the shipped model', () => {
  let resolver: TitleResolver;
  beforeAll(async () => {
    const { taxonomy } = await loadBuiltinTaxonomy(join(PROJECT_ROOT, 'data'));
    resolver = new TitleResolver(
      new OccupationIndex(await readBundledOccupations()),
      new Catalog(taxonomy),
      new TitleModel(await readBundledTitleModel()),
    );
  });

  it.each([
    // An adviser who stands in as CTO, not the employer's own executive (the focus's cue names the role).
    ['Fractional CTO', 'Technology Advisory & Fractional CTO', 'P6'],
    ['Interim CTO', 'Technology Advisory & Fractional CTO', 'P6'],
    ['CTO', 'Technology Executive Leadership', 'M6'],
    // No seniority word: the focus it names, at its own first level, not P2 elsewhere for want of a word.
    ['Enterprise Architect', 'Architecture & Principal Engineering', 'P4'],
  ])('lands %j on %s at %s', (title, focus, level) => {
    const { landing } = resolver.resolve({ title });
    expect({ focus: landing?.focus.name, level: landing?.level.code }).toEqual({ focus, level });
  });

  it('says what an employer suggests even when no occupation found is in that line, and asks for review', () => {
    const associate = resolver.resolve({ title: 'Associate', employer: "St. Mary's Hospital" });
    expect(associate.candidates[0]?.explanation.employerHint).toBe('health care');
    expect(associate.candidates[0]?.soc?.code).not.toBe('41-2031');
    expect(associate.needsReview).toBe(true);
    expect(resolver.resolve({ title: 'Associate' }).candidates[0]?.explanation.employerHint).toBeNull();
  });
});
