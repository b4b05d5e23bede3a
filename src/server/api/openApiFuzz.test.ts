import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OBJECT_MEMBER_WORDS } from '../../testing/objectMemberWords.js';
import { testApp } from '../../testing/testApp.js';
import { createApiKey } from '../../workflow/apiKeys.js';

/**
 * Requests generated from the OpenAPI document: every documented path and
 * method, with path and query parameters drawn from their schemas or from
 * garbage, random JSON bodies, and no key, a bad key or a real one. Canon must
 * never answer 5xx, and every 4xx must carry the JSON error body.
 */
interface Parameter {
  name: string;
  in: 'path' | 'query';
  schema?: { type?: string; enum?: unknown[] };
}
interface Operation {
  parameters?: Parameter[];
  requestBody?: unknown;
}

let ctx: Awaited<ReturnType<typeof testApp>>;
let keys: string[] = [];
let operations: { method: string; path: string; op: Operation }[] = [];
beforeAll(async () => {
  ctx = await testApp({ rateLimits: { writes: 0, resolve: 0 } });
  keys = [
    (await createApiKey(ctx.store.db, { id: 'fuzz', role: 'admin' }, 'fuzz-admin', 'admin')).key,
    (await createApiKey(ctx.store.db, { id: 'fuzz', role: 'admin' }, 'fuzz-viewer', 'viewer')).key,
  ];
  const doc = (await (await ctx.app.request('/api/openapi.json')).json()) as {
    paths: Record<string, Record<string, Operation>>;
  };
  operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({ method: method.toUpperCase(), path, op })),
  );
});
afterAll(() => ctx.store.close());

const CODES = [
  'TECHNO.TECHNOLO6B55.M3',
  'TECHNO.ENGINEER9222.M1',
  'TECHNO',
  'TECHNOLO6B55',
  'M3',
  'P1',
  'canon-profile-m3',
];
const garbage = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.constantFrom(
    '',
    ' ',
    '-1',
    '0',
    '1e309',
    'NaN',
    '%00',
    '../../etc/passwd',
    "'; DROP TABLE profiles;--",
    '<script>',
    'x'.repeat(5000),
    ...OBJECT_MEMBER_WORDS,
    'E3: Constructor Associate',
  ),
);

/**
 * A JSON body whose strings carry bytes no UTF-8 decoder may accept (a lone
 * continuation, a truncated sequence, an overlong form, a surrogate, past
 * U+10FFFF), in the fields the routes read, so it gets past their schemas.
 */
const MARK = '\u0001';
const invalidUtf8Body = fc
  .tuple(
    fc.string({ maxLength: 10 }),
    fc.constantFrom([0xff], [0xc3], [0xe2, 0x82], [0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80]),
  )
  .map(([text, bad]) => {
    const json = JSON.stringify({
      titles: [`Engineer ${text}${MARK}`],
      name: `${text}${MARK}.md`,
      text: `# Ladder\n\n## E1: Director ${MARK}\n\n- Runs ${text} teams\n`,
    });
    const parts = json.split(JSON.stringify(MARK).slice(1, -1)).map((part) => new TextEncoder().encode(part));
    return new Uint8Array(parts.flatMap((part, i) => [...(i ? bad : []), ...part]));
  });

function valueFor(p: Parameter): fc.Arbitrary<string> {
  const typed =
    p.schema?.enum && p.schema.enum.length > 0
      ? fc.constantFrom(...p.schema.enum.map(String))
      : p.schema?.type === 'integer' || p.schema?.type === 'number'
        ? fc.integer({ min: -5, max: 2_000 }).map(String)
        : fc.constantFrom(...CODES);
  return fc.oneof({ weight: 3, arbitrary: typed }, { weight: 1, arbitrary: garbage });
}

