import { existsSync } from 'node:fs';
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readRelease, type TaxonomyRelease, writeRelease } from '../../builtin/releaseFile.js';
import { PROJECT_ROOT } from '../../config/readConfig.js';
import { runCli } from '../../testing/runCli.js';
import { EXIT_CODES } from '../exitCodes.js';

const canon = runCli;

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'canon-build-cli-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A release of one function and one focus; `name` and `functionCode` vary between the two compared. */
function release(name: string, functionCode: string, levelCodes: string[]): TaxonomyRelease {
  return {
    version: `1+test-${name}`,
    builtFrom: [],
    wages: [],
    taxonomy: {
      sources: [],
      functions: [],
      focuses: [
        {
          code: 'COOKSXXX8B93',
          key: 'cooks',
          functionCode,
          name,
          description: '',
          distinctFrom: [],
          differential: { pay: false, skill: false, sources: [] },
          levelCodes,
          levels: {},
          skills: [],
          mappings: [
            {
              system: 'onet-soc',
              code: '35-2014',
              title: null,
              origin: 'canon.build',
              confidence: 1,
              sources: [],
            },
          ],
          transitions: [],
          titleCues: [],
          sources: [],
        },
      ],
      profiles: [],
    },
  };
}

describe('canon build and canon release-diff', () => {
  it('refuses a reference folder with files missing, naming them, and writes nothing', async () => {
    const out = join(dir, 'never.json.gz');
    const { code, err } = await canon('build', '--from', join(dir, 'empty'), '--out', out);
    expect(code).toBe(EXIT_CODES.invalid_data);
    expect(err).toContain('onet_29_3/Task Statements.txt');
    expect(err).toContain('bls_oews_national/national_M2024_dl.csv');
    expect(existsSync(out)).toBe(false);
  });

  it('refuses a malformed overlay with file:line before reading any reference data', async () => {
    const taxonomyDir = join(dir, 'taxonomy');
    await cp(join(PROJECT_ROOT, 'data'), taxonomyDir, { recursive: true });
    await writeFile(
      join(taxonomyDir, 'overlay.yaml'),
      'move:\n  - { occupation: nurse, to: registered-nurses }\n',
    );
    const { code, err } = await canon('build', '--from', join(dir, 'empty'), '--taxonomy-dir', taxonomyDir);
    expect(code).toBe(EXIT_CODES.invalid_data);
    expect(err).toMatch(/overlay\.yaml:2 move\.0\.occupation: a SOC 2018 detailed code like 29-1141/);
  });

  it('shows what a release renames, moves and re-levels against another', async () => {
    const before = join(dir, 'before.json.gz');
    const after = join(dir, 'after.json.gz');
    await writeRelease(before, release('Cooks', 'HOSPIT', ['S1', 'S2']));
    await writeRelease(after, release('Kitchen Staff', 'RETAIL', ['S1', 'S2', 'S3']));
    const { code, out } = await canon('release-diff', before, after);
    expect(code).toBe(0);
    expect(out).toContain('1+test-Cooks → 1+test-Kitchen Staff');
    expect(out).toContain('Focuses renamed: 1\n  COOKSXXX8B93 "Cooks" → "Kitchen Staff"');
    expect(out).toContain(
      'Focuses moved to another function: 1\n  COOKSXXX8B93 Kitchen Staff: HOSPIT → RETAIL',
    );
    expect(out).toContain('COOKSXXX8B93 Kitchen Staff: S1,S2 → S1,S2,S3');
    expect(out).toContain('Focuses added: 0');
    const json = JSON.parse((await canon('release-diff', before, after, '--json')).out);
    expect(json.renamed).toHaveLength(1);
  });

  it('says which file is not a release', async () => {
    const bad = join(dir, 'bad.json.gz');
    await writeFile(bad, 'not gzip');
    const { code, err } = await canon('release-diff', bad, bad);
    expect(code).toBe(EXIT_CODES.invalid_data);
    expect(err).toContain('is not a taxonomy release');
    expect(await readRelease(join(dir, 'absent.json.gz'))).toBeNull();
  });
});
