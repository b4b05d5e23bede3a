import { appForCanon } from '../runtime/appForCanon.js';
import { canonOn } from '../runtime/openCanon.js';
import type { RateLimits } from '../server/rateLimit.js';
import type { Store } from '../store/openStore.js';
import { clonedStore } from './testStore.js';

/** The whole app on a store (a cloned one unless given), for in-process requests with app.request(). */
export async function testApp(
  options: { publicReads?: boolean; rateLimits?: Partial<RateLimits>; store?: Store } = {},
) {
  const { store = await clonedStore(), ...appOptions } = options;
  const canon = await canonOn(store);
  const logged: unknown[] = [];
  const app = appForCanon(canon, { ...appOptions, log: (_m, e) => logged.push(e) });
  return { app, catalog: canon.catalog, canon, store, logged };
}
