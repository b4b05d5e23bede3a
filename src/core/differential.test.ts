import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadTaxonomy } from '../builtin/loadTaxonomy.js';
import { PROJECT_ROOT } from '../config/readConfig.js';
import { Catalog } from './catalog.js';
import { differential, differentialSentence } from './differential.js';
import { PayBook } from './payBands.js';

let catalog: Catalog;
beforeAll(async () => {
  catalog = new Catalog(await loadTaxonomy(join(PROJECT_ROOT, 'data')));
});

describe('differential', () => {
  it('keeps the seed sentence for M3 when no pay baseline exists, computing the skill side', () => {
    const d = differential(catalog, new PayBook(catalog, []), 'TECHNO.TECHNOLO6B55.M3');
    expect(d.pay).toBeNull();
    expect(d.skill).toMatchObject({ material: true, ownShare: 1 });
    expect(differentialSentence(d)).toBe('Material PAY and SKILL differential vs the function baseline.');
  });

  it('compares pay with the median of the focuses at the same level once pay is known', () => {
    const book = new PayBook(catalog, [
      {
        dataset: 't',
        socCode: '11-3021',
        region: 'US',
        currency: 'USD',
        percentiles: { p10: 100_000, p25: 130_000, median: 170_000, p75: 215_000, p90: 239_000 },
        topCoded: [],
        employment: null,
        asOf: null,
        source: 'test',
      },
    ]);
    const d = differential(catalog, book, 'TECHNO.TECHNOLO6B55.M3');
    expect(d.pay).toMatchObject({ focuses: 2, median: 120_000 });
    expect(d.pay?.gap).toBeLessThan(0);
    expect(d.pay?.material).toBe(Math.abs(d.pay?.gap ?? 0) >= 0.1);
  });

  it('says "no material differential" when neither side is material', () => {
    expect(
      differentialSentence({
        pay: { material: false, gap: 0.02, median: 1, baseline: 1, focuses: 2 },
        skill: { material: false, ownShare: 0.2, common: [] },
        stated: { pay: true, skill: true, sources: [] },
      }),
    ).toBe('No material pay or skill differential vs the function baseline.');
  });
});
