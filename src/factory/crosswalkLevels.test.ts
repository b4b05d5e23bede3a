import { describe, expect, it } from 'vitest';
import type { Claim, ClaimKind } from '../core/evidence.js';
import { crosswalkLevels } from './crosswalkLevels.js';
import type { SourceLevel } from './segmentLevels.js';

/** A level with one title; `reads` is what that title's words say, or undefined when none says how senior. */
const level = (
  title: string,
  reads?: { level: string; cues: string[] },
  code: string | null = null,
): SourceLevel => {
  const label = code ? `${code}: ${title}` : title;
  return {
    label,
    code,
    titles: [title],
    section: { title: label, depth: 2, heading: null, blocks: [], children: [] },
    path: [label],
    seniority: reads
      ? { title, level: reads.level, stated: true, cues: reads.cues }
      : { title, level: 'P2', stated: false, cues: [] },
  };
};
const claim = (
  level: SourceLevel,
  text: string,
  kind: ClaimKind = 'responsibility',
  extra: Partial<Claim> = {},
): Claim => ({
  kind,
  subtype: null,
  text,
  level: level.label,
  sectionPath: [],
  start: 0,
  end: 0,
  ...extra,
});
const mapped = (levels: readonly SourceLevel[], claims: readonly Claim[] = []) =>
  crosswalkLevels(levels, claims).map((e) => [e.label, e.canonical.code, e.confidence]);

const SENIOR = level('Senior Software Engineer', { level: 'P3', cues: ['senior'] });
const ENGINEER = level('Software Engineer');
const ARCHITECT = level('Software Architect');
const MANAGER = level('Engineering Manager', { level: 'M2', cues: ['manager'] });
const DIRECTOR = level('Director of Engineering', { level: 'M4', cues: ['director'] });
const VP = level('VP of Engineering', { level: 'M6', cues: ['vice president'] });

describe('crosswalkLevels', () => {
  it('maps a stated title to its level, quoting the title', () => {
    expect(crosswalkLevels([SENIOR], [])).toEqual([
      {
        label: 'Senior Software Engineer',
        titles: ['Senior Software Engineer'],
        canonical: { code: 'P3', track: 'P', rank: expect.any(Number), title: 'Senior Professional' },
        confidence: 0.8,
        reason: '"Senior Software Engineer" reads as P3 Senior Professional (senior)',
      },
    ]);
  });

  it('starts a ladder whose first level states no seniority at the entry level of its track', () => {
    const [first] = crosswalkLevels([ENGINEER], []);
    expect([first?.canonical.code, first?.confidence]).toEqual(['P1', 0.4]);
    expect(first?.reason).toMatch(/^the ladder's first level, and no title word says how senior/);
  });

  it('places an unstated later level one step above the level before it', () => {
    const entries = crosswalkLevels([SENIOR, ENGINEER, ARCHITECT], []);
    expect(entries.map((e) => [e.canonical.code, e.confidence])).toEqual([
      ['P3', 0.8],
      ['P4', 0.4],
      ['P5', 0.4],
    ]);
    expect(entries[1]?.reason).toBe(
      'no title word says how senior; placed one step above P3, the level before it in the ladder',
    );
  });

  it('moves a title that reads lower than the level before it up, to keep the ladder’s order', () => {
    // The codes rise, so the ladder is read bottom up although its titles fall.
    const entries = crosswalkLevels(
      [
        level('Senior Engineer', { level: 'P3', cues: ['senior'] }, 'E1'),
        level('Junior Engineer', { level: 'P1', cues: ['junior'] }, 'E2'),
      ],
      [],
    );
    expect(entries.map((e) => [e.canonical.code, e.confidence])).toEqual([
      ['P3', 0.8],
      ['P4', 0.5],
    ]);
    expect(entries[1]?.reason).toContain(
      'the title reads as P1, but the ladder lists it above P3; moved to P4 to keep its order',
    );
  });

  it('reads a ladder whose stated levels fall top down', () => {
    expect(mapped([VP, DIRECTOR, MANAGER])).toEqual([
      ['VP of Engineering', 'M6', 0.8],
      ['Director of Engineering', 'M4', 0.8],
      ['Engineering Manager', 'M2', 0.8],
    ]);
  });

  it('lifts a level that manages managers to M3 at least', () => {
    const entries = crosswalkLevels(
      [MANAGER, DIRECTOR],
      [claim(MANAGER, 'Manages managers of two product teams'), claim(DIRECTOR, 'Leads other managers')],
    );
    expect(entries.map((e) => e.canonical.code)).toEqual(['M3', 'M4']);
    expect(entries[0]?.reason).toBe(
      '"Engineering Manager" reads as M2 Manager (manager); it manages managers, which Canon places at M3 or above',
    );
    // The claim counts as stated seniority: no entry level for a first level that manages managers.
    expect(mapped([ENGINEER], [claim(ENGINEER, 'Is a manager of managers')])).toEqual([
      ['Software Engineer', 'M3', 0.8],
    ]);
  });

  it('lifts a management level whose scope is the company or the board to M5', () => {
    const entries = crosswalkLevels(
      [MANAGER],
      [claim(MANAGER, 'Presents the platform strategy to the board')],
    );
    expect(entries[0]?.canonical.code).toBe('M5');
    expect(entries[0]?.reason).toContain('its scope reaches the board or the whole company');
    // Only the management track is lifted; a professional level with company scope keeps its reading.
    expect(mapped([SENIOR], [claim(SENIOR, 'Sets company-wide coding standards')])).toEqual([
      ['Senior Software Engineer', 'P3', 0.8],
    ]);
  });

  it('mentions the years of experience the document asks for', () => {
    const entries = crosswalkLevels(
      [SENIOR, level('Staff Software Engineer', { level: 'P4', cues: ['staff'] })],
      [
        claim(SENIOR, '5-8+ years of experience', 'experience', {
          years: { min: 5, max: 8, openEnded: true },
        }),
      ],
    );
    expect(entries[0]?.reason).toBe(
      '"Senior Software Engineer" reads as P3 Senior Professional (senior); the document asks for 5–8+ years',
    );
    expect(entries[1]?.reason).not.toContain('years');
  });
});
