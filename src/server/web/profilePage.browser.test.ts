import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../config/readConfig.js';
import { ingestDeps } from '../../runtime/openCanon.js';
import { chromiumAvailable, launchChromium } from '../../testing/chromium.js';
import { testApp } from '../../testing/testApp.js';
import { ingestSources } from '../../workflow/ingestSources.js';
import { type RunningServer, startServer } from '../startServer.js';

const available = chromiumAvailable;

const HOSTILE = [
  '# Ladder <script>window.__pwned = 1</script>',
  '',
  '## E1: Director of <img src=x onerror="window.__pwned = 2">Engineering',
  '',
  '- Owns [the roadmap](javascript:window.__pwned=3) for 3 teams <svg onload="window.__pwned=4"></svg>',
  '- <iframe src="javascript:window.__pwned=5"></iframe> Runs 4 teams',
  '',
  '## E2: VP of Engineering',
  '',
  '- Runs the org of 200 engineers',
].join('\n');

const SECTIONS = [
  'back',
  'level-chip',
  'code',
  'title',
  'function',
  'badges',
  'description',
  'level-line',
  'function-focus',
  'pay',
  'differential',
  'responsibilities',
  'guidelines',
  'skills',
  'provenance',
  'review',
  'source-count',
  'level-definition',
  'adjacent',
  'aliases',
  'mappings',
];

