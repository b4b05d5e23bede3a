import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OBJECT_MEMBER_WORDS } from '../../testing/objectMemberWords.js';
import { testApp } from '../../testing/testApp.js';
import { ResponseCache } from '../httpCache.js';
import { createApi } from './createApi.js';

let ctx: Awaited<ReturnType<typeof testApp>>;
beforeAll(async () => {
  ctx = await testApp();
});
afterAll(() => ctx.store.close());

const get = (path: string, headers: Record<string, string> = {}) => ctx.app.request(path, { headers });
const json = async (path: string) => {
  const res = await get(path);
  return { status: res.status, body: (await res.json()) as any, res };
};

describe('API reads', () => {
  it('lists profiles with pagination', async () => {
    const { status, body } = await json('/api/profiles?limit=5&offset=2');
    expect(status).toBe(200);
    expect(body).toMatchObject({ limit: 5, offset: 2, total: ctx.catalog.taxonomy.profiles.length });
    expect(body.items).toHaveLength(5);
    const all = (await json('/api/profiles?limit=500')).body.items.map((p: any) => p.code);
    expect(body.items.map((p: any) => p.code)).toEqual(all.slice(2, 7));
  });

  it.each([
    ['function=TECHNO', (p: any) => p.functionCode === 'TECHNO'],
    ['focus=TECHNOLO6B55', (p: any) => p.focusCode === 'TECHNOLO6B55'],
    ['track=P', (p: any) => p.track === 'P'],
    ['level=M3', (p: any) => p.levelCode === 'M3'],
    ['status=approved', (p: any) => p.status === 'approved'],
  ])('filters profiles by %s', async (query, holds) => {
    const { body } = await json(`/api/profiles?${query}&limit=500`);
    expect(body.items.length).toBeGreaterThan(0);
    expect(body.items.every(holds)).toBe(true);
    expect(body.total).toBe(body.items.length);
  });

  it('finds profiles by words in their titles, best first', async () => {
    const { body } = await json('/api/profiles?q=senior%20manager');
    const best = body.items.slice(0, 2);
    expect(best.map((p: any) => p.code)).toContain('TECHNO.TECHNOLO6B55.M3');
    expect(best.every((p: any) => p.levelCode === 'M3')).toBe(true);
    expect(body.items.slice(2).every((p: any) => p.levelCode !== 'M3')).toBe(true);
  });

  it('returns one profile with everything the M3 page shows', async () => {
    const { status, body } = await json('/api/profiles/TECHNO.TECHNOLO6B55.M3');
    expect(status).toBe(200);
    expect(body).toMatchObject({
      code: 'TECHNO.TECHNOLO6B55.M3',
      title: 'Technology Executive Leadership — M3',
      functionName: 'Technology Leadership & Consulting',
      status: 'approved',
      version: 1,
      region: 'global',
      confidence: { band: 'high' },
      level: { code: 'M3', title: 'Senior Manager', experience: { min: 8, max: 12 } },
      differential: { pay: true, skill: true },
      review: { passed: true, minimum: 4.5 },
    });
    expect(body.adjacent[0]).toMatchObject({
      code: 'TECHNO.TECHNOLO6B55.M4',
      band: 'near',
      title: 'Technology Executive Leadership — M4',
    });
    expect(body.responsibilities).toHaveLength(5);
    expect(body.responsibilitiesByLevel.map((l: any) => [l.levelCode, l.current])).toEqual([
      ['M3', true],
      ['M4', false],
      ['M5', false],
      ['M6', false],
    ]);
    expect(body.skills).toHaveLength(11);
    expect(body.pay[0]).toMatchObject({ median: 120000, low: 95000, high: 153000, currency: 'USD' });
    expect(body.mappings[0]).toMatchObject({
      system: 'onet-soc',
      code: '11-3021',
      origin: 'jfm-factory.resolve',
    });
    expect(body.sources.map((s: any) => s.id)).toContain('canon-profile-m3');
  });

  it('lists and gets functions, focuses, levels and sources', async () => {
    expect((await json('/api/functions')).body.items[0]).toMatchObject({
      code: 'TECHNO',
      focuses: expect.arrayContaining(['TECHNOLO6B55']),
    });
    expect((await json('/api/functions/TECHNO')).body.name).toBe('Technology Leadership & Consulting');
    expect((await json('/api/focuses?function=TECHNO')).body.total).toBe(4);
    const focus = (await json('/api/focuses/TECHNOLO6B55')).body;
    expect(focus.profiles).toEqual(['M3', 'M4', 'M5', 'M6'].map((l) => `TECHNO.TECHNOLO6B55.${l}`));
    expect((await json('/api/levels')).body.items).toHaveLength(19);
    expect((await json('/api/levels?track=E')).body.items.map((l: any) => l.code)).toEqual([
      'E1',
      'E2',
      'E3',
    ]);
    expect((await json('/api/levels/M6')).body).toMatchObject({ title: 'Vice President', rank: 8 });
    const source = (await json('/api/sources/seed-cto-jd')).body;
    expect(source.citedBy.length).toBeGreaterThan(0);
  });
});

