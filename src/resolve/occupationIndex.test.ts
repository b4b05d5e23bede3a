import { describe, expect, it } from 'vitest';
import { OccupationIndex, type SpecialtyMatch } from './occupationIndex.js';

const occupation = (onetCode: string, title: string) => ({
  onetCode,
  socCode: onetCode.slice(0, 7),
  title,
  jobZone: 4,
});
const titles = (onetCode: string, list: string[], kind = 'alternate') =>
  list.map((title) => ({ onetCode, title, kind }));

/** A handful of occupations in O*NET's shape: "engineer" is common among their titles, "database" rare. */
const index = new OccupationIndex({
  occupations: [
    occupation('15-1252.00', 'Software Developers'),
    occupation('15-1242.00', 'Database Administrators'),
    occupation('15-1243.00', 'Database Architects'),
    occupation('17-2071.00', 'Electrical Engineers'),
    occupation('17-2051.00', 'Civil Engineers'),
    occupation('15-1244.00', 'Network and Computer Systems Administrators'),
    occupation('15-1299.08', 'Computer Systems Engineers/Architects'),
    occupation('15-1299.09', 'Information Technology Project Managers'),
    occupation('11-9041.00', 'Architectural and Engineering Managers'),
  ],
  titles: [
    ...titles('15-1252.00', ['Software Engineer', 'Application Developer']),
    ...titles('15-1243.00', ['Data Architect']),
    ...titles('17-2071.00', ['Power Engineer']),
    ...titles('17-2051.00', ['Structural Engineer']),
    ...titles('15-1244.00', ['Network Engineer']),
    ...titles('15-1299.08', ['Systems Engineer', 'Software Engineer']),
    ...titles('15-1299.09', ['Software Engineer']),
    ...titles('11-9041.00', ['Vice President of Engineering']),
  ],
  socTitles: [{ code: '15-1299', title: 'Computer Occupations, All Other' }],
});

const summary = (matches: readonly SpecialtyMatch[]) =>
  matches.map((m) => [m.occupation.onetCode, m.matchedTitle, m.method]);

describe('OccupationIndex', () => {
  it('holds each distinct title once per occupation listing it', () => {
    // 9 occupation titles and 11 alternates; "Software Engineer" is listed by three occupations.
    expect(index.size).toBe(20);
  });

  it("names an occupation's SOC code by the SOC title when the release has one, else by its own", () => {
    expect(index.occupations.get('15-1299.08')?.socTitle).toBe('Computer Occupations, All Other');
    expect(index.occupations.get('17-2051.00')).toEqual({
      onetCode: '17-2051.00',
      socCode: '17-2051',
      title: 'Civil Engineers',
      socTitle: 'Civil Engineers',
      jobZone: 4,
    });
  });
});

describe('OccupationIndex.lookup by exact title', () => {
  it("matches an occupation's own title", () => {
    const [match, ...rest] = index.lookup(['software', 'developers'], ['software', 'developers'], 5);
    expect(rest).toEqual([]);
    expect(match).toMatchObject({
      occupation: { onetCode: '15-1252.00' },
      matchedTitle: 'Software Developers',
      method: 'exact title',
    });
    expect(match?.strength).toBeCloseTo(0.95);
  });

  it('matches an alternate title, naming it as written', () => {
    expect(summary(index.lookup(['data', 'architect'], ['data', 'architect'], 5))).toEqual([
      ['15-1243.00', 'Data Architect', 'exact title'],
    ]);
  });

  it('ignores stopwords on both sides', () => {
    const without = index.lookup(
      ['vice', 'president', 'engineering'],
      ['vice', 'president', 'engineering'],
      5,
    );
    expect(summary(without)).toEqual([['11-9041.00', 'Vice President of Engineering', 'exact title']]);
  });

  it('ranks the occupations listing a title by how much of it their own name shares, one per SOC code', () => {
    const matches = index.lookup(['software', 'engineer'], ['software', 'engineer'], 5);
    // 15-1299.09 lists the title too, but 15-1299.08 holds its SOC code already.
    expect(summary(matches)).toEqual([
      ['15-1252.00', 'Software Engineer', 'exact title'],
      ['15-1299.08', 'Software Engineer', 'exact title'],
    ]);
    // Each share of the listings' weight: 3 of 8 (the third listing, of no shared word, weighs 2).
    expect(matches.map((m) => m.strength)).toEqual([0.6 + 0.35 * (3 / 8), 0.6 + 0.35 * (3 / 8)]);
  });

  it('matches the title without its seniority words when the full title is not listed', () => {
    const matches = index.lookup(['structural', 'engineer'], ['senior', 'structural', 'engineer'], 5);
    expect(summary(matches)).toEqual([
      ['17-2051.00', 'Structural Engineer', 'title without seniority words'],
    ]);
    expect(matches[0]?.strength).toBeCloseTo(0.9);
  });
});

describe('OccupationIndex.lookup by search', () => {
  it('ranks titles holding a rare word above titles holding only a common one', () => {
    const matches = index.lookup(['database', 'engineer'], ['database', 'engineer'], 5);
    expect(matches.every((m) => m.method === 'search')).toBe(true);
    expect(summary(matches).slice(0, 2)).toEqual([
      ['15-1242.00', 'Database Administrators', 'search'],
      ['15-1243.00', 'Database Architects', 'search'],
    ]);
    const [database, , engineer] = matches;
    expect(engineer?.matchedTitle).toMatch(/Engineer/);
    expect(database?.strength).toBeGreaterThan(engineer?.strength ?? 1);
  });

  it('counts an occupation once, by its best title, and leaves titles far below the best out', () => {
    const matches = index.lookup(['electrical', 'power', 'engineer'], ['electrical', 'power', 'engineer'], 5);
    // "Electrical Engineers" and "Power Engineer" are both 17-2071.00's; titles sharing only "engineer" score too low.
    expect(summary(matches)).toEqual([['17-2071.00', 'Power Engineer', 'search']]);
  });

  it('forgives a misspelt word by its first five letters', () => {
    expect(summary(index.lookup(['databse'], ['databse'], 5))).toEqual([
      ['15-1242.00', 'Database Administrators', 'search'],
      ['15-1243.00', 'Database Architects', 'search'],
    ]);
  });

  it('finds nothing for words no title holds, nor for no words', () => {
    expect(index.lookup(['zorblax', 'wrangler'], ['zorblax', 'wrangler'], 5)).toEqual([]);
    expect(index.lookup([], [], 5)).toEqual([]);
  });

  it('returns at most `limit` matches, remembering each limit apart', () => {
    expect(index.lookup(['database', 'engineer'], ['database', 'engineer'], 1)).toHaveLength(1);
    expect(index.lookup(['database', 'engineer'], ['database', 'engineer'], 3)).toHaveLength(3);
  });
});

describe('OccupationIndex weighing kinds of title', () => {
  it('puts the occupation that reports a title above one that lists it only as a short title', () => {
    const weighed = new OccupationIndex({
      occupations: [occupation('43-4051.00', 'Clerks'), occupation('43-9061.00', 'Clerks')],
      titles: [
        ...titles('43-9061.00', ['Records Keeper'], 'short'),
        ...titles('43-4051.00', ['Records Keeper'], 'reported'),
      ],
      socTitles: [],
    });
    const matches = weighed.lookup(['records', 'keeper'], ['records', 'keeper'], 5);
    expect(matches.map((m) => m.occupation.onetCode)).toEqual(['43-4051.00', '43-9061.00']);
    expect(matches.map((m) => m.strength)).toEqual([0.6 + 0.35 * (3 / 4), 0.6 + 0.35 * (1 / 4)]);
  });
});
