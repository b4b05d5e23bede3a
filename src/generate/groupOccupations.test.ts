import { describe, expect, it } from 'vitest';
import { buildTaxonomy } from './buildTaxonomy.js';
import { functionFor } from './functionRules.js';
import { anchorOf, levelAbove, planFocuses, roleOf, trackOf } from './groupOccupations.js';
import { EMPTY_OVERLAY, parseOverlay } from './overlay.js';
import { emptyReferenceData, type OccupationWages, type ReferenceData } from './referenceData.js';

/** A reference folder of seven occupations, enough for every grouping rule. */
function reference(): ReferenceData {
  const groups = new Map([
    ['35-1000', 'Supervisors of Food Preparation and Serving Workers'],
    ['35-1010', 'First-Line Supervisors of Food Preparation and Serving Workers'],
    ['35-2010', 'Cooks'],
    ['35-3000', 'Food and Beverage Serving Workers'],
    ['35-3030', 'Waiters and Waitresses'],
    ['29-1000', 'Healthcare Diagnosing or Treating Practitioners'],
    ['29-1140', 'Registered Nurses'],
    ['29-1170', 'Nurse Practitioners'],
    ['11-1000', 'Top Executives'],
    ['11-1010', 'Chief Executives'],
    ['11-3000', 'Operations Specialties Managers'],
    ['11-3030', 'Financial Managers'],
  ]);
  const occupations: [string, string, number][] = [
    ['35-1012', 'First-Line Supervisors of Food Preparation and Serving Workers', 2],
    ['35-2014', 'Cooks, Restaurant', 2],
    ['35-2011', 'Cooks, Fast Food', 1],
    ['35-3031', 'Waiters and Waitresses', 1],
    ['29-1141', 'Registered Nurses', 3],
    ['29-1171', 'Nurse Practitioners', 5],
    ['11-1011', 'Chief Executives', 5],
    ['11-3031', 'Financial Managers', 4],
  ];
  const wages = (soc: string, employment: number): [string, OccupationWages] => [
    soc,
    { soc, title: '', employment, p10: null, p25: null, median: null, p75: null, p90: null, topCoded: [] },
  ];
  return {
    ...emptyReferenceData(),
    soc: new Map(
      occupations.map(([code, title]) => [code, { code, title, definition: `${title} do the work.` }]),
    ),
    socGroups: groups,
    onet: new Map(
      occupations.map(([code, title, jobZone]) => [
        `${code}.00`,
        { code: `${code}.00`, soc: code, title, description: '', jobZone },
      ]),
    ),
    wages: new Map([wages('35-2014', 1_000_000), wages('35-3031', 10)]),
  };
}

