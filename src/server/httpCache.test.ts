import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { ResponseCache } from './httpCache.js';

/** An app whose one page renders through the cache, counting renders; the snapshot is swapped at will. */
function app(render: (n: number) => string | Promise<string>) {
  const cache = new ResponseCache();
  const state = { snapshot: {} as object, renders: 0 };
  const web = new Hono();
  web.get('/page', (c) => cache.respond(c, state.snapshot, 'text/plain', () => render(++state.renders)));
  return { state, get: (headers: Record<string, string> = {}) => web.request('/page', { headers }) };
}

describe('ResponseCache', () => {
  it('renders once per snapshot, answers a matching ETag with 304, and renders afresh for a new snapshot', async () => {
    const { state, get } = app((n) => `render ${n}`);
    const first = await get();
    expect(await first.text()).toBe('render 1');
    expect(await (await get()).text()).toBe('render 1');
    const etag = first.headers.get('etag') ?? '';
    expect((await get({ 'if-none-match': etag })).status).toBe(304);
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
});
