import { describe, expect, it } from 'vitest';
import { Catalog } from '../core/catalog.js';
import type { ProfileStatus, Taxonomy } from '../core/taxonomy.js';
import { type FocusSpec, SUPPORT_FOCUS, taxonomyWith } from '../testing/landingFixture.js';
import { FocusLanding, GENERATED_ORIGIN, landingTable } from './focusLanding.js';
import { normalizeTitle } from './normalizeTitle.js';
import { readSeniority } from './readSeniority.js';

const EMPTY: Taxonomy = { sources: [], functions: [], focuses: [], profiles: [] };
const CURATED = 'canon.data';

async function landing(specs: FocusSpec[], status?: Record<string, ProfileStatus>) {
  return new FocusLanding(
    landingTable(new Catalog(await taxonomyWith(specs, { base: EMPTY, status }))),
    new Map(),
  );
}
const reading = (title: string) => {
  const words = normalizeTitle(title).words;
  return { words, seniority: readSeniority(words) };
};
const occupation = (onetCode: string, jobZone: number | null = null) => ({
  onetCode,
  socCode: onetCode.slice(0, 7),
  jobZone,
});
const focus = (key: string, levels: string[], mappings: [string, string][], cues: string[] = []) => ({
  functionCode: 'HEALTH',
  key,
  name: key,
  levels,
  mappings,
  cues,
});
const NURSE_LEVELS = ['P1', 'P2', 'P3', 'P4'];

describe('FocusLanding.forOccupation', () => {
  it('finds a focus by the SOC code, the .00 occupation, or one O*NET occupation it maps', async () => {
    const l = await landing([
      focus('soc', NURSE_LEVELS, [['29-1141', GENERATED_ORIGIN]]),
      focus('zero', NURSE_LEVELS, [['29-1171.00', GENERATED_ORIGIN]]),
      focus('architects', NURSE_LEVELS, [['15-1299.08', CURATED]]),
      { ...focus('esco', NURSE_LEVELS, []), mappings: [] },
    ]);
    const land = (code: string) => l.forOccupation(occupation(code), reading('Nurse'))?.focus.name ?? null;
    expect(land('29-1141.00')).toBe('soc');
    expect(land('29-1141.04')).toBe('soc');
    expect(land('29-1171.00')).toBe('zero');
    expect(land('29-1171.02')).toBe('zero');
    expect(land('15-1299.08')).toBe('architects');
    expect(land('15-1299.09')).toBeNull();
    expect(land('11-1011.00')).toBeNull();
  });

  it('prefers the focus whose title cue is in the title, then the curated one, then the one mapping the occupation itself', async () => {
    const byCue = await landing([
      focus('curated', NURSE_LEVELS, [['29-1141', CURATED]]),
      focus('generated', NURSE_LEVELS, [['29-1141', GENERATED_ORIGIN]], ['nurse']),
    ]);
    const cued = byCue.forOccupation(occupation('29-1141.00'), reading('Registered Nurse'));
    expect(cued).toMatchObject({ focus: { name: 'generated' }, cue: 'nurse', generated: true });
    expect(cued?.focusNotes).toContain('Chosen over curated: its title cue is in the title.');

    const byOrigin = await landing([
      focus('generated', NURSE_LEVELS, [['29-1141', GENERATED_ORIGIN]]),
      focus('curated', NURSE_LEVELS, [['29-1141.00', CURATED]]),
    ]);
    const curated = byOrigin.forOccupation(occupation('29-1141.00'), reading('Registered Nurse'));
    expect(curated).toMatchObject({ focus: { name: 'curated' }, generated: false });
    expect(curated?.focusNotes).toContain('Chosen over generated: it is curated, not generated.');

    const bySpecificity = await landing([
      focus('whole', NURSE_LEVELS, [['15-1299', GENERATED_ORIGIN]]),
      focus('one', NURSE_LEVELS, [['15-1299.08', GENERATED_ORIGIN]]),
    ]);
    expect(bySpecificity.forOccupation(occupation('15-1299.08'), reading('Architect'))?.focus.name).toBe(
      'one',
    );
    expect(bySpecificity.forOccupation(occupation('15-1299.09'), reading('Architect'))?.focus.name).toBe(
      'whole',
    );
  });

  it("puts a focus that offers the title's level before one that would move it, cue or no cue", async () => {
    const l = await landing([
      focus('upper', ['P4', 'P5', 'P6'], [['15-1252', CURATED]], ['developer']),
      focus('ladder', NURSE_LEVELS, [['15-1252', GENERATED_ORIGIN]]),
    ]);
    expect(l.forOccupation(occupation('15-1252.00'), reading('Developer'))).toMatchObject({
      focus: { name: 'ladder' },
      level: { code: 'P2' },
      fit: 'exact',
    });
    expect(l.forOccupation(occupation('15-1252.00'), reading('Principal Developer'))).toMatchObject({
      focus: { name: 'upper' },
      level: { code: 'P5' },
    });
  });

  it('lands a title whose level the only mapping focus lacks on its nearest level, and says so', async () => {
    const l = await landing([focus('upper', ['P4', 'P5', 'P6'], [['15-1252', CURATED]])]);
    const landed = l.forOccupation(occupation('15-1252.00'), reading('Developer'));
    expect(landed).toMatchObject({ level: { code: 'P4' }, wanted: { code: 'P2' }, fit: 'nearest' });
    expect(landed?.profileCode).toMatch(/^HEALTH\.UPPERXXX[0-9A-F]{4}\.P4$/);
    expect(landed?.levelNotes.join(' ')).toMatch(/P2 is not a level of this focus \(P4, P5, P6\)/);
  });

  it('places support-track titles by the support reading and the Job Zone of the occupation', async () => {
    const l = await landing([SUPPORT_FOCUS]);
    const land = (title: string, jobZone: number | null) =>
      l.forOccupation(occupation('47-2111.00', jobZone), reading(title))?.level.code;
    expect(land('Electrician', 3)).toBe('S3');
    expect(land('Electrician', 2)).toBe('S2');
    expect(land('Electrician', null)).toBe('S2');
    expect(land('Senior Electrician', 2)).toBe('S3');
    expect(land('Electrician Helper', 3)).toBe('S1');
    expect(land('Lead Electrician', 3)).toBe('S4');
    expect(land('Electrical Foreman', 3)).toBe('M1');
    expect(land('Electrical Director', 3)).toBe('M1');
  });

  it('never lands on a retired profile: the nearest live level stands in', async () => {
    const l = await landing([SUPPORT_FOCUS], { S3: 'retired' });
    const landed = l.forOccupation(occupation('47-2111.00', 3), reading('Journeyman Electrician'));
    expect(landed).toMatchObject({ level: { code: 'S2' }, wanted: { code: 'S3' }, fit: 'nearest' });
    expect(landed?.levelNotes.join(' ')).toMatch(/S3 is not a level of this focus \(S1, S2, S4, M1\)/);
  });
});

