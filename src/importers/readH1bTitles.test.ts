import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readH1bTitles } from './readH1bTitles.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'canon-h1b-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function file(text: string): Promise<string> {
  const path = join(dir, `${Math.random().toString(36).slice(2)}.csv`);
  await writeFile(path, text);
  return path;
}

describe('readH1bTitles', () => {
  it('reads each row with a SOC 2018 code: title, employer and the codes, one of which is right', async () => {
    const path = await file(
      [
        'JOB_TITLE,SOC_CODE_2010,SOC_NAME_2010,SOC_CODE_2018_candidates,EMPLOYER_NAME,YEAR',
        'ETL DEVELOPER,15-1132,"SOFTWARE DEVELOPERS, APPLICATIONS",15-1252|15-1253,"LOGIC PLANET, INC.",2019',
        'OBSOLETE,99-9999,GONE,,ACME,2016',
      ].join('\n'),
    );
    expect(await readH1bTitles(path)).toEqual([
      { title: 'ETL DEVELOPER', employer: 'LOGIC PLANET, INC.', socCodes: ['15-1252', '15-1253'] },
    ]);
  });

  it('names the columns a file lacks', async () => {
    const path = await file('TITLE,EMPLOYER_NAME\nX,Y\n');
    await expect(readH1bTitles(path)).rejects.toThrow(
      /expected the column\(s\) "JOB_TITLE", "SOC_CODE_2018_candidates"/,
    );
  });
});
