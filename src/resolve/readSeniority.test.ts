import { describe, expect, it } from 'vitest';
import { normalizeTitle } from './normalizeTitle.js';
import { readSeniority } from './readSeniority.js';

const read = (title: string) => readSeniority(normalizeTitle(title).words);

describe('readSeniority with specialty words it has never seen', () => {
  it.each([
    ['Senior Offering Manager', 'M3', ['offering']],
    ['Lead Zorblax Wrangler', 'P4', ['zorblax', 'wrangler']],
    ['Principal Quux Consultant', 'P5', ['quux', 'consultant']],
    ['Flibbertigibbet Specialist III', 'P3', ['flibbertigibbet', 'specialist']],
    ['VP, Snorkelwhacking', 'M6', ['snorkelwhacking']],
    ['Chief Widget Officer', 'E3', ['widget']],
    ['Junior Qwxz', 'P1', ['qwxz']],
  ])('reads %j at %s, leaving %j for the specialty', (title, code, specialty) => {
    expect(read(title)).toMatchObject({ level: { code }, stated: true, specialty });
  });
});

describe('readSeniority for the support track', () => {
  it.each([
    ['Electrician Helper', 'S1'],
    ['Apprentice Electrician', 'S1'],
    ['Electrician Trainee', 'S1'],
    ['Entry-Level Electrician', 'S1'],
    ['Junior Electrician', 'S1'],
    ['Electrician I', 'S2'],
    ['Electrician II', 'S3'],
    ['Electrician III', 'S3'],
    ['Senior Electrician', 'S3'],
    ['Journeyman Electrician', 'S3'],
    ['Master Electrician', 'S3'],
    ['Lead Electrician', 'S4'],
    ['Electrician IV', 'S4'],
    ['Lead Hand, Electrical', 'S4'],
    ['Crew Leader', 'S4'],
    ['Electrical Foreman', 'M1'],
    ['Electrical Supervisor', 'M1'],
    ['First-Line Supervisor of Electricians', 'M1'],
    ['Electrical Maintenance Manager', 'M2'],
    ['Electrical Superintendent Director', 'M4'],
  ])('reads %j as %s', (title, code) => {
    expect(read(title).support?.level.code).toBe(code);
  });

  it('has no support reading for a title that states no seniority: the focus decides', () => {
    expect(read('Electrician').support).toBeNull();
    expect(read('Electrician').stated).toBe(false);
  });

  it('names the words that decided the support reading', () => {
    expect(read('Journeyman Electrician').support?.cues).toEqual(['journeyman']);
    expect(read('Senior Electrician').support?.cues).toEqual(['senior']);
    expect(read('Electrician II').support?.cues).toEqual(['ii']);
  });

  it.each([
    ['Electrician Helper', ['electrician', 'helper']],
    ['Master Data Analyst', ['master', 'data', 'analyst']],
    ['Scrum Master', ['scrum', 'master']],
    ['Construction Foreman', ['construction', 'foreman']],
  ])('leaves %j on the professional reading it had, its words in the specialty', (title, specialty) => {
    expect(read(title)).toMatchObject({ level: { code: 'P2' }, stated: false, cues: [], specialty });
  });

  it('reads a crew leader as a first-line lead on the other tracks', () => {
    expect(read('Crew Leader')).toMatchObject({ level: { code: 'M1' }, stated: true, specialty: [] });
  });
});
