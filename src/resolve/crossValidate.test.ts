import { beforeAll, describe, expect, it } from 'vitest';
import { Catalog } from '../core/catalog.js';
import { LANDING_OCCUPATIONS, landingTaxonomy } from '../testing/landingFixture.js';
import { fixtureCounts, labelled } from '../testing/titleModelFixture.js';
import { crossValidate, FOLDS, foldOf } from './crossValidate.js';
import { OccupationIndex } from './occupationIndex.js';
import { labelledTitles, TitleModel } from './titleModel.js';
import { TitleResolver } from './titleResolver.js';

let catalog: Catalog;
beforeAll(async () => {
  catalog = new Catalog(await landingTaxonomy());
});

const rows = [
  labelled('Zorbix Wrangler', 'Acme', '13-1111'),
  labelled('ZORBIX  wrangler', 'Acme', '13-1111'),
  labelled('Software Engineer', 'Acme', '15-1252'),
  labelled('Electrician', 'Sparks LLC', '47-2111'),
  labelled('Solutions Architect', 'Acme', '15-1299'),
];

describe('crossValidate', () => {
  it('folds a title by its words, whatever their case and spacing', () => {
    expect(foldOf('Zorbix Wrangler')).toBe(foldOf(' ZORBIX   wrangler '));
    for (const r of rows) expect(foldOf(r.title)).toBeGreaterThanOrEqual(0);
    for (const r of rows) expect(foldOf(r.title)).toBeLessThan(FOLDS);
  });

  it("answers every row, in order, with a model that never learned the row's title", () => {
    const index = new OccupationIndex(LANDING_OCCUPATIONS);
    const answers = crossValidate(index, catalog, fixtureCounts(), rows);
    expect(answers.map((a) => a.fold)).toEqual(rows.map((r) => foldOf(r.title)));
    expect(answers[2]?.codes[0]).toBe('15-1252');
    // A model that learned the made-up title codes it; the held-out answer cannot.
    const learned = new TitleResolver(
      index,
      catalog,
      new TitleModel({ counts: fixtureCounts(), labelled: labelledTitles(rows), calibration: null }),
    ).resolve({ title: 'Zorbix Wrangler', employer: 'Acme' }).candidates[0];
    expect(learned?.soc?.code).toBe('13-1111');
    expect(answers[0]?.codes).not.toContain('13-1111');
  });
});
