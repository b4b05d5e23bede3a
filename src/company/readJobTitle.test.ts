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
import { JobTitleReader } from './readJobTitle.js';

/** The landing tests' taxonomy (curated Technology Leadership, electricians, software developers), its functions named as Canon names them. */
async function landingCatalog(): Promise<Catalog> {
  const taxonomy = await taxonomyWith([SUPPORT_FOCUS, PROFESSIONAL_FOCUS]);
  const names = new Map([
    ['COMPUT', 'Engineering'],
    ['CONSTR', 'Skilled Trades & Construction'],
  ]);
  return new Catalog({
    ...taxonomy,
    functions: taxonomy.functions.map((f) => ({ ...f, name: names.get(f.code) ?? f.name })),
  });
}

describe('JobTitleReader', () => {
  let reader: JobTitleReader;
  beforeAll(async () => {
    const catalog = await landingCatalog();
    reader = new JobTitleReader(
      new TitleResolver(new OccupationIndex(LANDING_OCCUPATIONS), catalog),
      catalog,
    );
  });

  it('takes the title alone when the department agrees, and says so', () => {
    const r = reader.read('Software Engineer', 'R&D - Platform Eng');
    expect(r).toMatchObject({
      function: { code: 'COMPUT', name: 'Engineering' },
      focus: { name: 'Software Developers' },
      level: { code: 'P2' },
      stated: false,
      review: [],
    });
    expect(r.explanation).toEqual([
      'Title: no seniority word, P2 Professional by default; specialty “software engineer”.',
      'Lands on Software Developers through 15-1252 Software Developers.',
      'Department "R&D - Platform Eng": “r&d” → Engineering, Technology Leadership & Consulting; “platform” → Engineering, Technology Leadership & Consulting; “eng” → Engineering, Technology Leadership & Consulting.',
      'The department agrees.',
    ]);
  });

  it('takes the title alone when there is no department, or it names no function', () => {
    expect(reader.read('Software Engineer', '')).toMatchObject({ function: { code: 'COMPUT' }, review: [] });
    expect(reader.read('Senior Electrician', 'Facilities')).toMatchObject({
      function: { code: 'CONSTR' },
      level: { code: 'S3' },
      stated: true,
      review: [],
    });
  });

  it("reads a title too generic to land alone with the department's words", () => {
    const r = reader.read('Apprentice', 'Electricians');
    expect(r).toMatchObject({
      function: { code: 'CONSTR' },
      focus: { name: 'Electricians' },
      level: { code: 'S1' },
      review: [],
    });
    expect(r.explanation).toContain(
      "Read with the department's words, “electricians Apprentice”: lands on Electricians through 47-2111 Electricians.",
    );
    expect(r.explanation).toContain(
      'Alone, the title lands on no profile; the department steers it to Skilled Trades & Construction.',
    );
  });

  it("keeps the title's landing for review when nothing of the department's function fits it", () => {
    expect(reader.read('Electrician', 'R&D - Platform Eng')).toMatchObject({
      function: { code: 'CONSTR' },
      review: [
        'the department points to Engineering or Technology Leadership & Consulting, the title to Skilled Trades & Construction',
      ],
    });
  });

  it("does not read a formula, nor a title past the resolver's length, and says why", () => {
    expect(reader.read('=HYPERLINK("https://x.example","Electrician")', 'Construction')).toEqual({
      function: null,
      focus: null,
      profile: null,
      level: null,
      stated: false,
      confidence: 0,
      review: [
        'the title is a formula ("=HYPERLINK(\\"https://x.example\\",\\"Electrician\\")"), which Canon never runs',
      ],
      explanation: [
        'Not read: the title is a formula ("=HYPERLINK(\\"https://x.example\\",\\"Electrician\\")"), which Canon never runs.',
      ],
    });
    expect(reader.read('Electrician '.repeat(30), '').review).toEqual([
      'the title has 359 characters; titles have at most 300',
    ]);
  });

  it('leaves a title that lands nowhere unmatched, with its level still read', () => {
    expect(reader.read('Senior Offering Manager', 'Engineering')).toMatchObject({
      function: null,
      profile: null,
      level: { code: 'M3' },
      stated: true,
      review: ['no candidate'],
    });
  });

  it('remembers each title in each department', () => {
    expect(reader.read('Electrician', 'Construction')).toBe(reader.read('Electrician', 'Construction'));
  });
});
