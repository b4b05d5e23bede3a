import { Catalog } from '../core/catalog.js';
import { PayBook } from '../core/payBands.js';
import type { CatalogInputs } from './publishedCatalog.js';

/** The catalog and pay book a snapshot's inputs make, whether read from the store or from a published file. */
export function catalogFrom(inputs: CatalogInputs): { catalog: Catalog; payBook: PayBook } {
  const catalog = new Catalog(inputs.taxonomy);
  return { catalog, payBook: new PayBook(catalog, inputs.occupationPay, inputs.profilePay) };
}