describe('adjacent roles', () => {
  it('lists the nearest profiles with distance and band, nearest first', async () => {
    const { status, body } = await json('/api/profiles/TECHNO.TECHNOLO6B55.M3/adjacent');
    expect(status).toBe(200);
    expect(body.items).toHaveLength(6);
    const distances = body.items.map((i: any) => i.distance);
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
    for (const item of body.items) {
      expect(item).toEqual({
        code: expect.any(String),
        title: expect.any(String),
        distance: expect.any(Number),
        band: expect.stringMatching(/^(near|related|distant)$/),
      });
      expect(item.code).not.toBe('TECHNO.TECHNOLO6B55.M3');
    }
    expect(body.items.slice(0, 3).map((i: any) => i.code)).toEqual(
      ['M4', 'M5', 'M6'].map((l) => `TECHNO.TECHNOLO6B55.${l}`),
    );
  });

  it('honours limit and answers 404 for an unknown profile', async () => {
    expect((await json('/api/profiles/TECHNO.TECHNOLO6B55.M3/adjacent?limit=2')).body.items).toHaveLength(2);
    expect((await json('/api/profiles/TECHNO.TECHNOLO6B55.P1/adjacent')).status).toBe(404);
  });
});

describe('the response cache', () => {
  it('keeps one entry per value of the declared parameters, whatever others and their order', async () => {
    const cache = new ResponseCache();
    const api = createApi({
      catalog: () => ctx.canon.catalog,
      cache,
      resolver: ctx.canon.resolver,
      payBook: () => ctx.canon.payBook,
    });
    const get = async (path: string) => expect((await api.request(path)).status).toBe(200);
    const [m3, m4] = ['TECHNO.TECHNOLO6B55.M3', 'TECHNO.TECHNOLO6B55.M4'];
    for (let n = 0; n < 10; n++) {
      await get(`/profiles?${n % 2 ? 'limit=5&offset=2' : 'offset=2&limit=5'}&junk=${n}`);
      await get(`/profiles/${m3}?junk=${n}`);
      await get(`/progression?from=${m3}&to=${m4}&junk=${n}`);
      await get(`/levels?junk=${n}`);
    }
    expect(cache.size).toBe(4);
    await get('/profiles?limit=6&offset=2');
    expect(cache.size).toBe(5);
  });
});

describe('compare', () => {
  it('compares 2–4 profiles with distances and marked skills', async () => {
    const { status, body } = await json(
      '/api/compare?codes=TECHNO.TECHNOLO6B55.M3,TECHNO.ENGINEER9222.M3,TECHNO.ARCHITEC4B2E.P5',
    );
    expect(status).toBe(200);
    expect(body.profiles.map((p: any) => p.code)).toEqual([
      'TECHNO.TECHNOLO6B55.M3',
      'TECHNO.ENGINEER9222.M3',
      'TECHNO.ARCHITEC4B2E.P5',
    ]);
    expect(body.profiles[0]).toMatchObject({ level: { code: 'M3' }, pay: { median: 120000 } });
    expect(body.profiles[0].responsibilities).toHaveLength(5);
    expect(body.distances).toHaveLength(3);
    expect(body.skills.every((s: any) => ['shared', 'partly shared', 'distinct'].includes(s.marking))).toBe(
      true,
    );
  });

  it.each([
    ['/api/compare?codes=TECHNO.TECHNOLO6B55.M3', 400],
    ['/api/compare', 400],
    ['/api/compare?codes=TECHNO.TECHNOLO6B55.M3,TECHNO.NOPE.M3', 400],
    ['/api/compare?codes=TECHNO.TECHNOLO6B55.M3,TECHNO.TECHNOLO6B55.M1', 404],
  ])('answers %s with %i', async (path, status) => {
    const res = await json(path);
    expect(res.status).toBe(status);
    expect(res.body.error.message).toBeTruthy();
  });
});

