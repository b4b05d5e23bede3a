import { appForCanon } from '../runtime/appForCanon.js';
import { canonOn } from '../runtime/openCanon.js';
import { clonedStore } from './testStore.js';

/** The whole app on a cloned store, for in-process requests with app.request(). */
export async function testApp(
  options: { publicReads?: boolean; rateLimits?: { writes: number; resolve: number } } = {},
) {
  const store = await clonedStore();
  const canon = await canonOn(store);
  const logged: unknown[] = [];
  const app = appForCanon(canon, { ...options, log: (_m, e) => logged.push(e) });
  return { app, catalog: canon.catalog, canon, store, logged };
}
