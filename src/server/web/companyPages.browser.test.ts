import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NORTHWIND_CSV } from '../../company/fixtures/northwindXlsx.js';
import { chromiumAvailable, launchChromium } from '../../testing/chromium.js';
import { companyPagesApp } from '../../testing/companyPagesApp.js';
import type { CompanyImports } from '../../workflow/companyImports.js';
import { type RunningServer, startServer } from '../startServer.js';

/** How long a dry run of the fixture may take on a busy machine: the page reloads itself until it is done. */
const WORK_MS = 120_000;

describe.skipIf(!chromiumAvailable)('importing and reviewing a company in Chromium', () => {
  let browser: Browser;
  let server: RunningServer;
  let company: CompanyImports;
  beforeAll(async () => {
    const built = await companyPagesApp();
    company = built.company;
    server = await startServer(built.app, '127.0.0.1', 0);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** A page of the workspace's editor that records script errors and Content-Security-Policy violations. */
  async function open(viewport = { width: 1280, height: 900 }): Promise<{ page: Page; errors: string[] }> {
    const context = await browser.newContext({ viewport, extraHTTPHeaders: { 'x-test-actor': 'editor' } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    return { page, errors };
  }
  /** Waits (through the progress page's reloads) for a page showing `selector`, with its stylesheet applied. */
  async function arrive(page: Page, selector: string): Promise<void> {
    await page.waitForSelector(selector, { timeout: WORK_MS });
    await page.waitForLoadState('load');
  }
  /** How far the page scrolls sideways: nothing may overflow the screen. */
  const overflow = (page: Page) =>
    page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

  it('uploads the Northwind catalog, picks a column, shows the dry run with problems by line, stores it, and decides a job in review', async () => {
    const { page, errors } = await open();
    await page.goto(`${server.url}/w/northwind/import`);
    await page.setInputFiles('#file', fileURLToPath(NORTHWIND_CSV));
    await page.getByRole('button', { name: 'Upload and read the columns' }).click();

    // The progress page reloads itself until the columns are read.
    await arrive(page, '[data-section="mapping"]');
    expect(await page.locator('#col-title option:checked').textContent()).toBe('Business Title');
    expect(await page.locator('tr[data-role="title"] td').last().textContent()).toContain('Business Title');
    await page.selectOption('#col-location', { label: '(none)' });
    await page.getByRole('button', { name: 'Run the dry run with these columns' }).click();

    await arrive(page, '[data-section="problems"]');
    expect(await page.locator('[data-section="columns-used"]').textContent()).not.toContain('Location');
    const preview = await company.preview(
      { id: 'test', role: 'editor', workspace: 'northwind' },
      'northwind',
      readFileSync(NORTHWIND_CSV),
      'northwind-catalog.csv',
    );
    const shownLines = await page
      .locator('[data-list="problems"] li')
      .evaluateAll((items) => items.map((li) => Number(li.getAttribute('data-line'))));
    expect(shownLines).toEqual(preview.plan.problems.map((p) => p.line));
    expect(await page.locator('[data-list="problems"] li').first().textContent()).toMatch(/^line \d+: /);
    expect(await overflow(page)).toBeLessThanOrEqual(0);

    await page.getByRole('button', { name: 'Store this import' }).click();
    await arrive(page, '[data-section="stored"]');
    expect(Number(await page.locator('[data-decided="automatic"]').textContent())).toBe(preview.jobs.length);

    await page.getByRole('link', { name: 'Go to the review queue' }).click();
    const heading = page.locator('#queue-h');
    const waiting = Number(/\d+/.exec((await heading.textContent()) ?? '')?.[0]);
    expect(await page.locator('[data-decided="person"]').textContent()).toBe('0');
    const item = page.locator('.queue-item').first();
    const line = await item.getAttribute('data-job');
    await item.getByLabel(/Pick another profile/).fill('software engineer');
    await item.getByRole('button', { name: 'Search' }).click();
    const picked = page.locator(`#job-${line}`);
    await arrive(page, `#job-${line} [data-section="pick-results"]`);
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    await picked.getByRole('button', { name: 'Use this profile' }).first().click();

    await arrive(page, '[data-section="decision-notice"]');
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    expect(await page.locator(`#job-${line}`).count()).toBe(0);
    expect(Number(await page.locator('[data-decided="person"]').textContent())).toBeGreaterThan(0);
    expect(Number(/\d+/.exec((await heading.textContent()) ?? '')?.[0])).toBe(waiting - 1);
    expect(errors).toEqual([]);
  });

  it('fits a phone-sized screen: the wide tables scroll inside their boxes, the page never sideways', async () => {
    const { page, errors } = await open({ width: 390, height: 844 });
    await page.goto(`${server.url}/w/northwind/import`);
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    await page.setInputFiles('#file', fileURLToPath(NORTHWIND_CSV));
    await page.getByRole('button', { name: 'Upload and read the columns' }).click();
    await arrive(page, '[data-section="mapping"]');
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    await page.getByRole('button', { name: 'Run the dry run with these columns' }).click();
    await arrive(page, '[data-section="rows"]');
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    const rows = page.locator('[data-section="rows"] .table-wrap');
    expect(await rows.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
    await page.goto(`${server.url}/w/northwind/review`);
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    expect(errors).toEqual([]);
  });
});
