import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../../../testing/testApp.js';

let ctx: Awaited<ReturnType<typeof testApp>>;
beforeAll(async () => {
  ctx = await testApp();
});
afterAll(() => ctx.store.close());

const get = async (title: string) => {
  const res = await ctx.app.request(`/api/resolve?title=${encodeURIComponent(title)}`);
  return { status: res.status, body: (await res.json()) as any };
};
const post = async (body: unknown) => {
  const res = await ctx.app.request('/api/resolve', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as any };
};

describe('GET /api/resolve', () => {
  it("answers a title's level even when no occupation matches it", async () => {
    const { status, body } = await get('Senior Offering Manager');
    expect(status).toBe(200);
    expect(body).toMatchObject({
      status: 'unresolved',
      level: { code: 'M3', track: 'M', title: 'Senior Manager' },
      seniority: { words: ['senior', 'manager'], stated: true, specialtyWords: ['offering'], note: null },
      landing: null,
      candidates: [],
    });
  });

  it("answers a title that joins roles with its most senior role's level, and says so", async () => {
    const { body } = await get('Co-Founder & Chief Zorblax Officer, SVP Snorkelwhacking');
    expect(body.level).toMatchObject({ code: 'E3', track: 'E' });
    expect(body.seniority.note).toBe(
      'The title joins “co founder” (E3), “chief zorblax officer” (E3) and “senior vice president” (E1); the most senior, “co founder”, decides.',
    );
  });

  it('answers the profile a title lands on, what led there and why', async () => {
    const { body } = await get('VP of Engineering');
    expect(body.level.code).toBe('M6');
    expect(body.landing).toMatchObject({
      focus: { code: 'TECHNOLO6B55' },
      profile: { code: 'TECHNO.TECHNOLO6B55.M6', fit: 'exact' },
      level: { code: 'M6' },
      via: { method: 'focus cue', soc: { code: '11-3021' }, cue: 'engineering' },
    });
    expect(body.landing.explanation[0]).toMatch(/covers the title's specialty/);
  });

  it.each([
    ['مهندس برمجيات أول'],
    ['高级软件工程师'],
    ['👩‍🔧 Lead 🔧'],
    [`Senior ${'Platform Reliability '.repeat(10)}`.slice(0, 200)],
  ])('answers %j with a level', async (title) => {
    const { status, body } = await get(title);
    expect(status).toBe(200);
    expect(body.title).toBe(title);
    expect(body.level.code).toMatch(/^[SPME][1-6]$/);
  });

  it.each([
    ['x'.repeat(301), /A title may have at most 300 characters; "x{80}…" has 301/],
    ['   ', /A title is required; got " {3}"/],
  ])('refuses %j with 400, quoting it', async (title, message) => {
    const { status, body } = await get(title);
    expect(status).toBe(400);
    expect(body.error).toMatchObject({ code: 'invalid_input', message: expect.stringMatching(message) });
  });
});

describe('POST /api/resolve', () => {
  it('answers each title of a batch with its level, in order', async () => {
    const { status, body } = await post({
      titles: ['Senior Offering Manager', { title: 'CTO' }, '高级软件工程师'],
    });
    expect(status).toBe(200);
    expect(body.results.map((r: any) => r.level.code)).toEqual(['M3', 'E3', 'P2']);
    expect(body.results[1].landing.profile).toEqual({ code: 'TECHNO.TECHNOLO6B55.M6', fit: 'nearest' });
  });

  it('refuses a batch with a title too long, quoting it', async () => {
    const { status, body } = await post({ titles: ['CTO', `Q${'y'.repeat(300)}`] });
    expect(status).toBe(400);
    expect(body.error.message).toMatch(/"Qy{79}…"/);
  });
});
