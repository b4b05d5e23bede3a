import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../config/readConfig.js';
import { reportSkip } from '../testing/reportSkip.js';
import { readSources, type SourceReading } from './readSources.js';

/** What Canon must read from the seed documents and the public ladders in ../shared (not committed here). */
const SHARED = join(PROJECT_ROOT, '..', 'shared');
const available = existsSync(join(SHARED, 'seeds')) && existsSync(join(SHARED, 'data', 'ladders'));
if (!available) reportSkip('factory seeds', `${SHARED}/seeds or data/ladders not found beside the project`);

/** A seed through the whole pipeline, with its crosswalk beside what it read. */
async function seed(
  prefix: string,
): Promise<SourceReading['read'] & { crosswalk: SourceReading['crosswalk'] }> {
  const dir = join(SHARED, 'seeds');
  const name = (await readdir(dir)).find((f) => f.startsWith(prefix)) ?? '';
  const [s] = (await readSources([{ name, bytes: await readFile(join(dir, name)) }], { ladder: null }))
    .sources;
  if (!s) throw new Error(`${name}: no level found`);
  return { ...s.read, crosswalk: s.crosswalk };
}

const ranks = (d: { crosswalk: SourceReading['crosswalk'] }) => d.crosswalk.map((c) => c.canonical.rank);
const ascending = (xs: number[]) => xs.every((x, i) => i === 0 || x >= (xs[i - 1] ?? 0));

describe.skipIf(!available)('the seed documents and public ladders', () => {
  it('002: Director, VP and CTO, the CTO highest', async () => {
    const d = await seed('002_');
    expect(d.levels.map((l) => l.titles[0])).toEqual(['Director of Engineering', 'VP of Engineering', 'CTO']);
    expect(d.levels[0]?.code).toBe('Manager 7');
    const r = ranks(d);
    expect(r[2]).toBeGreaterThan(Math.max(r[0] ?? 0, r[1] ?? 0));
  });

  it('003: E1 < E2 < E3 with their years and transition times', async () => {
    const d = await seed('003_');
    expect(d.levels.map((l) => l.code)).toEqual(['E1', 'E2', 'E3']);
    const [e1 = 0, e2 = 0, e3 = 0] = ranks(d);
    expect(e1 < e2 && e2 < e3).toBe(true);
    expect(d.claims.filter((c) => c.kind === 'experience').map((c) => c.years)).toEqual([
      { min: 12, max: 18, openEnded: true },
      { min: 15, max: 20, openEnded: true },
      { min: 18, max: 25, openEnded: true },
    ]);
    const timed = d.claims
      .filter((c) => c.kind === 'transition' && c.level === null)
      .map((c) => `${c.from}→${c.to} ${c.years?.min ?? '?'}-${c.years?.max ?? '?'}`);
    expect(timed).toEqual(['M3→E1 3-5', 'E1→E2 3-5', 'E2→E3 ?-?']);
  });

  it('004: one role, Chief of Technology, with its paths, skills, education and 12+ years', async () => {
    const d = await seed('004_');
    expect(d.levels.map((l) => l.label)).toEqual(['Chief of Technology']);
    const count = (kind: string, subtype?: string) =>
      d.claims.filter((c) => c.kind === kind && (!subtype || c.subtype === subtype)).length;
    expect([
      count('career_path', 'entry_from'),
      count('career_path', 'advancement_to'),
      count('career_path', 'lateral'),
    ]).toEqual([3, 3, 3]);
    expect([count('skill', 'hard'), count('skill', 'soft')]).toEqual([13, 10]);
    expect(count('education')).toBeGreaterThan(0);
    expect(d.claims.find((c) => c.kind === 'experience')?.years).toEqual({
      min: 12,
      max: null,
      openEnded: true,
    });
  });

  it('the jorgef ladder keeps its order: D1 … D7 and EM5 < EM6 < EM7', async () => {
    const dir = join(SHARED, 'data', 'ladders', 'jorgef_engineeringladders');
    const files = (await readdir(dir)).filter((f) => f.endsWith('.md'));
    const { sources: docs } = await readSources(
      await Promise.all(files.map(async (f) => ({ name: f, bytes: await readFile(join(dir, f)) }))),
      { ladder: 'jorgef' },
    );
    const of = (prefix: string) =>
      docs.flatMap((d) => d.crosswalk.filter((c) => c.label.startsWith(prefix)).map((c) => c.canonical.rank));
    const developer = of('D');
    expect(developer).toHaveLength(7);
    expect(ascending(developer)).toBe(true);
    expect(developer[0]).toBeLessThan(developer[6] ?? 0);
    const [em5 = 0, em6 = 0, em7 = 0] = of('EM');
    expect(em5 < em6 && em6 < em7).toBe(true);
  });
});
