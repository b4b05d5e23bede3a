import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBuiltinTaxonomy } from '../../builtin/loadBuiltinTaxonomy.js';
import { NORTHWIND_ANSWERS, NORTHWIND_CSV } from '../../company/fixtures/northwindXlsx.js';
import { looksLikeFormula } from '../../company/looksLikeFormula.js';
import { readCsvRecords } from '../../company/readCsvRecords.js';
import { PROJECT_ROOT } from '../../config/readConfig.js';
import type { Actor } from '../../core/roles.js';
import { startsLikeFormula } from '../../core/toCsv.js';
import { chromiumAvailable, launchChromium } from '../../testing/chromium.js';
import { testApp } from '../../testing/testApp.js';
import { clonedStore } from '../../testing/testStore.js';
import { syncBuiltinTaxonomy } from '../../workflow/syncBuiltinTaxonomy.js';
import { Workspaces } from '../../workflow/workspaces.js';
import { type RunningServer, startServer } from '../startServer.js';

/**
 * A people team's whole path through the served app (appForCanon over a cloned store, signed in with a
 * workspace's key as a person would be): sign in, import the Northwind catalog, review, the matrix, a
 * grade set by hand, the mapping's export; and a key of another workspace seeing none of it. The tests
 * run in order: the later ones look at the workspace the first one filled.
 */
const OPERATOR: Actor = { id: 'cli:e2e', role: 'admin', operator: true };
/** How long a dry run or a store of the fixture may take on a busy machine: its page reloads until done. */
const WORK_MS = 120_000;
const KNOWN_TITLE = 'Senior Accountant';

/** A function's name as northwind-answers.csv spells it ("Finance & Accounting" → finance-and-accounting). */
const answerKey = (name: string) =>
  name
    .toLowerCase()
    .replace(/&/g, 'and')
    .replace(/[^a-z]+/g, '-')
    .replace(/^-|-$/g, '');