describe.skipIf(!available)('profile page in Chromium', () => {
  let browser: Browser;
  let server: RunningServer;
  let close: () => Promise<void>;
  let hostileId = '';
  beforeAll(async () => {
    const ctx = await testApp();
    // A second version of M4, so that its history has something to compare.
    const admin = { id: 'test:browser', role: 'admin' } as const;
    const text =
      'Sets the consolidated cloud and AI spend policy for 4–6 engineering departments and reviews it with Finance every quarter.';
    await ctx.canon.workflow.propose(admin, 'TECHNO.TECHNOLO6B55.M4', {
      add: { responsibilities: [{ text, sources: ['canon-profile-m6'] }] },
    });
    await ctx.canon.workflow.submit(admin, 'TECHNO.TECHNOLO6B55.M4');
    await ctx.canon.workflow.approve(admin, 'TECHNO.TECHNOLO6B55.M4');
    // A hostile ladder: its text must be shown, never run.
    const hostile = (
      await ingestSources(ingestDeps(ctx.canon), admin, [
        { name: 'hostile.md', bytes: new TextEncoder().encode(HOSTILE) },
      ])
    ).sources[0];
    hostileId = hostile?.source.id ?? '';
    server = await startServer(ctx.app, '127.0.0.1', 0);
    close = () => ctx.store.close();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await close?.();
  });

  it('shows every section of TECHNO.TECHNOLO6B55.M3 with M3 highlighted, and saves a screenshot', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    // A Content-Security-Policy violation shows as a console error; the page must cause none.
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    const response = await page.goto(`${server.url}/profiles/TECHNO.TECHNOLO6B55.M3`);
    expect(response?.status()).toBe(200);

    for (const section of SECTIONS) {
      const node = page.locator(`[data-section="${section}"]`).first();
      await node.scrollIntoViewIfNeeded();
      expect(await node.isVisible(), section).toBe(true);
    }
    // Sections appear in the order of the published page.
    const order = await page.$$eval('[data-section]', (nodes) =>
      nodes.map((n) => n.getAttribute('data-section')),
    );
    const positions = SECTIONS.map((s) => order.indexOf(s));
    expect(positions).toEqual([...positions].sort((a, b) => a - b));

    const current = page.locator('.ladder > li[aria-current="true"]');
    expect(await current.count()).toBe(1);
    expect(await current.getAttribute('data-level')).toBe('M3');
    expect(await current.textContent()).toContain('this profile');
    const highlight = await current.evaluate((el) => getComputedStyle(el).borderTopWidth);
    const plain = await page
      .locator('.ladder > li[data-level="M4"]')
      .evaluate((el) => getComputedStyle(el).borderTopWidth);
    expect(highlight).not.toBe(plain);
    expect(await page.locator('table.rubric tr.current').getAttribute('data-level')).toBe('M3');

    expect(await page.locator('h1').textContent()).toBe('Technology Executive Leadership — M3');
    expect(await page.locator('[data-section="pay"]').textContent()).toContain('$120k ($95k–$153k)');
    await page.locator('[data-section="aliases"] summary').click();
    expect(await page.getByText('No title aliases recorded for this profile yet.').isVisible()).toBe(true);
    expect(errors).toEqual([]);

    const dir = join(PROJECT_ROOT, 'test-results');
    await mkdir(dir, { recursive: true });
    await page.screenshot({ path: join(dir, 'profile-m3.png'), fullPage: true });
    expect(existsSync(join(dir, 'profile-m3.png'))).toBe(true);
  });

  it('has landmarks and ordered headings, and stays usable on a phone-sized screen', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(`${server.url}/profiles/TECHNO.TECHNOLO6B55.M3`);
    for (const role of ['banner', 'main', 'contentinfo', 'navigation'])
      expect(await page.getByRole(role as 'main').count(), role).toBeGreaterThan(0);
    const levels = await page.$$eval('h1, h2, h3', (hs) => hs.map((h) => Number(h.tagName[1])));
    expect(levels[0]).toBe(1);
    levels.forEach((level, i) => {
      if (i > 0) expect(level - (levels[i - 1] ?? 1)).toBeLessThanOrEqual(1);
    });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });

  it('walks from the review queue to a draft, and from history to a diff, on a phone-sized screen', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    const fits = () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    await page.goto(`${server.url}/review-queue`);
    expect(await fits()).toBeLessThanOrEqual(0);
    await page.getByRole('link', { name: /Architecture .* P4/ }).click();
    await page.getByRole('heading', { name: /Draft of Architecture/ }).waitFor();
    expect(await fits()).toBeLessThanOrEqual(0);

    await page.goto(`${server.url}/profiles/TECHNO.TECHNOLO6B55.M4/history`);
    expect(await page.locator('[data-section="versions"] tbody tr').count()).toBe(2);
    await page.getByRole('button', { name: 'Show changes' }).click();
    await page.getByRole('heading', { name: /v1 → v2/ }).waitFor();
    expect(await page.locator('.diff-added').count()).toBe(1);
    expect(await fits()).toBeLessThanOrEqual(0);
  });

  it('shows a hostile document as text: no script, handler or javascript: link runs', async () => {
    const page = await browser.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    const response = await page.goto(`${server.url}/sources/${hostileId}`);
    expect(response?.status()).toBe(200);
    await page.getByRole('heading', { name: 'The document' }).waitFor();
    expect(await page.locator('pre.document').innerText()).toContain('<script>window.__pwned = 1</script>');
    expect(
      await page
        .locator('pre.document script, pre.document img, pre.document svg, pre.document iframe')
        .count(),
    ).toBe(0);
    expect(await page.locator('a[href^="javascript:"]').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(dialogs).toEqual([]);
  });

  it('runs the readiness self-assessment and "Level a title" with JavaScript turned off', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${server.url}/profiles/TECHNO.TECHNOLO6B55.M3/readiness`);
    const groups = page.locator('fieldset[data-item]');
    expect(await groups.count()).toBe(8);
    for (let i = 0; i < 8; i++)
      await groups
        .nth(i)
        .locator('input')
        .nth(i === 1 ? 0 : 3)
        .check();
    await page.getByRole('button', { name: 'See my gap report' }).click();
    expect(await page.locator('h1').textContent()).toBe(
      'Readiness report: Technology Executive Leadership — M3',
    );
    expect(await page.locator('[data-section="to-grow"] li').first().textContent()).toContain(
      'Responsibility 2',
    );

    await page.goto(`${server.url}/resolve`);
    await page.getByLabel('Job title').fill('Sr. Director, Platform Engineering');
    await page.getByRole('button', { name: 'Level it' }).click();
    expect(await page.locator('[data-section="resolution"]').textContent()).toContain(
      'TECHNO.TECHNOLO6B55.M5',
    );
    await context.close();
  });

  it('leads back from an unknown code', async () => {
    const page = await browser.newPage();
    const response = await page.goto(`${server.url}/profiles/TECHNO.TECHNOLO6B55.M1`);
    expect(response?.status()).toBe(404);
    await page.getByRole('link', { name: /Back to the Canon taxonomy/ }).click();
    expect(await page.locator('h1').textContent()).toBe('Canon taxonomy');
  });
});
