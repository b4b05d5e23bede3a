import { appForCanon } from '../runtime/appForCanon.js';
import { canonOn } from '../runtime/openCanon.js';
import type { RateLimits } from '../server/rateLimit.js';
import { clonedStore } from './testStore.js';

/** The whole app on a cloned store, for in-process requests with app.request(). */
export async function testApp(options: { publicReads?: boolean; rateLimits?: Partial<RateLimits> } = {}) {
  const store = await clonedStore();
  const canon = await canonOn(store);
  const logged: unknown[] = [];
  const app = appForCanon(canon, { ...options, log: (_m, e) => logged.push(e) });
  return { app, catalog: canon.catalog, canon, store, logged };
}
