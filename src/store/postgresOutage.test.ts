import { connect, createServer, type Server, type Socket } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadTaxonomy } from '../builtin/loadTaxonomy.js';
import { PROJECT_ROOT } from '../config/readConfig.js';
import { appForCanon } from '../runtime/appForCanon.js';
import { canonOn } from '../runtime/openCanon.js';
import { reportSkip } from '../testing/reportSkip.js';
import { postgresTarget } from '../testing/testStore.js';
import { createApiKey } from '../workflow/apiKeys.js';
import { syncBuiltinTaxonomy } from '../workflow/syncBuiltinTaxonomy.js';
import { openStore, type Store } from './openStore.js';

/**
 * PostgreSQL going away while Canon serves, simulated by a TCP proxy in front of
 * it that can be cut and restored: requests needing the store get a clear 503,
 * reads served from the snapshot go on, and Canon recovers by itself.
 */
const pg = await postgresTarget();
if ('skip' in pg) reportSkip('postgres outage', pg.skip);

class CuttableProxy {
  private readonly sockets = new Set<Socket>();
  private open = true;
  readonly server: Server;

  constructor(private readonly target: { host: string; port: number }) {
    this.server = createServer((client) => {
      if (!this.open) return void client.destroy();
      const upstream = connect(this.target.port, this.target.host);
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.on('close', () => this.sockets.delete(s));
        s.on('error', () => {});
      }
      client.pipe(upstream).pipe(client);
    });
  }

  listen(): Promise<number> {
    return new Promise((r) =>
      this.server.listen(0, '127.0.0.1', () => r((this.server.address() as { port: number }).port)),
    );
  }

  cut() {
    this.open = false;
    for (const s of this.sockets) s.destroy();
  }

  restore() {
    this.open = true;
  }
}

describe.skipIf('skip' in pg)('PostgreSQL stopped while serving', () => {
  let proxy: CuttableProxy;
  let store: Store;
  let drop: () => Promise<void> = async () => {};
  let key = '';
  beforeAll(async () => {
    if ('skip' in pg) return;
    const opened = await pg.open();
    drop = opened.drop;
    await syncBuiltinTaxonomy(opened.store.db, await loadTaxonomy(join(PROJECT_ROOT, 'data')));
    key = (await createApiKey(opened.store.db, { id: 'test', role: 'admin' }, 'ed', 'editor')).key;
    const url = new URL(pg.url);
    proxy = new CuttableProxy({ host: url.hostname, port: Number(url.port || 5432) });
    const port = await proxy.listen();
    url.host = `127.0.0.1:${port}`;
    if (opened.options.kind !== 'postgres') throw new Error('unreachable');
    store = await openStore({ ...opened.options, url: url.toString() });
  });
  afterAll(async () => {
    await store?.close().catch(() => {});
    proxy?.server.close();
    await drop();
  });

  it('answers 503 while it is away, keeps serving what it holds, and recovers by itself', async () => {
    const logged: unknown[] = [];
    const app = appForCanon(await canonOn(store), { log: (_m, e) => logged.push(e) });
    const write = () =>
      app.request('/api/profiles/TECHNO.TECHNOLO6B55.M3/draft', {
        method: 'POST',
        headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
        body: JSON.stringify({ note: 'outage test' }),
      });
    expect((await app.request('/readyz')).status).toBe(200);

    proxy.cut();
    const ready = await app.request('/readyz');
    expect(ready.status).toBe(503);
    expect((await ready.json()).error.code).toBe('store_unavailable');
    const refused = await write();
    expect(refused.status).toBe(503);
    expect(await refused.json()).toMatchObject({
      error: { code: 'store_unavailable', message: expect.stringMatching(/try again/) },
    });
    expect((await app.request('/profiles/TECHNO.TECHNOLO6B55.M3')).status).toBe(200);
    // Each failure is logged for the operator, with its cause.
    expect(logged.length).toBeGreaterThanOrEqual(2);

    proxy.restore();
    expect((await app.request('/readyz')).status).toBe(200);
    expect((await write()).status).toBe(200);
  }, 30_000);
});
