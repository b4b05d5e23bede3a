import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readOnetRelease } from '../../importers/onet/readOnetRelease.js';
import { openDataset } from '../../importers/openDataset.js';
import { onetFixtureFiles, writeOnetFixture } from '../../testing/onetFixture.js';
import { testApp } from '../../testing/testApp.js';
import { importOnetRelease } from '../../workflow/importReferenceData.js';
import { ResponseCache } from '../httpCache.js';
import { createWeb } from './createWeb.js';

let ctx: Awaited<ReturnType<typeof testApp>>;
beforeAll(async () => {
  ctx = await testApp();
});
afterAll(() => ctx.store.close());

const page = async (path: string) => {
  const res = await ctx.app.request(path);
  return { status: res.status, html: await res.text(), type: res.headers.get('content-type') };
};
const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, ' ');

describe('pages', () => {
  it('lists the functions with their counts on the home page, and every profile on its function page', async () => {
    const home = await page('/');
    expect(home.status).toBe(200);
    expect(home.html).toContain('role="search"');
    expect(home.html).toContain('href="/functions/TECHNO"');
    expect(home.html).not.toContain('href="/profiles/');
    const approved = ctx.catalog.taxonomy.profiles.filter((p) => p.status === 'approved').length;
    expect(text(home.html)).toContain(
      `Technology Leadership & Consulting TECHNO 4 ${ctx.catalog.taxonomy.profiles.length} ${approved} approved`,
    );
    const fn = await page('/functions/TECHNO');
    expect(fn.status).toBe(200);
    for (const p of ctx.catalog.taxonomy.profiles) expect(fn.html).toContain(`href="/profiles/${p.code}"`);
    expect(text(fn.html)).toContain('Technology Executive Leadership — Senior Manager');
    const missing = await page('/functions/NOSUCH%3Cb%3E');
    expect(missing.status).toBe(404);
    // Quoted, and escaped as HTML.
    expect(missing.html).toContain('No function with code &quot;NOSUCH&lt;b&gt;&quot;.');
  });

  it('searches profiles by name, title, code and SOC code, and says why a search cannot run', async () => {
    expect(text((await page('/?q=vice+president')).html)).toMatch(/1 profile matches/);
    expect((await page('/?q=TECHNOLO6B55.M4')).html).toContain('href="/profiles/TECHNO.TECHNOLO6B55.M4"');
    expect(text((await page('/?q=zzzz')).html)).toMatch(/0 profiles match/);
    for (const soc of ['11-3021', '11-3021.00']) {
      const found = text((await page(`/?q=${soc}`)).html);
      expect(found, soc).toMatch(/[1-9]\d* profiles? match/);
      expect(found, soc).toContain('Technology Executive Leadership — Senior Manager');
      expect(found, soc).toContain(`SOC code “${soc}”`);
    }
    const emoji = await page(`/?q=${encodeURIComponent('🙂')}`);
    expect(emoji.status).toBe(200);
    expect(text(emoji.html)).toContain('“🙂” has no letters or digits to search for.');
    const long = await page(`/?q=${'é'.repeat(201)}`);
    expect(long.status).toBe(400);
    expect(text(long.html)).toContain(`The search &quot;${'é'.repeat(80)}…&quot; is 201 characters long`);
  });

  it('renders the M3 page with the seed facts', async () => {
    const { status, html } = await page('/profiles/TECHNO.TECHNOLO6B55.M3');
    const t = text(html);
    expect(status).toBe(200);
    for (const fact of [
      '← Canon taxonomy',
      'TECHNO.TECHNOLO6B55.M3',
      'Technology Executive Leadership — M3',
      'M3 — Senior Manager',
      'approved',
      'global',
      'v1',
      'M3 · M3 — Senior Manager · 8–12 yrs',
      'Technology Leadership & Consulting · Technology Executive Leadership',
      '$120k ($95k–$153k)',
      'Material PAY and SKILL differential vs the function baseline.',
      'Responsibilities by level',
      'Level guidelines',
      'Knowledge & Application',
      'Eval Literacy',
      'Provenance',
      'Level differentiation 5',
      'Real-world coverage 4.5',
      'Passes the panel (lowest 4.5)',
      'Level — M3 — Senior Manager',
      'Multi-team execution and resourcing trade-offs',
      'Adjacent roles',
      'No title aliases recorded for this profile yet.',
      'Classification mappings',
      '11-3021',
      'jfm-factory.resolve',
    ]) {
      expect(t, fact).toContain(fact);
    }
    expect(html).not.toMatch(/<script/i);
  });

  it('renders the M6 page with its level definition', async () => {
    const t = text((await page('/profiles/TECHNO.TECHNOLO6B55.M6')).html);
    expect(t).toContain('Level — M6 — Vice President');
    expect(t).toContain('15–25 yrs');
    expect(t).toContain('no pay data yet');
  });

  it('lists adjacent roles with links to the coordinates page and the comparison', async () => {
    const { html } = await page('/profiles/TECHNO.TECHNOLO6B55.M3');
    expect(html).toContain('href="/coordinates"');
    expect(html).toContain('href="/compare?codes=TECHNO.TECHNOLO6B55.M3,TECHNO.TECHNOLO6B55.M4,');
    expect(text(html)).toMatch(/Technology Executive Leadership — M4 TECHNO\.TECHNOLO6B55\.M4 0\.03 near/);
    const how = text((await page('/coordinates')).html);
    expect(how).toContain('distance = 0.45 × taxonomy + 0.35 × level + 0.1 × track + 0.1 × skills');
  });

  it('compares profiles side by side, from a link or from the picking form', async () => {
    const linked = await page('/compare?codes=TECHNO.TECHNOLO6B55.M3,TECHNO.ENGINEER9222.M3');
    const picked = await page('/compare?p=TECHNO.TECHNOLO6B55.M3&p=TECHNO.ENGINEER9222.M3&p=&p=');
    expect(linked.status).toBe(200);
    for (const t of [text(linked.html), text(picked.html)]) {
      expect(t).toContain('Technology Executive Leadership — M3');
      expect(t).toContain('Engineering Management — M3');
      expect(t).toMatch(/Eval Literacy distinct/);
      expect(t).toContain('$120k ($95k–$153k)');
    }
    expect(text((await page('/compare')).html)).toContain('Profiles to compare (two to four)');
    expect((await page('/compare?codes=TECHNO.TECHNOLO6B55.M3')).status).toBe(400);
  });

  it('links the profile tools and serves each of them', async () => {
    const { html } = await page('/profiles/TECHNO.TECHNOLO6B55.M3');
    for (const href of [
      '/profiles/TECHNO.TECHNOLO6B55.M3/jd',
      '/profiles/TECHNO.TECHNOLO6B55.M3/readiness',
      '/profiles/TECHNO.TECHNOLO6B55.M3/career',
      '/progression?from=TECHNO.TECHNOLO6B55.M3&amp;to=TECHNO.TECHNOLO6B55.M4',
    ]) {
      expect(html).toContain(`href="${href}"`);
    }
    expect(text((await page('/profiles/TECHNO.TECHNOLO6B55.M3/career')).html)).toMatch(
      /The path upward .*Technology Executive Leadership — M4/,
    );
    const guide = text(
      (await page('/progression?from=TECHNO.TECHNOLO6B55.M3&to=TECHNO.TECHNOLO6B55.M5')).html,
    );
    expect(guide).toContain('Typical time overall: 6–10+ years');
    expect(guide).toContain('Key shift');
    const jd = text((await page('/profiles/TECHNO.TECHNOLO6B55.M6/jd')).html);
    for (const h of [
      'Role definition',
      'Career progression',
      'Core responsibilities',
      'Hard skills',
      'Soft skills',
      'Education and experience',
    ])
      expect(jd).toContain(h);
    const md = await ctx.app.request('/profiles/TECHNO.TECHNOLO6B55.M6/jd.md');
    expect(md.headers.get('content-disposition')).toMatch(
      /attachment; filename="TECHNO.TECHNOLO6B55.M6-job-description.md"/,
    );
  });

  it('runs the readiness self-assessment as a plain form', async () => {
    const form = (await page('/profiles/TECHNO.TECHNOLO6B55.M3/readiness')).html;
    const ids = [...form.matchAll(/name="([a-z0-9]+)" value="0"/g)].map((m) => m[1] as string);
    expect(ids).toEqual(['r1', 'r2', 'r3', 'r4', 'r5', 'knowledge', 'complexity', 'collaboration']);
    const body = new URLSearchParams(ids.map((id) => [id, id === 'r3' ? '1' : '3']));
    const report = await ctx.app.request('/profiles/TECHNO.TECHNOLO6B55.M3/readiness', {
      method: 'POST',
      body,
    });
    const t = text(await report.text());
    expect(report.status).toBe(200);
    expect(t).toMatch(/What to grow Responsibility 3 \(Sometimes\)/);
    const download = await ctx.app.request('/profiles/TECHNO.TECHNOLO6B55.M3/readiness.md', {
      method: 'POST',
      body,
    });
    expect(await download.text()).toMatch(/^# Readiness for Technology Executive Leadership — M3/);
    const incomplete = await ctx.app.request('/profiles/TECHNO.TECHNOLO6B55.M3/readiness', {
      method: 'POST',
      body: new URLSearchParams({ r1: '2' }),
    });
    expect(incomplete.status).toBe(400);
    expect(text(await incomplete.text())).toMatch(/Rate every item; missing: r2/);
  });

  it('levels a title on the "Level a title" page', async () => {
    expect(text((await page('/resolve')).html)).toContain('Level a title');
    const t = text((await page('/resolve?title=Sr.+Director%2C+Platform+Engineering')).html);
    expect(t).toContain('Specialty words: platform engineering');
    expect(t).toContain('seniority words: senior director');
    expect(t).toContain('TECHNO.TECHNOLO6B55.M5');
  });

  it('draws the pay bands of the focus as an SVG with a text alternative', async () => {
    const { html } = await page('/profiles/TECHNO.TECHNOLO6B55.M3');
    expect(html).toMatch(/<svg viewBox="0 0 560 220" role="img" aria-labelledby="pay-chart-title">/);
    expect(text(html)).toMatch(
      /Level Median Range Kind M3 \$120k \$95k–\$153k observed M4 — — no pay data yet/,
    );
  });

  it('shows pay bands side by side on the compare page', async () => {
    const t = text((await page('/compare?codes=TECHNO.TECHNOLO6B55.M3,TECHNO.TECHNOLO6B55.M4')).html);
    expect(t).toContain('Pay side by side');
    expect(t).toMatch(
      /Profile Median Range Kind TECHNOLO6B55\.M3 \$120k \$95k–\$153k observed TECHNOLO6B55\.M4 — — no pay data yet/,
    );
  });

  it('shows the review page with every dimension and the review rules', async () => {
    const t = text((await page('/profiles/TECHNO.TECHNOLO6B55.M3/review')).html);
    expect(t).toMatch(/Passes: lowest dimension 4\.5 .* The published page stated high 0\.90/);
    expect(t).toContain("This level's responsibilities cite only Canon's own published pages.");
    const reviewing = text((await page('/reviewing')).html);
    expect(reviewing).toContain('overlap by 50% or more');
    expect(reviewing).toContain('A dimension with any failing finding scores at most 3.5');
    expect(reviewing).toMatch(/Confidence never goes above 0\.9\b/);
    expect(reviewing).toContain('A responsibility that begins “No source states”');
  });

  it('shows the level framework and sources', async () => {
    const levels = text((await page('/levels')).html);
    for (const code of ['P1', 'P6', 'M1', 'M6', 'E3']) expect(levels).toContain(code);
    expect((await page('/sources')).html).toContain('href="/sources/seed-exec-progression"');
    expect(text((await page('/sources/seed-exec-progression')).html)).toContain(
      'Engineering Executive Career Progression',
    );
  });

  it('answers an unknown code with a 404 page that leads back', async () => {
    const { status, html, type } = await page('/profiles/TECHNO.TECHNOLO6B55.P1');
    expect(status).toBe(404);
    expect(type).toMatch(/text\/html/);
    expect(html).toContain('href="/"');
    expect((await page('/no/such/page')).status).toBe(404);
  });

  it('keeps one cached page per value of what it reads, whatever other parameters and their order', async () => {
    const cache = new ResponseCache();
    const web = createWeb({
      catalog: () => ctx.canon.catalog,
      cache,
      openApiDocument: () => ({ openapi: '3.1.0', info: { title: 'Canon API', version: '0' }, paths: {} }),
      resolver: ctx.canon.resolver,
      payBook: () => ctx.canon.payBook,
    });
    const get = async (path: string) => expect((await web.request(path)).status).toBe(200);
    const [m3, m4] = ['TECHNO.TECHNOLO6B55.M3', 'TECHNO.TECHNOLO6B55.M4'];
    for (let n = 0; n < 10; n++) {
      await get(`/?junk=${n}&q=senior`);
      await get(`/profiles/${m3}?junk=${n}`);
      await get(`/compare?codes=${m3},${m4}&junk=${n}`);
      await get(`/progression?${n % 2 ? `from=${m3}&to=${m4}` : `to=${m4}&from=${m3}`}&junk=${n}`);
      await get(`/levels?junk=${n}`);
    }
    expect(cache.size).toBe(5);
  });

  it('serves the stylesheet with a print section', async () => {
    const res = await ctx.app.request('/assets/canon.css');
    expect(res.headers.get('content-type')).toMatch(/text\/css/);
    expect(await res.text()).toContain('@media print');
  });
});

describe('the "Level a title" page with occupations imported', () => {
  let withOnet: Awaited<ReturnType<typeof testApp>>;
  beforeAll(async () => {
    withOnet = await testApp();
    const folder = await writeOnetFixture(
      join(tmpdir(), `canon-web-onet-${process.pid}`),
      onetFixtureFiles(),
    );
    await importOnetRelease(
      withOnet.store.db,
      { id: 'test', role: 'admin' },
      await readOnetRelease(await openDataset(folder), null, null),
      'fixture',
    );
    await withOnet.canon.reload();
  });
  afterAll(async () => {
    await withOnet.store.close();
    await rm(join(tmpdir(), `canon-web-onet-${process.pid}`), { recursive: true, force: true });
  });

  it('names the line of business the employer suggests', async () => {
    const get = async (path: string) => text(await (await withOnet.app.request(path)).text());
    expect(await get('/resolve?title=Analyst&employer=Acme+Software+Solutions')).toContain(
      'the employer suggests computer work',
    );
    expect(await get('/resolve?title=Analyst')).not.toContain('the employer suggests');
  });
});

describe('Markdown downloads of a profile whose statement carries HTML and a link', () => {
  const M4 = 'TECHNO.TECHNOLO6B55.M4';
  const DUTY =
    'Owns the cloud budget <img src=x onerror=alert(1)> for 3–5 teams and reports spend against plan to the [CTO](javascript:alert(1)) each quarter.';
  const ESCAPED =
    'Owns the cloud budget &lt;img src=x onerror=alert(1)&gt; for 3–5 teams and reports spend against plan to the \\[CTO\\](javascript:alert(1)) each quarter.';
  let hostile: Awaited<ReturnType<typeof testApp>>;
  beforeAll(async () => {
    hostile = await testApp();
    const admin = { id: 'test:md', role: 'admin' } as const;
    await hostile.canon.workflow.propose(admin, M4, {
      add: { responsibilities: [{ text: DUTY, sources: ['canon-profile-m3'] }] },
    });
    await hostile.canon.workflow.submit(admin, M4);
    await hostile.canon.workflow.approve(admin, M4, {});
  });
  afterAll(() => hostile.store.close());

  it('writes it escaped in the job description and the readiness report', async () => {
    const jd = await (await hostile.app.request(`/profiles/${M4}/jd.md`)).text();
    expect(jd).toContain(`- ${ESCAPED}`);
    expect(jd).not.toContain('<img');
    const { items } = await (await hostile.app.request(`/api/profiles/${M4}/readiness`)).json();
    const report = await hostile.app.request(`/profiles/${M4}/readiness.md`, {
      method: 'POST',
      body: new URLSearchParams(items.map((i: { id: string }) => [i.id, '0'])),
    });
    const md = await report.text();
    expect(md).toContain(`: ${ESCAPED}`);
    expect(md).not.toContain('<img');
  });
});