describe('bodies no client should send', () => {
  it('refuses an oversized body with 413 and deeply nested JSON with 400, never 500', async () => {
    const post = (body: string) =>
      ctx.app.request('/api/resolve', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      });
    const huge = await post(JSON.stringify({ titles: ['x'.repeat(2 * 1024 * 1024)] }));
    expect(huge.status).toBe(413);
    expect((await huge.json()).error.code).toBe('too_large');
    const deep = await post(`{"titles":${'['.repeat(100_000)}${']'.repeat(100_000)}}`);
    expect(deep.status).toBe(400);
    expect((await deep.json()).error.code).toBe('invalid_input');
    const badUtf8 = await ctx.app.request('/api/resolve', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: new Uint8Array([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]),
    });
    expect(badUtf8.status).toBe(400);
  });

  it('refuses invalid UTF-8 inside JSON strings with 400, instead of reading it as U+FFFD', async () => {
    await fc.assert(
      fc.asyncProperty(invalidUtf8Body, async (body) => {
        const res = await ctx.app.request('/api/resolve', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body,
        });
        expect(res.status).toBe(400);
        expect((await res.json()).error.message).toMatch(/not valid UTF-8/);
      }),
      { numRuns: 50 },
    );
  });

  it('answers 400, not 500, for a NUL character the store cannot hold (found by the fuzzing below)', async () => {
    const res = await ctx.app.request('/api/sources/%00/evidence');
    expect(res.status).toBe(400);
    expect((await res.json()).error.code).toBe('invalid_input');
    const audit = await ctx.app.request('/api/audit?target=a%00b', {
      headers: { authorization: `Bearer ${keys[0]}` },
    });
    expect(audit.status).toBe(400);
  });
});

describe('API fuzzing from the OpenAPI document', () => {
  it('answers 10,000 generated requests without a 5xx, every 4xx with a JSON error body', async () => {
    expect(operations.length).toBeGreaterThan(20);
    const request = fc
      .nat()
      .map((i) => operations[i % operations.length] as (typeof operations)[number])
      .chain((o) =>
        fc.record({
          o: fc.constant(o),
          params: fc.tuple(...(o.op.parameters ?? []).map((p) => fc.option(valueFor(p), { nil: undefined }))),
          body: fc.oneof(
            fc.jsonValue({ maxDepth: 4 }),
            fc.constant(undefined),
            fc.string({ maxLength: 50 }),
            invalidUtf8Body,
          ),
          auth: fc.constantFrom<'none' | 'bad' | 0 | 1>('none', 'bad', 0, 1),
        }),
      );
    await fc.assert(
      fc.asyncProperty(request, async ({ o, params, body, auth }) => {
        let path = o.path;
        const query = new URLSearchParams();
        (o.op.parameters ?? []).forEach((p, i) => {
          const value = params[i];
          if (p.in === 'path')
            path = path.replace(`{${p.name}}`, encodeURIComponent(value ?? 'TECHNO.TECHNOLO6B55.M3'));
          else if (value !== undefined) query.set(p.name, value);
        });
        const headers: Record<string, string> = {};
        if (auth === 'bad')
          headers.authorization = 'Bearer canon_00000000_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';
        else if (auth !== 'none') headers.authorization = `Bearer ${keys[auth]}`;
        const init: RequestInit = { method: o.method, headers };
        if (o.method !== 'GET' && body !== undefined) {
          headers['content-type'] = 'application/json';
          init.body = typeof body === 'string' || body instanceof Uint8Array ? body : JSON.stringify(body);
        }
        const qs = query.toString();
        const res = await ctx.app.request(`/api${path}${qs ? `?${qs}` : ''}`, init);
        expect(res.status, `${o.method} ${path}?${qs}`).toBeLessThan(500);
        if (res.status >= 400) {
          const json = (await res.json()) as { error?: { code?: string; message?: string } };
          expect(typeof json.error?.code, `${o.method} ${path}`).toBe('string');
          expect(typeof json.error?.message).toBe('string');
        } else await res.arrayBuffer();
      }),
      { numRuns: 10_000 },
    );
    expect(ctx.logged).toEqual([]);
  }, 300_000);
});