describe('FocusLanding.forCue', () => {
  const leadership = focus(
    'leadership',
    ['M3', 'M4', 'M5', 'M6'],
    [['11-3021', CURATED]],
    ['engineering', 'technology officer'],
  );
  const architecture = focus('architecture', ['P4', 'P5', 'P6'], [['15-1299.08', CURATED]], ['engineer']);

  it("lands a title holding a focus's cue at a level the focus offers", async () => {
    const l = await landing([leadership, architecture]);
    expect(l.forCue(reading('Director of Engineering'))).toMatchObject({
      focus: { name: 'leadership' },
      level: { code: 'M4' },
      cue: 'engineering',
      coversSpecialty: true,
    });
    expect(l.forCue(reading('Director of Cloud Engineering'))).toMatchObject({
      focus: { name: 'leadership' },
      coversSpecialty: false,
    });
    expect(l.forCue(reading('Staff Engineer'))?.focus.name).toBe('architecture');
  });

  it('does not move a professional title to another level on a cue word alone', async () => {
    const l = await landing([architecture]);
    expect(l.forCue(reading('Senior Engineer'))).toBeNull();
    expect(l.forCue(reading('Engineer'))).toBeNull();
  });

  it('puts an executive title on the top of a management focus, and a support title on the nearest level', async () => {
    const l = await landing([leadership, SUPPORT_FOCUS]);
    expect(l.forCue(reading('Chief Technology Officer'))).toMatchObject({
      focus: { name: 'leadership' },
      level: { code: 'M6' },
      fit: 'nearest',
      coversSpecialty: true,
    });
    expect(l.forCue(reading('Electrician Manager'))).toMatchObject({
      focus: { name: 'Electricians' },
      level: { code: 'M1' },
      fit: 'nearest',
    });
  });
});