describe('the grouping rules', () => {
  it('tells supervisors, managers, executives and workers apart by SOC group', () => {
    const groups = reference().socGroups;
    expect(roleOf('35-1012', groups)).toBe('supervisor');
    expect(roleOf('11-3031', groups)).toBe('manager');
    expect(roleOf('11-1011', groups)).toBe('executive');
    expect(roleOf('35-2014', groups)).toBe('worker');
  });

  it('puts Job Zone 4–5 and professional Job Zone 3 work on P, the rest on S', () => {
    expect(trackOf('29-1141', 3)).toBe('P');
    expect(trackOf('51-4121', 3)).toBe('S');
    expect(trackOf('51-4121', 4)).toBe('P');
    expect(trackOf('35-2014', 2)).toBe('S');
  });

  it('anchors entry levels on the Job Zone and the role', () => {
    expect(anchorOf('worker', '35-2011', 1)).toBe('S1');
    expect(anchorOf('worker', '35-2014', 2)).toBe('S2');
    expect(anchorOf('worker', '29-1141', 3)).toBe('P1');
    expect(anchorOf('worker', '29-1171', 5)).toBe('P2');
    expect(anchorOf('supervisor', '35-1012', 2)).toBe('M1');
    expect(anchorOf('manager', '11-3031', 4)).toBe('M2');
    expect(anchorOf('executive', '11-1011', 5)).toBe('E1');
  });

  it('climbs a track from the anchor but never past its top, and keeps supervisors at M1', () => {
    expect(levelAbove('S2', 2)).toBe('S4');
    expect(levelAbove('S3', 2)).toBe('S4');
    expect(levelAbove('P2', 2)).toBe('P4');
    expect(levelAbove('M1', 2)).toBe('M1');
    expect(levelAbove('E1', 5)).toBe('E3');
  });

  it('places every occupation in exactly one focus, supervisors with the work they supervise', () => {
    const plans = planFocuses(reference(), new Set(), EMPTY_OVERLAY);
    const socs = plans.flatMap((p) => p.members.map((m) => m.soc));
    expect(socs.sort()).toEqual([...reference().soc.keys()].sort());
    const cooks = plans.find((p) => p.key === 'cooks');
    // "Food preparation" matches cooks better than waiters, and cooks employ more.
    expect(cooks?.members.map((m) => m.soc)).toEqual(['35-1012', '35-2011', '35-2014']);
    expect(plans.find((p) => p.key === 'registered-nurses')?.name).toBe('Registered Nurses');
  });

  it('leaves out the codes curated focuses claim', () => {
    const plans = planFocuses(reference(), new Set(['11-3031']), EMPTY_OVERLAY);
    expect(plans.flatMap((p) => p.members).some((m) => m.soc === '11-3031')).toBe(false);
  });

  it('applies the overlay: move with an entry level, rename, and a function change', () => {
    const overlay = parseOverlay(
      'overlay.yaml',
      [
        'move:',
        '  - { occupation: 29-1171, to: registered-nurses, level: P3 }',
        'rename:',
        '  - { focus: registered-nurses, name: Nursing }',
        'function:',
        '  - { focus: waiters-and-waitresses, function: retail }',
      ].join('\n'),
    );
    const plans = planFocuses(reference(), new Set(), overlay);
    const nursing = plans.find((p) => p.key === 'registered-nurses');
    expect(nursing?.name).toBe('Nursing');
    expect(nursing?.members.find((m) => m.soc === '29-1171')?.anchor).toBe('P3');
    expect(plans.some((p) => p.key === 'nurse-practitioners')).toBe(false);
    expect(plans.find((p) => p.key === 'waiters-and-waitresses')?.functionKey).toBe('retail');
  });

  it("merges focuses under the first one's key, and splits occupations into a new focus", () => {
    const overlay = parseOverlay(
      'overlay.yaml',
      [
        'merge:',
        '  - { into: cooks, focuses: [waiters-and-waitresses], name: Kitchen and Floor }',
        'split:',
        '  - { key: fast-food-cooks, name: Fast Food Cooks, occupations: [35-2011] }',
      ].join('\n'),
    );
    const plans = planFocuses(reference(), new Set(), overlay);
    const kitchen = plans.find((p) => p.key === 'cooks');
    expect(kitchen?.name).toBe('Kitchen and Floor');
    expect(kitchen?.members.map((m) => m.soc)).toEqual(['35-1012', '35-2014', '35-3031']);
    expect(plans.some((p) => p.key === 'waiters-and-waitresses')).toBe(false);
    expect(plans.find((p) => p.key === 'fast-food-cooks')?.members.map((m) => m.soc)).toEqual(['35-2011']);
  });

  it('keeps focus and profile codes when the overlay renames a focus', () => {
    const empty = { sources: [], functions: [], focuses: [], profiles: [] };
    const before = buildTaxonomy(reference(), empty, EMPTY_OVERLAY).taxonomy;
    const after = buildTaxonomy(
      reference(),
      empty,
      parseOverlay('overlay.yaml', 'rename:\n  - { focus: cooks, name: Line and Prep Cooks }\n'),
    ).taxonomy;
    const code = (t: typeof before, key: string) => t.focuses.find((f) => f.key === key);
    expect(code(after, 'cooks')?.name).toBe('Line and Prep Cooks');
    expect(code(after, 'cooks')?.code).toBe(code(before, 'cooks')?.code);
    expect(after.profiles.map((p) => p.code)).toEqual(before.profiles.map((p) => p.code));
  });

  it('refuses an overlay that names an unknown focus or occupation, with file:line', () => {
    const overlay = parseOverlay(
      'overlay.yaml',
      'rename:\n  - focus: no-such-focus\n    name: X\nmove:\n  - { occupation: 99-9999, to: cooks }\n',
    );
    const message = (() => {
      try {
        planFocuses(reference(), new Set(), overlay);
        return '';
      } catch (error) {
        return (error as Error).message;
      }
    })();
    expect(message).toContain(
      'overlay.yaml:2 rename.0.focus: no generated focus has the key "no-such-focus"',
    );
    expect(message).toContain(
      'overlay.yaml:5 move.0.occupation: occupation 99-9999 is in no generated focus',
    );
  });

  it('refuses a malformed overlay with file:line, the field and what was expected', () => {
    expect(() => parseOverlay('overlay.yaml', 'move:\n  - { occupation: 29-1171, to: Nursing! }\n')).toThrow(
      /overlay\.yaml:2 move\.0\.to: a focus key: lower-case words joined by hyphens/,
    );
    expect(() =>
      parseOverlay('overlay.yaml', 'move:\n  - { occupation: 29-1171, to: nursing, level: Q9 }\n'),
    ).toThrow(/overlay\.yaml:2 move\.0\.level: a level code/);
    expect(() => parseOverlay('overlay.yaml', 'renames: []\n')).toThrow(
      /overlay\.yaml:1 \(file\): unknown field\(s\) renames/,
    );
  });

  it('files occupations under org-chart functions by the longest SOC prefix', () => {
    expect(functionFor('43-4051').key).toBe('customer-success-and-support');
    expect(functionFor('43-9061').key).toBe('administrative-support');
    expect(functionFor('43-3031').key).toBe('finance-and-accounting');
    expect(functionFor('15-1252').key).toBe('engineering');
    expect(functionFor('15-1212').key).toBe('it-and-security');
    expect(functionFor('29-1141').key).toBe('healthcare');
    expect(functionFor('11-9999').key).toBe('executive-and-general-management');
  });
});
