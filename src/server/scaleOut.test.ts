import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadTaxonomy } from '../builtin/loadTaxonomy.js';
import { PROJECT_ROOT } from '../config/readConfig.js';
import { SERVING, startCanonProcess } from '../testing/canonProcess.js';
import { reportSkip } from '../testing/reportSkip.js';
import { postgresTarget } from '../testing/testStore.js';
import { createApiKey } from '../workflow/apiKeys.js';
import { syncBuiltinTaxonomy } from '../workflow/syncBuiltinTaxonomy.js';

/**
 * Two `canon serve` processes on one PostgreSQL database: an approval made
 * through one is served by the other once that server's revision check has run
 * (at most once a second; the delay seen is printed, not asserted).
 */
const pg = await postgresTarget();
if ('skip' in pg) reportSkip('scale-out', pg.skip);

const M3 = 'TECHNO.TECHNOLO6B55.M3';
const children: ChildProcess[] = [];
const drops: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const c of children) c.kill('SIGTERM');
  for (const d of drops) await d();
});

async function serve(databaseUrl: string): Promise<string> {
  const server = startCanonProcess(['serve', '--port', '0'], {
    env: { DATABASE_URL: databaseUrl, CANON_LOG_LEVEL: 'silent' },
  });
  children.push(server.child);
  return (await server.printed(SERVING))[1] ?? '';
}

describe.skipIf('skip' in pg)('several servers on one PostgreSQL', () => {
  it('serves an approval made through one server from the other, once its revision check has run', async () => {
    if ('skip' in pg) return;
    const opened = await pg.open();
    drops.push(opened.drop);
    if (opened.options.kind !== 'postgres' || !opened.options.schema) throw new Error('unreachable');
    await syncBuiltinTaxonomy(opened.store.db, await loadTaxonomy(join(PROJECT_ROOT, 'data')));
    const editor = (await createApiKey(opened.store.db, { id: 'test', role: 'admin' }, 'ed', 'editor')).key;
    const approver = (await createApiKey(opened.store.db, { id: 'test', role: 'admin' }, 'ap', 'approver'))
      .key;
    const url = new URL(pg.url);
    url.searchParams.set('options', `-c search_path=${opened.options.schema}`);
    const [a, b] = await Promise.all([serve(url.toString()), serve(url.toString())]);

    const version = async (base: string) =>
      (await (await fetch(`${base}/api/profiles/${M3}`)).json()).version;
    expect(await version(b as string)).toBe(1);
    const post = (path: string, key: string, body?: unknown) =>
      fetch(`${a}${path}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
        body: JSON.stringify(body ?? {}),
      });
    const duty = {
      text: 'Owns the scale-out test budget for 3-5 engineering teams and reports on it monthly.',
      sources: ['canon-profile-m3'],
    };
    expect(
      (await post(`/api/profiles/${M3}/draft`, editor, { add: { responsibilities: [duty] } })).status,
    ).toBe(200);
    expect((await post(`/api/profiles/${M3}/draft/submit`, editor)).status).toBe(200);
    expect((await post(`/api/profiles/${M3}/approve`, approver)).status).toBe(201);
    const approvedAt = Date.now();
    expect(await version(a as string)).toBe(2);

    // How soon is a matter of the machine's load (each server checks the store's revision at most once a
    // second): the test waits up to 30 s, a bound only a server that never catches up exceeds, and prints
    // what it saw instead of asserting a time.
    let seenAfter: number | null = null;
    while (Date.now() - approvedAt < 30_000) {
      if ((await version(b as string)) === 2) {
        seenAfter = Date.now() - approvedAt;
        break;
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(seenAfter, 'the second server still served version 1 after 30 s').not.toBeNull();
    console.info(`scale-out: the second server served the approval ${seenAfter} ms after it was made`);
  }, 60_000);
});
