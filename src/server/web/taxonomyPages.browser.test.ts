import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Catalog } from '../../core/catalog.js';
import { chromiumAvailable, launchChromium } from '../../testing/chromium.js';
import { largeTaxonomy } from '../../testing/largeTaxonomy.js';
import { createApp } from '../createApp.js';
import { type RunningServer, startServer } from '../startServer.js';

const available = chromiumAvailable;

describe.skipIf(!available)('browsing a 3,000-profile taxonomy in Chromium', () => {
  let browser: Browser;
  let server: RunningServer;
  let catalog: Catalog;
  beforeAll(async () => {
    catalog = new Catalog(largeTaxonomy());
    server = await startServer(createApp({ catalog: () => catalog, log: () => {} }), '127.0.0.1', 0);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** A page that records script errors and Content-Security-Policy violations (console errors). */
  async function open(viewport = { width: 1280, height: 900 }): Promise<{ page: Page; errors: string[] }> {
    const page = await browser.newPage({ viewport });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    return { page, errors };
  }

  it('fits every column of the level framework inside its card on a desktop screen, and scrolls it on a phone', async () => {
    const { page, errors } = await open();
    await page.goto(`${server.url}/levels`);
    const overflow = (p: Page) =>
      p.$$eval('.table-wrap', (wraps) => wraps.map((w) => w.scrollWidth - w.clientWidth));
    expect(await overflow(page)).toEqual([0, 0, 0, 0]);
    const phone = await open({ width: 390, height: 844 });
    await phone.page.goto(`${server.url}/levels`);
    // On a phone the table scrolls inside its box; the page itself never scrolls sideways.
    expect((await overflow(phone.page)).every((px) => px > 0)).toBe(true);
    expect(await phone.page.evaluate(() => document.documentElement.scrollWidth)).toBe(390);
    expect([...errors, ...phone.errors]).toEqual([]);
  });

  it('walks from the home page to a function, a profile and a row it cites', async () => {
    const { page, errors } = await open();
    const fn = catalog.functions[0];
    const focus = catalog.focusesOf(fn?.code ?? '')[0];
    const view = catalog.getProfile(`${fn?.code}.${focus?.code}.${focus?.levelCodes[2]}`);
    await page.goto(`${server.url}/`);
    await page.getByRole('link', { name: fn?.name ?? '', exact: true }).click();
    expect(await page.locator('h1').textContent()).toContain(fn?.name);
    expect(await page.locator('table.grid tbody tr').count()).toBe(60);

    // The header row stays at the top of the grid while it scrolls down, the focus column at its left.
    const grid = page.locator('section.grid-scroll');
    await grid.evaluate((el) => {
      el.scrollTop = 1500;
      el.scrollLeft = 600;
    });
    const box = await grid.boundingBox();
    const header = await page.locator('table.grid thead th').nth(3).boundingBox();
    const focusCell = await page.locator('table.grid tbody th').nth(30).boundingBox();
    expect(Math.abs((header?.y ?? 0) - (box?.y ?? -99))).toBeLessThan(2);
    expect(Math.abs((focusCell?.x ?? 0) - (box?.x ?? -99))).toBeLessThan(2);
    await grid.evaluate((el) => {
      el.scrollTop = 0;
      el.scrollLeft = 0;
    });

    await page.getByRole('link', { name: view.name, exact: true }).click();
    expect(await page.locator('h1').textContent()).toBe(view.title);
    expect(await page.locator('[data-section="badges"] .status').textContent()).toContain(
      view.record.status === 'in_review' ? 'in review' : view.record.status,
    );

    const rowLink = page.locator('.rung.current .row-cite').first();
    const label = (await rowLink.textContent()) ?? '';
    expect(label).toMatch(/^Task Statements\.txt · \d+$/);
    await rowLink.click();
    expect(await page.locator('h1').textContent()).toBe(label);
    expect(await page.locator('[data-section="row-citations"]').textContent()).toContain(view.name);
    const onet = page.locator('[data-section="onet-links"] a');
    expect(await onet.getAttribute('href')).toBe(
      `https://www.onetonline.org/link/summary/${focus?.mappings[0]?.code}.00`,
    );
    expect(errors).toEqual([]);
  });

  it('searches by SOC code in either form and by a title alias', async () => {
    const { page, errors } = await open();
    const focus = catalog.taxonomy.focuses[11];
    const soc = focus?.mappings[0]?.code ?? '';
    for (const q of [soc, `${soc}.00`]) {
      await page.goto(`${server.url}/`);
      await page.getByLabel(/Search profiles/).fill(q);
      await page.getByRole('button', { name: 'Search' }).click();
      const results = page.locator('[data-section="search-results"] li');
      expect(await results.count(), q).toBe(focus?.levelCodes.length);
      expect(await results.first().textContent(), q).toContain(focus?.name);
    }

    const record = catalog.taxonomy.profiles[200];
    const view = catalog.getProfile(record?.code ?? '');
    const alias = record?.aliases[1]?.text ?? '';
    await page.getByLabel(/Search profiles/).fill(alias);
    await page.getByRole('button', { name: 'Search' }).click();
    const first = page.locator('[data-section="search-results"] li').first();
    expect(await first.textContent()).toContain(`title alias “${alias}”`);
    await first.getByRole('link', { name: view.name }).click();
    expect(await page.locator('h1').textContent()).toBe(view.title);
    expect(errors).toEqual([]);
  });

  it('fits a phone-sized screen, the wide grid scrolling inside its box', async () => {
    const { page } = await open({ width: 390, height: 844 });
    const fits = () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    await page.goto(`${server.url}/functions/${catalog.functions[0]?.code}`);
    expect(await fits()).toBeLessThanOrEqual(0);
    expect(await page.locator('section.grid-scroll').evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(
      true,
    );
    const record = catalog.taxonomy.profiles[0];
    await page.goto(`${server.url}/profiles/${record?.code}`);
    await page.locator('[data-section="aliases"] summary').click();
    expect(await page.locator('[data-section="aliases"] .row-cite').first().isVisible()).toBe(true);
    expect(await fits()).toBeLessThanOrEqual(0);
    const alias = record?.aliases[1]?.rows?.[0];
    await page.goto(
      `${server.url}/sources/${alias?.source}/row?file=${encodeURIComponent(alias?.file ?? '')}&key=${encodeURIComponent(alias?.key ?? '')}`,
    );
    expect(await page.locator('h1').textContent()).toBe(`${alias?.file} · ${alias?.key}`);
    expect(await fits()).toBeLessThanOrEqual(0);
  });
});
