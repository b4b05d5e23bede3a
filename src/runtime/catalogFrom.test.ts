import { describe, expect, it } from 'vitest';
import { buildTaxonomy } from '../testing/buildTaxonomy.js';
import { catalogFrom } from './catalogFrom.js';
import type { CatalogInputs } from './publishedCatalog.js';

const inputs = (): CatalogInputs => ({
  revision: '3',
  occupationRelease: null,
  taxonomy: buildTaxonomy([{ code: 'TECHNO', focuses: [{ key: 'software', levels: { P2: {}, P3: {} } }] }]),
  occupationPay: [],
  profilePay: [],
});

describe('catalogFrom', () => {
  it('builds a catalog once per inputs, and anew for other inputs that look the same', () => {
    const first = inputs();
    const built = catalogFrom(first);
    expect(built.catalog.listProfiles().total).toBe(2);
    expect(catalogFrom(first)).toBe(built);
    const other = catalogFrom(inputs());
    expect(other).not.toBe(built);
    expect(other.catalog.listProfiles().total).toBe(2);
  });
});
