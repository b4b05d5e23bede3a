import { Catalog } from '../core/catalog.js';
import { createApp } from '../server/createApp.js';
import { readTaxonomy } from '../store/taxonomyRepository.js';
import { clonedStore } from './testStore.js';

/** The whole app on a cloned store, for in-process requests with app.request(). */
export async function testApp() {
  const store = await clonedStore();
  const catalog = new Catalog(await readTaxonomy(store.db));
  const logged: unknown[] = [];
  const app = createApp({ catalog: () => catalog, log: (_m, e) => logged.push(e) });
  return { app, catalog, store, logged };
}
