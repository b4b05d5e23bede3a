import { describe, expect, it } from 'vitest';
import { normalizeTitle } from './normalizeTitle.js';

const words = (title: string) => normalizeTitle(title).words;

describe('normalizeTitle spelling out abbreviations', () => {
  it.each([
    ['Sr. SWE', ['senior', 'software', 'engineer']],
    ['Jr Dev', ['junior', 'developer']],
    ['Mgr., HR', ['manager', 'human', 'resources']],
    ['V.P. Sales', ['vice', 'president', 'sales']],
    ['SDET II', ['software', 'development', 'engineer', 'in', 'test', 'ii']],
    ['CTO', ['chief', 'technology', 'officer']],
    ['CHRO', ['chief', 'human', 'resources', 'officer']],
    ['GM, Retail', ['general', 'manager', 'retail']],
    ['Construction Supt.', ['construction', 'superintendent']],
    ['Analyst Lvl 2', ['analyst', 'level', '2']],
    ['SR.DATA SCIENTIST', ['senior', 'data', 'scientist']],
    ['Sr.Mgr Operations', ['senior', 'manager', 'operations']],
    ['ASP.NET Developer', ['asp.net', 'developer']],
  ])('reads %j as %j', (title, expected) => {
    expect(words(title)).toEqual(expected);
  });

  it('expands nothing an object inherits: "constructor" stays a word', () => {
    expect(words('Constructor Worker')).toEqual(['constructor', 'worker']);
  });
});

describe('normalizeTitle removing noise', () => {
  it.each([
    ['Sr Software Engineer - Remote', ['senior', 'software', 'engineer'], ['remote']],
    ['DevOps Engineer | Hybrid', ['devops', 'engineer'], ['hybrid']],
    ['Software Engineer [Remote]', ['software', 'engineer'], ['remote']],
    ['Nurse - Night Shift', ['nurse'], ['night shift']],
    ['Java Developer $120K bonus', ['java', 'developer'], ['$120k bonus']],
    ['Welder - 2nd Shift - $25/hr', ['welder'], ['2nd shift', '$25/hr']],
    ['Nurse - Austin TX', ['nurse'], ['austin tx']],
    ['Engineer - Job ID 4432', ['engineer'], ['job id 4432']],
    ['Analyst #R-1234', ['analyst'], ['#r-1234']],
    ['Software Engineer JC65', ['software', 'engineer'], ['jc65']],
    ['Developer W2 Urgent', ['developer'], ['w2', 'urgent']],
  ])('reads %j as %j, reporting %j as removed', (title, expected, removed) => {
    expect(normalizeTitle(title)).toEqual({ raw: title, words: expected, removed });
  });

  it('reports what it removed in the order it went, and never an emptied bracket or segment', () => {
    expect(normalizeTitle('Data Engineer (TS/SCI) - Austin, TX').removed).toEqual(['ts/sci', 'austin', 'tx']);
    expect(normalizeTitle('Full-Time Registered Nurse (Req #12345)')).toMatchObject({
      words: ['registered', 'nurse'],
      removed: ['full-time', 'req #12345'],
    });
    expect(normalizeTitle('Engineer ()').removed).toEqual([]);
    expect(normalizeTitle('Nurse, , TX').removed).toEqual(['tx']);
  });

  it.each([
    ['Remote Sensing Technician', ['remote', 'sensing', 'technician']],
    ['Contract Administrator', ['contract', 'administrator']],
    ['Shift Supervisor', ['shift', 'supervisor']],
  ])('keeps words that name the job when they lead the title: %j', (title, expected) => {
    expect(normalizeTitle(title)).toEqual({ raw: title, words: expected, removed: [] });
  });

  it('keeps a bracketed or trailing segment that says what the job is', () => {
    expect(words('Software Engineer (Payments)')).toEqual(['software', 'engineer', 'payments']);
    expect(words('Software Engineer, Platform Engineering')).toEqual([
      'software',
      'engineer',
      'platform',
      'engineering',
    ]);
  });

  it('skips the noise passes for a clean title, keeping what would have been noise', () => {
    expect(normalizeTitle('Java Developer - Remote', { clean: true })).toEqual({
      raw: 'Java Developer - Remote',
      words: ['java', 'developer', 'remote'],
      removed: [],
    });
    expect(normalizeTitle('Sr. SWE', { clean: true }).words).toEqual(['senior', 'software', 'engineer']);
  });
});

describe('normalizeTitle with punctuation, case and scripts', () => {
  it('lower-cases, spells out "&", drops apostrophes and splits hyphenated words', () => {
    expect(words('R&D Engineer')).toEqual(['r', 'and', 'd', 'engineer']);
    expect(words("Women's Health Nurse")).toEqual(['womens', 'health', 'nurse']);
    expect(words('Front-End Developer')).toEqual(['front', 'end', 'developer']);
    expect(words('DATA   Analyst!')).toEqual(['data', 'analyst']);
  });

  it('folds compatibility forms (full-width letters) before reading', () => {
    expect(words('Ｓｒ Ｄｅｖ')).toEqual(['senior', 'developer']);
  });

  it('keeps words of any script whole', () => {
    expect(words('Ingénieur Logiciel')).toEqual(['ingénieur', 'logiciel']);
    expect(words('Разработчик ПО')).toEqual(['разработчик', 'по']);
    expect(words('软件工程师')).toEqual(['软件工程师']);
  });

  it('reads nothing from an empty or blank title', () => {
    expect(normalizeTitle('')).toEqual({ raw: '', words: [], removed: [] });
    expect(normalizeTitle('   ')).toEqual({ raw: '   ', words: [], removed: [] });
  });
});
