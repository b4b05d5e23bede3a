import { describe, expect, it } from 'vitest';
import { findLevel } from '../core/levels.js';
import { normalizeTitle } from './normalizeTitle.js';
import { explainPlacement, onSupportTrack, placeOnLadder } from './placeOnLadder.js';
import { readSeniority } from './readSeniority.js';

const SUPPORT = ['S1', 'S2', 'S3', 'S4', 'M1'];
const PROFESSIONAL = ['P1', 'P2', 'P3', 'P4', 'M1', 'M2', 'M3'];
const EXECUTIVE = ['M3', 'M4', 'M5', 'M6'];

const on = (title: string, levels: string[], jobZone: number | null = null, entry: string | null = null) => {
  const seniority = readSeniority(normalizeTitle(title).words);
  const placement = placeOnLadder(
    seniority,
    levels.flatMap((code) => findLevel(code) ?? []),
    jobZone,
    entry === null ? null : (findLevel(entry) ?? null),
  );
  return placement && { ...placement, notes: explainPlacement(placement, seniority, levels, jobZone) };
};

/** A ladder of occupations, as the generated nursing focus is: assistants, practical nurses, registered nurses. */
const LADDER = ['S2', 'P1', 'S3', 'P2', 'S4', 'P3', 'P4', 'P5'];

describe('placeOnLadder', () => {
  it.each([
    ['Nursing Assistant', 'S2', 'S2'],
    ['Licensed Practical Nurse', 'S3', 'S3'],
    ['Registered Nurse', 'P1', 'P2'],
    ['Senior Registered Nurse', 'P1', 'P3'],
    ['Lead Nursing Assistant', 'S2', 'S4'],
  ])(
    'reads %j on a ladder of occupations from where its occupation enters (%s): %s',
    (title, entry, code) => {
      expect(on(title, LADDER, 3, entry)).toMatchObject({ level: { code } });
    },
  );

  it("puts a plain supervisor title at its occupation's entry level and says why", () => {
    const placed = on('Sous Chef', ['S1', 'S2', 'S3', 'S4', 'M1'], 2, 'M1');
    expect(placed).toMatchObject({ level: { code: 'M1' }, basis: 'entry level' });
    expect(placed?.notes.join(' ')).toContain("where the title's occupation enters this focus");
  });

  it('tells a support-track ladder by its first level', () => {
    expect(onSupportTrack(SUPPORT)).toBe(true);
    expect(onSupportTrack(PROFESSIONAL)).toBe(false);
    expect(onSupportTrack([])).toBe(false);
  });

  it.each([
    ['Electrician Helper', 'S1'],
    ['Apprentice Electrician', 'S1'],
    ['Electrician II', 'S3'],
    ['Senior Electrician', 'S3'],
    ['Master Electrician', 'S3'],
    ['Lead Electrician', 'S4'],
    ['Crew Leader', 'S4'],
    ['Electrical Foreman', 'M1'],
    ['Electrical Supervisor', 'M1'],
  ])('puts %j at %s on a support-track focus', (title, code) => {
    expect(on(title, SUPPORT)).toMatchObject({ level: { code }, fit: 'exact' });
  });

  it.each([
    ['Senior Software Developer', 'P3'],
    ['Software Developer II', 'P2'],
    ['Lead Software Developer', 'P4'],
    ['Software Development Supervisor', 'M1'],
    ['Software Development Manager', 'M2'],
  ])('keeps the professional reading of %j (%s) on a professional focus', (title, code) => {
    expect(on(title, PROFESSIONAL)).toMatchObject({ level: { code }, fit: 'exact', notes: [] });
  });

  it.each([
    [1, 'S1'],
    [2, 'S2'],
    [3, 'S3'],
    [5, 'S3'],
  ])('gives a plain support title the level of its Job Zone %i: %s', (jobZone, code) => {
    const landed = on('Electrician', SUPPORT, jobZone);
    expect(landed).toMatchObject({ level: { code }, fit: 'exact' });
    expect(landed?.notes.join(' ')).toMatch(`No seniority word: ${code}`);
    expect(landed?.notes.join(' ')).toMatch(`Job Zone ${jobZone}`);
  });

  it('without a Job Zone, gives a plain support title the first level above entry, or the first level', () => {
    expect(on('Electrician', SUPPORT)?.level.code).toBe('S2');
    expect(on('Electrician', ['S3', 'S4'])?.level.code).toBe('S3');
    expect(on('Electrician', ['S1'])?.level.code).toBe('S1');
  });

  it.each([
    ['Chief Technology Officer', EXECUTIVE, 'E3', 'M6'],
    ['VP of Engineering', PROFESSIONAL, 'M6', 'M3'],
    ['Principal Software Developer', PROFESSIONAL, 'P5', 'P4'],
    ['Distinguished Engineer', PROFESSIONAL, 'P6', 'P4'],
    ['Electrical Maintenance Manager', SUPPORT, 'M2', 'M1'],
    ['Junior Developer', EXECUTIVE, 'P1', 'M3'],
    ['Senior Electrician', ['S1', 'S2'], 'S3', 'S2'],
  ])('moves %j to the nearest level by rank when the focus lacks it', (title, levels, wanted, code) => {
    const landed = on(title, levels);
    expect(landed).toMatchObject({ wanted: { code: wanted }, level: { code }, fit: 'nearest' });
    expect(landed?.notes.at(-1)).toMatch(
      new RegExp(`^${wanted} is not a level of this focus .*the nearest by rank is ${code}`),
    );
  });

  it("stays on the title's own track when the focus has levels there, whatever the rank", () => {
    // P5 ranks with M3, but an individual contributor is not made a senior manager.
    expect(on('Principal Software Developer', ['P3', 'P4', 'M3'])?.level.code).toBe('P4');
    // M2 (rank 4) is as near to S4 as to M1 (both rank 3): the supervisor is on the management track.
    expect(on('Electrical Maintenance Manager', ['S3', 'S4', 'M1'])?.level.code).toBe('M1');
    // An executive's own track includes management: a chief electrician leads, as the supervisor does.
    expect(on('Chief Electrician', SUPPORT)?.level.code).toBe('M1');
  });

  it('takes the nearest rank on another track when the focus has none of its own, the lower on a tie', () => {
    expect(on('Senior Analyst', ['M1', 'M2'])?.level.code).toBe('M1');
    expect(on('Analyst', ['M1', 'S2'])?.level.code).toBe('S2');
  });

  it('lands nowhere on a focus with no levels', () => {
    expect(on('Senior Electrician', [])).toBeNull();
  });
});