describe('growth', () => {
  it('gives career paths', async () => {
    const { status, body } = await json('/api/profiles/TECHNO.TECHNOLO6B55.M6/career');
    expect(status).toBe(200);
    expect(body.entry[0]).toMatchObject({ profileCode: 'TECHNO.TECHNOLO6B55.M5', kind: 'ladder' });
    expect(body.advancement.map((s: any) => s.title)).toContain('Chief Technology Officer');
    expect(body.upward.length).toBeGreaterThan(0);
  });

  it('gives a progression guide and refuses one across focuses', async () => {
    const { body } = await json('/api/progression?from=TECHNO.TECHNOLO6B55.M3&to=TECHNO.TECHNOLO6B55.M4');
    expect(body).toMatchObject({
      from: 'TECHNO.TECHNOLO6B55.M3',
      to: 'TECHNO.TECHNOLO6B55.M4',
      typicalYears: { min: 3, max: 5, openEnded: true },
    });
    expect(body.steps[0].keyShift).toMatch(/business results/);
    const across = await json('/api/progression?from=TECHNO.TECHNOLO6B55.M3&to=TECHNO.ENGINEER9222.M3');
    expect(across.status).toBe(400);
  });

  it('scores a readiness self-assessment without storing it', async () => {
    const { body: form } = await json('/api/profiles/TECHNO.TECHNOLO6B55.M3/readiness');
    expect(form.scale).toEqual(['Not yet', 'Sometimes', 'Usually', 'Consistently']);
    const ratings = Object.fromEntries(form.items.map((i: any) => [i.id, 3]));
    ratings.r1 = 0;
    const res = await ctx.app.request('/api/profiles/TECHNO.TECHNOLO6B55.M3/readiness', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ratings }),
    });
    expect(res.status).toBe(200);
    const report = (await res.json()) as any;
    expect(report.toGrow.map((i: any) => i.id)).toEqual(['r1']);
    expect(report.band).toBe('ready');
  });

  it.each([
    ['{"ratings": {"r1": 9}}', /ratings/],
    ['{"ratings": {}}', /missing: r1/],
    ['not json', /.+/],
  ])('answers a bad self-assessment %s with 400', async (body, message) => {
    const res = await ctx.app.request('/api/profiles/TECHNO.TECHNOLO6B55.M3/readiness', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as any).error.message).toMatch(message);
  });

  it('generates a job description', async () => {
    const { body } = await json('/api/profiles/TECHNO.TECHNOLO6B55.M3/job-description');
    expect(body.responsibilities).toHaveLength(5);
    expect(body.softSkills.length).toBeGreaterThan(0);
    expect(body.sources).toContain('canon-profile-m3');
  });
});

describe('resolve', () => {
  it('levels one title with an explanation', async () => {
    const { status, body } = await json('/api/resolve?title=VP%20of%20Engineering');
    expect(status).toBe(200);
    expect(body.status).toBe('resolved');
    expect(body.candidates[0].level.code).toBe('M6');
    expect(body.candidates[0].explanation.seniorityWords).toEqual(['vice president']);
    // With the built-in occupation tables the first candidate is O*NET's engineering managers (11-9041),
    // which no built-in profile maps; the Technology Executive profile is among the candidates (issue 16
    // is about ranking such titles).
    expect(body.candidates.map((c: { profile: { code: string } | null }) => c.profile?.code)).toContain(
      'TECHNO.TECHNOLO6B55.M6',
    );
  });

  it('levels a batch, in order', async () => {
    const res = await ctx.app.request('/api/resolve', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        titles: ['Director of Engineering', { title: 'Engineering Manager', employer: 'Acme Software' }],
      }),
    });
    const body = (await res.json()) as any;
    expect(res.status).toBe(200);
    expect(body.results.map((r: any) => r.candidates[0]?.level.code)).toEqual(['M4', 'M2']);
  });

  it.each(OBJECT_MEMBER_WORDS.flatMap((word) => [word, `Senior ${word} Associate`]))(
    'levels the title %j like any other, alone and in a batch',
    async (title) => {
      const one = await json(
        `/api/resolve?title=${encodeURIComponent(title)}&employer=${encodeURIComponent(title)}`,
      );
      expect(one.status).toBe(200);
      expect(one.body).toMatchObject({ title, status: expect.stringMatching(/^(un)?resolved$/) });
      const batch = await ctx.app.request('/api/resolve', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ titles: [title, { title, employer: title }, 'Director of Engineering'] }),
      });
      expect(batch.status).toBe(200);
      const { results } = (await batch.json()) as any;
      expect(results.map((r: any) => r.title)).toEqual([title, title, 'Director of Engineering']);
      expect(results[2].candidates[0].level.code).toBe('M4');
    },
  );

  it('refuses more than 1,000 titles with 413 and too many characters with 400', async () => {
    const many = await ctx.app.request('/api/resolve', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ titles: Array.from({ length: 1001 }, () => 'Engineer') }),
    });
    expect(many.status).toBe(413);
    expect(((await many.json()) as any).error).toMatchObject({
      code: 'too_large',
      message: expect.stringMatching(/At most 1000 titles/),
    });
    expect((await json(`/api/resolve?title=${'x'.repeat(301)}`)).status).toBe(400);
    expect((await json('/api/resolve')).status).toBe(400);
  });
});

