import { existsSync } from 'node:fs';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadTaxonomy } from '../builtin/loadTaxonomy.js';
import type { TaxonomyRelease } from '../builtin/releaseFile.js';
import { PROJECT_ROOT } from '../config/readConfig.js';
import { getLevel } from '../core/levels.js';
import { diffReleases } from '../core/releaseDiff.js';
import { reportSkip } from '../testing/reportSkip.js';
import { buildTaxonomy, claimedSocCodes } from './buildTaxonomy.js';
import { NO_SOURCE_PREFIX } from './levelContent.js';
import { readOverlay } from './overlay.js';
import { REFERENCE_FILES, readReferenceData } from './readReferenceData.js';
import type { ReferenceData } from './referenceData.js';

/** The reference data in ../shared/data (not committed here; CI has it beside the project). */
const DATA = join(PROJECT_ROOT, '..', 'shared', 'data');
const available = existsSync(join(DATA, 'onet_29_3')) && existsSync(join(DATA, 'esco_1_2_0'));
if (!available) reportSkip('build', `${DATA} (O*NET, SOC, ESCO, OEWS) not found beside the project`);

describe.skipIf(!available)('building the taxonomy from ../shared/data', () => {
  let ref: ReferenceData;
  let release: TaxonomyRelease;
  let build: () => Promise<TaxonomyRelease>;
  beforeAll(async () => {
    ref = await readReferenceData(DATA);
    const dataDir = join(PROJECT_ROOT, 'data');
    const [curated, overlay] = await Promise.all([
      loadTaxonomy(dataDir),
      readOverlay(join(dataDir, 'overlay.yaml')),
    ]);
    build = async () => buildTaxonomy(ref, curated, overlay);
    release = await build();
  }, 120_000);

  it('puts every SOC 2018 detailed occupation in exactly one focus, curated or generated', async () => {
    const curated = await loadTaxonomy(join(PROJECT_ROOT, 'data'));
    const claimed = claimedSocCodes(curated);
    expect([...claimed].sort()).toEqual(['11-3021', '13-1111']);
    const generated = release.taxonomy.focuses.flatMap((f) =>
      f.mappings.filter((m) => m.system === 'onet-soc' && /^\d{2}-\d{4}$/.test(m.code)).map((m) => m.code),
    );
    expect(new Set(generated).size).toBe(generated.length);
    const covered = new Set([...generated, ...[...claimed].filter((c) => ref.soc.has(c))]);
    expect(ref.soc.size).toBe(867);
    expect([...ref.soc.keys()].filter((c) => !covered.has(c))).toEqual([]);
    expect(generated.some((c) => claimed.has(c))).toBe(false);
  });

  it('has at least 20 functions, and profiles on all four tracks', () => {
    expect(release.taxonomy.functions.length).toBeGreaterThanOrEqual(20);
    const tracks = new Set(release.taxonomy.profiles.map((p) => getLevel(p.levelCode).track));
    expect([...tracks].sort()).toEqual(['E', 'M', 'P', 'S']);
  });

  it('is deterministic: the same inputs give byte-identical output', async () => {
    const again = await build();
    expect(gzipSync(JSON.stringify(again)).equals(gzipSync(JSON.stringify(release)))).toBe(true);
    const diff = diffReleases(release.taxonomy, again.taxonomy);
    expect([diff.added, diff.removed, diff.renamed, diff.moved]).toEqual([[], [], [], []]);
  }, 120_000);

  it('gives every generated profile every section, each statement citing a row', () => {
    const t = release.taxonomy;
    for (const focus of t.focuses) {
      expect(focus.description, focus.key).not.toBe('');
      expect(
        focus.mappings.some((m) => m.system === 'onet-soc'),
        focus.key,
      ).toBe(true);
      for (const code of focus.levelCodes) {
        const level = focus.levels[code];
        expect(level, `${focus.key} ${code}`).toBeDefined();
        for (const r of level?.responsibilities ?? []) {
          if (!r.text.startsWith(NO_SOURCE_PREFIX))
            expect(r.rows?.[0]?.file, r.text).toBe('Task Statements.txt');
        }
        expect(level?.rubric.rows?.length ?? 0, `${focus.key} ${code} rubric`).toBeGreaterThan(0);
      }
    }
    for (const p of t.profiles) for (const a of p.aliases) expect(a.rows?.length, a.text).toBe(1);
  });

  it('never repeats a task across the levels of a focus', () => {
    for (const focus of release.taxonomy.focuses) {
      const seen = new Map<string, string>();
      for (const code of focus.levelCodes) {
        for (const r of focus.levels[code]?.responsibilities ?? []) {
          const key = r.rows?.[0]?.key;
          if (!key) continue;
          expect(seen.get(key), `${focus.key}: task ${key} at ${seen.get(key)} and ${code}`).toBeUndefined();
          seen.set(key, code);
        }
      }
    }
  });

  it('makes nursing one ladder from the overlay, and places each occupation at its entry level', () => {
    const nursing = release.taxonomy.focuses.find((f) => f.key === 'registered-nurses');
    expect(nursing?.name).toBe('Nursing');
    const codes = nursing?.mappings.filter((m) => /^\d{2}-\d{4}$/.test(m.code)).map((m) => m.code);
    expect(codes).toEqual(['29-1141', '29-1171', '29-2061', '31-1131']);
    expect(nursing?.levelCodes).toEqual(expect.arrayContaining(['S2', 'S3', 'P1', 'P3']));
  });

  it('refuses a folder with missing files, naming every one, and builds nothing', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'canon-build-'));
    try {
      await cp(join(DATA, 'soc_2018'), join(dir, 'soc_2018'), { recursive: true });
      const error = await readReferenceData(dir).catch((e: Error) => e);
      expect(error).toBeInstanceOf(Error);
      expect((error as Error).message).toContain(REFERENCE_FILES.tasks);
      expect((error as Error).message).toContain(REFERENCE_FILES.wages);
      expect((error as Error).message).not.toContain(REFERENCE_FILES.soc);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('refuses a malformed file with its name and line', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'canon-build-'));
    try {
      await cp(DATA, dir, {
        recursive: true,
        filter: (src) => !src.includes('ladders') && !src.includes('h1b'),
      });
      const zones = join(dir, REFERENCE_FILES.jobZones);
      const lines = (await readFile(zones, 'utf8')).split('\n');
      lines[3] = lines[3]?.replace(/^\S+/, 'nurse') ?? '';
      await writeFile(zones, lines.join('\n'));
      await expect(readReferenceData(dir)).rejects.toThrow(
        /onet_29_3\/Job Zones\.txt:4: expected an O\*NET-SOC code like 29-1141\.00; got "nurse"/,
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
