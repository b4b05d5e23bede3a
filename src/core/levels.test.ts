import { describe, expect, it } from 'vitest';
import { findLevel, formatYears, getLevel, LEVELS, levelRange, parseLevelCode } from './levels.js';

describe('the level framework', () => {
  it('has S1–S4, P1–P6, M1–M6 and E1–E3 in order', () => {
    expect(LEVELS.map((l) => l.code)).toEqual([
      'S1',
      'S2',
      'S3',
      'S4',
      'P1',
      'P2',
      'P3',
      'P4',
      'P5',
      'P6',
      'M1',
      'M2',
      'M3',
      'M4',
      'M5',
      'M6',
      'E1',
      'E2',
      'E3',
    ]);
  });

  it('agrees with the published M3 and M6 profile pages', () => {
    const m3 = getLevel('M3');
    expect(m3).toMatchObject({
      title: 'Senior Manager',
      summary: 'Leads multiple teams or a sub-function; sets goals and owns cross-team execution.',
      scope: 'Multiple teams or a sub-function',
      autonomy: 'Sets goals within functional strategy',
      complexity: 'Multi-team execution and resourcing trade-offs',
      impact: 'Sub-function outcomes',
      decisionRights: 'Owns goals, budget input, and people decisions across teams',
      leadership: 'Manages managers and/or several teams',
      experience: { min: 8, max: 12 },
    });
    expect(getLevel('M6')).toMatchObject({
      title: 'Vice President',
      summary: 'Owns a major function or division; accountable for organization-wide outcomes.',
      scope: 'A major function or division',
      leadership: 'Leads the leadership of a division',
      experience: { min: 15, max: 25 },
    });
  });

  it('gives every level all seven attributes and common titles', () => {
    for (const l of LEVELS) {
      for (const field of [
        'title',
        'summary',
        'scope',
        'autonomy',
        'complexity',
        'impact',
        'decisionRights',
        'leadership',
      ] as const) {
        expect(l[field], `${l.code}.${field}`).not.toBe('');
      }
      expect(l.commonTitles.length, l.code).toBeGreaterThan(0);
    }
  });

  it('never states years without a source', () => {
    for (const l of LEVELS) {
      if (l.experience) expect(l.experienceSources.length, l.code).toBeGreaterThan(0);
    }
    expect(formatYears(null)).toBe('years not yet sourced');
  });

  it('puts all tracks on one rank scale that rises within each track', () => {
    for (const track of ['S', 'P', 'M', 'E']) {
      const ranks = LEVELS.filter((l) => l.track === track).map((l) => l.rank);
      expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
      expect(new Set(ranks).size).toBe(ranks.length);
    }
    expect(getLevel('E1').rank).toBeGreaterThan(getLevel('M6').rank);
    expect(getLevel('M3').rank).toBe(getLevel('P5').rank);
    // A lead hand never outranks the first-line supervisor over the crew.
    expect(getLevel('S4').rank).toBe(getLevel('M1').rank);
    expect(getLevel('S1').rank).toBeLessThan(getLevel('P1').rank);
  });

  it('sources every support level from a Job Zone row', () => {
    for (const l of LEVELS.filter((x) => x.track === 'S')) {
      expect(
        l.sources.every((id) => id.startsWith('onet-jz-')),
        l.code,
      ).toBe(true);
    }
  });

  it('expands ranges on one track only, upward', () => {
    expect(levelRange('M3', 'M6').map((l) => l.code)).toEqual(['M3', 'M4', 'M5', 'M6']);
    expect(() => levelRange('M6', 'M3')).toThrow(/upward/);
    expect(() => levelRange('P4', 'M6')).toThrow(/one track/);
  });

  it('rejects unknown codes with the expected shape', () => {
    expect(findLevel('M9')).toBeUndefined();
    expect(() => parseLevelCode('P7')).toThrow(/expected S1–S4, P1–P6, M1–M6 or E1–E3/);
    expect(() => getLevel('Q1')).toThrow(/expected S1–S4, P1–P6/);
  });
});