describe('pay', () => {
  it('gives the seed figure with its source for M3, and "no pay data yet" elsewhere', async () => {
    const m3 = (await json('/api/profiles/TECHNO.TECHNOLO6B55.M3/pay')).body;
    expect(m3).toMatchObject({
      median: 120000,
      low: 95000,
      high: 153000,
      currency: 'USD',
      headline: { kind: 'observed', sources: ['canon-profile-m3'] },
    });
    expect(m3.bands.map((b: any) => b.level)).toEqual(['M3', 'M4', 'M5', 'M6']);
    const m4 = (await json('/api/profiles/TECHNO.TECHNOLO6B55.M4/pay')).body;
    expect(m4).toMatchObject({ median: null, basis: 'no pay data yet' });
    expect((await json('/api/profiles/TECHNO.TECHNOLO6B55.P1/pay')).status).toBe(404);
  });
});

describe('review', () => {
  it('gives the panel scores and findings', async () => {
    const { status, body } = await json('/api/profiles/TECHNO.ARCHITEC4B2E.P4/review');
    expect(status).toBe(200);
    expect(body).toMatchObject({
      code: 'TECHNO.ARCHITEC4B2E.P4',
      passed: true,
      scores: { levelDifferentiation: expect.any(Number) },
    });
  });
});

describe('API errors', () => {
  it.each([
    '/api/profiles/TECHNO.TECHNOLO6B55.M1',
    '/api/functions/NOPEXX',
    '/api/focuses/NOPE',
    '/api/levels/M9',
    '/api/sources/nope',
    '/api/nothing-here',
  ])('answers 404 with a JSON error body for %s', async (path) => {
    const { status, body, res } = await json(path);
    expect(status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
    expect(body.error.code).toBe('not_found');
    expect(body.error.message.length).toBeGreaterThan(5);
  });

  it('answers 400 for a malformed profile code, saying the shape a code has', async () => {
    const { status, body } = await json('/api/profiles/NOPE');
    expect(status).toBe(400);
    expect(body.error).toMatchObject({
      code: 'invalid_input',
      message: 'Malformed profile code "NOPE": expected FUNCTION.FOCUS.LEVEL, e.g. TECHNO.TECHNOLO6B55.M3.',
    });
  });

  it.each([
    '/api/profiles?limit=0',
    '/api/profiles?limit=abc',
    '/api/profiles?track=X',
    '/api/profiles?level=Z9',
    '/api/profiles?offset=-1',
  ])('answers 400 with a JSON error body for %s', async (path) => {
    const { status, body } = await json(path);
    expect(status).toBe(400);
    expect(body.error.code).toBe('invalid_input');
    expect(body.error.message).toMatch(/Invalid request/);
  });
});

describe('HTTP caching', () => {
  it('sends an ETag and Cache-Control on reads and answers 304 when unchanged', async () => {
    const first = await get('/api/profiles/TECHNO.TECHNOLO6B55.M3');
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^".+"$/);
    expect(first.headers.get('cache-control')).toMatch(/max-age/);
    const again = await get('/api/profiles/TECHNO.TECHNOLO6B55.M3', { 'if-none-match': etag ?? '' });
    expect(again.status).toBe(304);
    const page = await get('/profiles/TECHNO.TECHNOLO6B55.M3');
    expect(page.headers.get('etag')).toBeTruthy();
    expect(page.headers.get('etag')).not.toBe(etag);
  });
});

describe('OpenAPI', () => {
  it('serves an OpenAPI 3.1 document covering every route', async () => {
    const { status, body } = await json('/api/openapi.json');
    expect(status).toBe(200);
    expect(body.openapi).toBe('3.1.0');
    expect(Object.keys(body.paths)).toEqual(
      expect.arrayContaining([
        '/profiles',
        '/profiles/{code}',
        '/functions',
        '/functions/{code}',
        '/focuses',
        '/focuses/{code}',
        '/levels',
        '/levels/{code}',
        '/sources',
        '/sources/{id}',
      ]),
    );
    expect(body.components.schemas).toHaveProperty('Profile');
    expect(body.components.schemas).toHaveProperty('Error');
  });

  it('renders a local docs page from it, with no external scripts', async () => {
    const res = await get('/api/docs');
    const html = await res.text();
    expect(res.status).toBe(200);
    expect(html).toContain('/api/profiles/{code}');
    expect(html).not.toMatch(/<script/i);
  });
});