describe.skipIf(!chromiumAvailable)('a company mapped end to end in Chromium, on the served app', () => {
  let ctx: Awaited<ReturnType<typeof testApp>>;
  let server: RunningServer;
  let browser: Browser;
  let northwindKey: string;
  let contosoKey: string;
  beforeAll(async () => {
    // As `canon serve` has it: the curated taxonomy with the generated release beside it.
    const store = await clonedStore();
    await syncBuiltinTaxonomy(store.db, (await loadBuiltinTaxonomy(join(PROJECT_ROOT, 'data'))).taxonomy);
    ctx = await testApp({ store });
    const workspaces = new Workspaces(ctx.store.db);
    await workspaces.create(OPERATOR, { id: 'northwind', name: 'Northwind Traders' });
    await workspaces.create(OPERATOR, { id: 'contoso', name: 'Contoso Pharma' });
    northwindKey = (await workspaces.createKey(OPERATOR, 'northwind', 'hr-editor', 'editor')).key;
    contosoKey = (await workspaces.createKey(OPERATOR, 'contoso', 'contoso-admin', 'admin')).key;
    server = await startServer(ctx.app, '127.0.0.1', 0);
    browser = await launchChromium();
  }, WORK_MS);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await ctx?.store.close();
  });

  /**
   * A browser context of its own (its own cookies) whose pages record script errors and
   * Content-Security-Policy violations, both of which Chromium reports as console errors.
   */
  async function open(viewport = { width: 1280, height: 900 }) {
    const context = await browser.newContext({ viewport, acceptDownloads: true });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    return { context, page, errors };
  }
  /** Waits (through the progress page's reloads) for a page showing `selector`, its stylesheet applied. */
  async function arrive(page: Page, selector: string): Promise<void> {
    await page.waitForSelector(selector, { timeout: WORK_MS });
    await page.waitForLoadState('load');
  }
  /** How far the page scrolls sideways: nothing may overflow the screen. */
  const overflow = (page: Page) =>
    page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  const signIn = async (page: Page, workspace: string, key: string) => {
    await page.goto(`${server.url}/w/${workspace}/sign-in`);
    await page.getByLabel('API key').fill(key);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForLoadState('load');
  };
  const counted = async (page: Page, by: 'person' | 'dictionary' | 'automatic') =>
    Number((await page.locator(`[data-decided="${by}"]`).textContent())?.replace(/,/g, ''));

  it(
    'signs in, imports, reviews, shows the matrix, sets a grade and exports the mapping',
    async () => {
      const { context, page, errors } = await open();

      // Without the cookie a workspace's page sends the browser to its sign-in form.
      await page.goto(`${server.url}/w/northwind/matrix`);
      expect(new URL(page.url()).pathname).toBe('/w/northwind/sign-in');
      await signIn(page, 'northwind', northwindKey);
      expect(new URL(page.url()).pathname).toBe('/w/northwind');
      const [cookie] = await context.cookies();
      expect([cookie?.name, cookie?.path, cookie?.httpOnly, cookie?.sameSite]).toEqual([
        'canon_key',
        '/w/northwind',
        true,
        'Strict',
      ]);

      // The dry run the page should show: the same file read with the same guessed columns.
      const bytes = await readFile(NORTHWIND_CSV);
      const expected = ctx.canon.company.preview(OPERATOR, 'northwind', bytes, 'northwind-catalog.csv');

      await page.locator('nav.workspace-nav a[data-section="import"]').click();
      await page.setInputFiles('#file', fileURLToPath(NORTHWIND_CSV));
      await page.getByRole('button', { name: 'Upload and read the columns' }).click();
      await arrive(page, '[data-section="mapping"]');
      expect(await page.locator('#col-title option:checked').textContent()).toBe('Business Title');
      expect(await page.locator('#col-department option:checked').textContent()).toBe('Dept');
      await page.getByRole('button', { name: 'Run the dry run with these columns' }).click();

      await arrive(page, '[data-section="problems"]');
      const preview = await expected;
      const shownLines = await page
        .locator('[data-list="problems"] li')
        .evaluateAll((items) => items.map((li) => Number(li.getAttribute('data-line'))));
      expect(shownLines.length).toBeGreaterThan(0);
      expect(shownLines).toEqual(preview.plan.problems.map((p) => p.line));
      expect(await page.locator('[data-list="problems"] li').first().textContent()).toMatch(/^line \d+: /);

      await page.getByRole('button', { name: 'Store this import' }).click();
      await arrive(page, '[data-section="stored"]');
      expect(await counted(page, 'automatic')).toBe(preview.jobs.length);

      // Review: search a profile for the first title waiting, use it, and see the counts move.
      await page.getByRole('link', { name: 'Go to the review queue' }).click();
      const waiting = async () =>
        Number(/\d+/.exec((await page.locator('#queue-h').textContent()) ?? '')?.[0]);
      const before = { waiting: await waiting(), automatic: await counted(page, 'automatic') };
      expect(await counted(page, 'person')).toBe(0);
      const item = page.locator('.queue-item').first();
      const line = await item.getAttribute('data-job');
      // Any profile will do: this follows a person's decision through the pages, not its wisdom.
      await item.getByLabel(/Pick another profile/).fill('accountant');
      await item.getByRole('button', { name: 'Search' }).click();
      await arrive(page, `#job-${line} [data-section="pick-results"]`);
      await page.locator(`#job-${line}`).getByRole('button', { name: 'Use this profile' }).first().click();
      await arrive(page, '[data-section="decision-notice"]');
      const rows = Number(
        /: (\d+) rows?\./.exec(
          (await page.locator('[data-section="decision-notice"]').textContent()) ?? '',
        )?.[1],
      );
      expect(rows).toBeGreaterThan(0);
      expect(await counted(page, 'person')).toBe(rows);
      expect(await counted(page, 'automatic')).toBe(before.automatic - rows);
      expect(await waiting()).toBe(before.waiting - 1);
      expect(await page.locator(`#job-${line}`).count()).toBe(0);

      // The matrix: the known title in a cell of the function and level the fixture meant for it.
      await page.locator('nav.workspace-nav a[data-section="matrix"]').click();
      await page.waitForLoadState('load');
      const [, ...answers] = readCsvRecords(await readFile(NORTHWIND_ANSWERS, 'utf8')).records;
      const known = preview.jobs.find((j) => j.title === KNOWN_TITLE);
      const intent = answers.find((a) => Number(a.cells[0]) === known?.line)?.cells ?? [];
      const fn = ctx.catalog.functions.find((f) => answerKey(f.name) === intent[1]);
      expect(fn, `a function for ${intent[1]}`).toBeDefined();
      const cell = page
        .locator(`section[data-function="${fn?.code}"] td.cell[data-level="${intent[2]}"]`)
        .filter({ has: page.locator('.cell-titles li', { hasText: KNOWN_TITLE }) });
      expect(await cell.count()).toBeGreaterThan(0);
      expect(await cell.first().isVisible()).toBe(true);
      const empty = page.locator('td.cell.empty').first();
      expect(await empty.textContent()).toBe('none');
      await empty.scrollIntoViewIfNeeded();
      expect(await empty.isVisible()).toBe(true);
      expect(await overflow(page)).toBeLessThanOrEqual(0);

      // Grades: set the first grade by hand, with a reason, and see the table say so.
      await page.goto(`${server.url}/w/northwind/grades`);
      const form = page.locator('form.grade-form').first();
      const grade = (await form.getAttribute('data-grade')) ?? '';
      const levels = (await form.locator('input[name="levels"]').getAttribute('placeholder')) ?? '';
      expect(levels).toMatch(/^[A-Z]\d+(\.\.[A-Z]\d+)?$/);
      await form.locator('input[name="levels"]').fill(levels);
      await form.locator('input[name="reason"]').fill('Agreed with the HR lead in calibration');
      await form.getByRole('button', { name: 'Save' }).click();
      await page.waitForLoadState('load');
      expect(new URL(page.url()).pathname).toBe('/w/northwind/grades');
      const row = page.locator(`[data-section="grades"] tr[data-grade="${grade}"]`);
      expect(await row.locator('td').nth(4).textContent()).toBe('set by hand');
      expect(await row.locator('td').nth(0).textContent()).toBe(levels.split('..').join(' / '));
      expect(
        await page.locator(`form.grade-form[data-grade="${grade}"] input[name="levels"]`).inputValue(),
      ).toBe(levels);

      // The mapping's export: every stored job, formula-looking cells neutralised.
      await page.goto(`${server.url}/w/northwind/exports`);
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.locator('[data-section="exports"] a[href$="/exports/mapping.csv"]').click(),
      ]);
      const csv = await readFile((await download.path()) ?? '', 'utf8');
      const [header, ...records] = readCsvRecords(csv).records;
      const stored = await ctx.canon.company.mapping(OPERATOR, 'northwind');
      expect(header?.cells[0]).toBe('line');
      expect(records.map((r) => Number(r.cells[0]))).toEqual(stored.jobs.map((j) => j.line));
      const formula = stored.jobs.find((j) => looksLikeFormula(j.title));
      expect(formula?.title).toContain('=HYPERLINK(');
      expect(records.map((r) => r.cells[2])).toContain(`'${formula?.title}`);
      expect(records.flatMap((r) => r.cells).filter(startsLikeFormula)).toEqual([]);

      expect(errors).toEqual([]);
      await context.close();
    },
    4 * WORK_MS,
  );

  it('fits the matrix, and the grades form, on a phone: the wide grids scroll inside their boxes', async () => {
    const { context, page, errors } = await open({ width: 390, height: 844 });
    await signIn(page, 'northwind', northwindKey);
    await page.goto(`${server.url}/w/northwind/matrix`);
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    const grids = page.locator('section[data-function] .grid-scroll');
    expect(await grids.count()).toBeGreaterThan(0);
    expect(await grids.first().evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
    // The jobs not placed include the =HYPERLINK title, one long unbroken word.
    expect(await page.locator('[data-section="unplaced"]').textContent()).toContain('=HYPERLINK(');
    await page.goto(`${server.url}/w/northwind/grades`);
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("keeps northwind's matrix from a browser signed in to another workspace", async () => {
    const { context, page, errors } = await open();
    await signIn(page, 'contoso', contosoKey);
    expect(new URL(page.url()).pathname).toBe('/w/contoso');

    // Its cookie is contoso's alone: at northwind the browser is asked to sign in, and the key is refused there.
    await page.goto(`${server.url}/w/northwind/matrix`);
    expect(new URL(page.url()).pathname).toBe('/w/northwind/sign-in');
    await signIn(page, 'northwind', contosoKey);
    expect(await page.getByRole('alert').textContent()).toContain(
      'That is not a key of workspace "northwind"',
    );

    // Even carried to northwind's pages by hand, contoso's key gets the 404 of a workspace that is not there.
    await context.addCookies([
      { name: 'canon_key', value: contosoKey, domain: '127.0.0.1', path: '/w/northwind', httpOnly: true },
    ]);
    const answer = await page.goto(`${server.url}/w/northwind/matrix`);
    expect(answer?.status()).toBe(404);
    expect(await page.content()).not.toContain(KNOWN_TITLE);
    expect(await page.content()).not.toContain('Northwind Traders');
    // The browser logs the refusals it was given (401, 404); nothing else may go wrong.
    expect(errors.filter((e) => !/status of (401|404)/.test(e))).toEqual([]);
    await context.close();
  });
});
