import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, launchChromium } from '../../testing/chromium.js';
import { testApp } from '../../testing/testApp.js';
import { type RunningServer, startServer } from '../startServer.js';

describe.skipIf(!chromiumAvailable)('the API reference in Chromium', () => {
  let ctx: Awaited<ReturnType<typeof testApp>>;
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  /** Script errors and Content-Security-Policy violations, which Chromium reports as console errors. */
  const errors: string[] = [];
  beforeAll(async () => {
    ctx = await testApp();
    server = await startServer(ctx.app, '127.0.0.1', 0);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    await page.goto(`${server.url}/api/docs`);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await ctx?.store.close();
  });

  it('shows a POST operation with its request body, its fields and an example', async () => {
    const batch = page.locator('#resolveTitles');
    await batch.scrollIntoViewIfNeeded();
    const body = batch.getByRole('region', { name: 'Request body of resolveTitles' });
    expect(await body.isVisible()).toBe(true);
    expect(await body.locator('tbody th').allTextContents()).toEqual(['titlesrequired', 'top']);
    const example = body.locator('figure.example pre');
    expect(await example.isVisible()).toBe(true);
    expect(JSON.parse((await example.textContent()) ?? '')).toMatchObject({
      titles: ['Director of Engineering', { title: 'Engineering Manager' }],
    });
    expect(await batch.locator('.op-meta').textContent()).toContain(
      'None — unless this server keeps reads private',
    );
  });

  it('opens an example answer without any script', async () => {
    const answer = page.locator('#getLevel details.example').first();
    expect(await answer.locator('pre').isVisible()).toBe(false);
    await answer.locator('summary').click();
    expect(JSON.parse((await answer.locator('pre').textContent()) ?? '')).toMatchObject({
      code: 'M3',
      rank: 5,
    });
  });

  it('reads types as a person would, and lists every field of a schema that extends another', async () => {
    const version = page.locator('#schema-ProfileSummary tr', {
      has: page.locator('code', { hasText: /^version$/ }),
    });
    expect(await version.locator('code.type').textContent()).toBe('integer | null');
    const extended = page.locator('#schema-Version');
    expect(await extended.textContent()).toContain('Has every field of VersionSummary');
    expect(await extended.locator('tbody th').allTextContents()).toEqual(['contentrequired']);
    const link = page.locator('#schema-Version a', { hasText: 'ProfileContent' });
    await link.click();
    expect(page.url()).toMatch(/#schema-ProfileContent$/);
  });

  it('fits 1280 px: nothing is wider than the page or than the box it sits in', async () => {
    const overflowing = await page.evaluate(() =>
      Array.from(document.querySelectorAll('main *'))
        .filter(
          (el) =>
            !el.matches('.visually-hidden') && el.clientWidth > 0 && el.scrollWidth > el.clientWidth + 1,
        )
        .map((el) => `${el.tagName.toLowerCase()}.${el.className} ${el.scrollWidth} > ${el.clientWidth}`),
    );
    expect(overflowing).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(1280);
    expect(errors).toEqual([]);
  });

  it('fits a phone too, wide tables scrolling inside their boxes', async () => {
    const phone = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await phone.goto(`${server.url}/api/docs#proposeChange`);
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBe(390);
    await phone.close();
  });
});
