import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../testing/testApp.js';
import { createApiKey } from '../workflow/apiKeys.js';

const M3 = 'TECHNO.TECHNOLO6B55.M3';

describe('JSON bodies that are not UTF-8', () => {
  let ctx: Awaited<ReturnType<typeof testApp>>;
  let editor: string;
  beforeAll(async () => {
    ctx = await testApp();
    editor = (await createApiKey(ctx.store.db, { id: 'test', role: 'admin' }, 'ed', 'editor')).key;
  });
  afterAll(() => ctx.store.close());

  const propose = (body: Uint8Array<ArrayBuffer>) =>
    ctx.app.request(`/api/profiles/${M3}/draft`, {
      method: 'POST',
      headers: { authorization: `Bearer ${editor}`, 'content-type': 'application/json; charset=utf-8' },
      body,
    });
  const bytes = (...parts: (string | number[])[]) =>
    new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...new TextEncoder().encode(p)] : p)));

  it('refuses a string holding bytes that are not UTF-8 with 400, and stores nothing', async () => {
    // 0xFF 0xFE can never appear in UTF-8; 0xC3 0x28 is a lead byte followed by a non-continuation byte.
    for (const bad of [
      [0xff, 0xfe],
      [0xc3, 0x28],
      [0xed, 0xa0, 0x80],
    ]) {
      const res = await propose(
        bytes('{"add":{"aliases":[{"text":"Bad ', bad, ' Alias","sources":["canon-profile-m3"]}]}}'),
      );
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({
        error: { code: 'invalid_input', message: expect.stringMatching(/not valid UTF-8/) },
      });
    }
    expect((await ctx.app.request(`/api/profiles/${M3}/draft`)).status).toBe(404);
  });

  it('takes the same body written in UTF-8', async () => {
    const res = await propose(
      bytes('{"add":{"aliases":[{"text":"Bäd – Alias","sources":["canon-profile-m3"]}]}}'),
    );
    expect(res.status).toBe(200);
    expect(JSON.stringify(await res.json())).toContain('Bäd – Alias');
  });
});
