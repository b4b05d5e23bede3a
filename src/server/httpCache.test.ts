import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { ResponseCache } from './httpCache.js';

/**
 * An app whose one page renders through the cache, counting renders; the page reads `?q=` and
 * nothing else. The snapshot is swapped at will.
 */
function app(render: (n: number, q: string) => string | Promise<string>, maxBytes?: number) {
  const cache = new ResponseCache(maxBytes === undefined ? {} : { maxBytes });
  const state = { snapshot: {} as object, renders: 0 };
  const web = new Hono();
  web.get('/page', (c) => {
    const q = c.req.query('q') ?? '';
    return cache.respond(c, state.snapshot, 'text/plain', { q }, () => render(++state.renders, q));
  });
  const get = (query = '', headers: Record<string, string> = {}) => web.request(`/page${query}`, { headers });
  return { cache, state, get };
}

describe('ResponseCache', () => {
  it('renders once per snapshot, answers a matching ETag with 304, and renders afresh for a new snapshot', async () => {
    const { state, get } = app((n) => `render ${n}`);
    const first = await get();
    expect(await first.text()).toBe('render 1');
    expect(await (await get()).text()).toBe('render 1');
    const etag = first.headers.get('etag') ?? '';
    expect((await get('', { 'if-none-match': etag })).status).toBe(304);
    state.snapshot = {};
    expect(await (await get()).text()).toBe('render 2');
    expect(state.renders).toBe(2);
  });

  it('runs an async render on a miss only', async () => {
    const { state, get } = app(async (n) => `read ${n}`);
    expect(await (await get()).text()).toBe('read 1');
    expect(await (await get()).text()).toBe('read 1');
    expect(state.renders).toBe(1);
  });

  it('keeps what an async render made for the snapshot it started in, not for one that replaced it', async () => {
    let finish: (text: string) => void = () => {};
    const { state, get } = app((n) => (n === 1 ? new Promise<string>((r) => (finish = r)) : `fresh ${n}`));
    const slow = get();
    await new Promise((r) => setTimeout(r, 0));
    state.snapshot = {};
    expect(await (await get()).text()).toBe('fresh 2');
    finish('stale');
    expect(await (await slow).text()).toBe('stale');
    expect(await (await get()).text()).toBe('fresh 2');
  });

  it('keys on the query values the page reads: other parameters and their order make no new entry', async () => {
    const { cache, state, get } = app((n, q) => `${q} ${n}`);
    expect(await (await get('?q=a')).text()).toBe('a 1');
    for (let i = 0; i < 50; i++) expect(await (await get(`?junk=${i}&q=a&more=${i}`)).text()).toBe('a 1');
    expect(await (await get('?q=b')).text()).toBe('b 2');
    expect(cache.size).toBe(2);
    expect(state.renders).toBe(2);
  });

  it('holds at most its byte budget, dropping the least recently used entry first', async () => {
    const page = 'x'.repeat(700);
    const { cache, state, get } = app((n) => `${page} ${n}`, 8 * 1024);
    await get('?q=0');
    await get('?q=1');
    const perEntry = cache.bytes / 2;
    const fits = Math.floor(cache.maxBytes / perEntry);
    for (let i = 2; i < fits; i++) await get(`?q=${i}`);
    expect(cache.size).toBe(fits);
    await get('?q=0'); // now the most recently used; 1 is the least
    expect(state.renders).toBe(fits);
    await get(`?q=${fits}`);
    expect(cache.size).toBe(fits);
    expect(cache.bytes).toBeLessThanOrEqual(cache.maxBytes);
    expect(await (await get('?q=0')).text()).toBe(`${page} 1`);
    expect(state.renders).toBe(fits + 1);
    expect(await (await get('?q=1')).text()).toBe(`${page} ${fits + 2}`);
  });

  it('serves an entry too large for its share of the budget without keeping it', async () => {
    const { cache, state, get } = app((n) => `${'x'.repeat(2000)} ${n}`, 8 * 1024);
    const first = await get('?q=big');
    expect(first.status).toBe(200);
    expect(await first.text()).toMatch(/ 1$/);
    expect(await (await get('?q=big')).text()).toMatch(/ 2$/);
    expect(cache.size).toBe(0);
    expect(cache.bytes).toBe(0);
    expect(state.renders).toBe(2);
  });
});
