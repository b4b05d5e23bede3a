import { readFileSync } from 'node:fs';
import type { Hono } from 'hono';
import { beforeAll, describe, expect, it } from 'vitest';
import { NORTHWIND_CSV, northwindXlsx } from '../../../company/fixtures/northwindXlsx.js';
import { companyPagesApp } from '../../../testing/companyPagesApp.js';
import { HeldImports } from '../../../testing/heldImports.js';

const IMPORT = '/w/northwind/import';
const REVIEW = '/w/northwind/review';

/** A page's text without its tags, spaces collapsed: what a reader sees. */
const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, ' ');

describe('the import and review pages of a workspace', () => {
  let app: Hono;
  let company: HeldImports;
  const csv = readFileSync(NORTHWIND_CSV);

  beforeAll(async () => {
    ({ app, company } = await companyPagesApp(HeldImports));
  });

  const get = (path: string, actor = 'editor') => app.request(path, { headers: { 'x-test-actor': actor } });
  const post = (path: string, body: FormData | URLSearchParams, actor = 'editor') =>
    app.request(path, { method: 'POST', body, headers: { 'x-test-actor': actor } });
  const upload = (bytes: Uint8Array, name: string) => {
    const form = new FormData();
    form.set('file', new File([new Uint8Array(bytes)], name));
    return post(IMPORT, form);
  };
  /** A run's page once `done` holds (by default, once its work is done: while it works, the page asks to be reloaded). */
  async function settled(
    path: string,
    done = (_page: string, res: Response) => !res.headers.get('refresh'),
  ): Promise<Response> {
    for (let attempt = 0; attempt < 5_000; attempt++) {
      const res = await get(path);
      if (done(await res.clone().text(), res)) return res;
      // A timer, not a microtask: the run's work is scheduled on the event loop and must get its turn.
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    throw new Error(`${path} never settled`);
  }
  /** Uploads a file and returns its run's address. */
  async function started(bytes: Uint8Array, name: string): Promise<string> {
    const res = await upload(bytes, name);
    expect(res.status).toBe(303);
    return res.headers.get('location') ?? '';
  }
  const selected = (html: string, role: string) =>
    new RegExp(`<select id="col-${role}"[^>]*>.*?<option[^>]*selected[^>]*>([^<]*)</option>`, 's').exec(
      html,
    )?.[1];
  /** The mapping step's form as the page preselects it, with changes. */
  function mappingForm(html: string, changes: Record<string, string> = {}): URLSearchParams {
    const form = new URLSearchParams();
    for (const m of html.matchAll(/<select id="col-(\w+)" name="(col_\w+)">(.*?)<\/select>/gs)) {
      const value = /<option value="([^"]*)" selected/.exec(m[3] ?? '')?.[1] ?? '';
      form.set(m[2] ?? '', value);
    }
    for (const [k, v] of Object.entries(changes)) form.set(k, v);
    return form;
  }

  it('reads an upload, shows the guessed columns with their reasons, and the dry run with every problem by its line', async () => {
    const run = await started(csv, 'northwind-catalog.csv');
    const mapping = await (await settled(run)).text();
    expect(selected(mapping, 'title')).toBe('Business Title');
    expect(selected(mapping, 'department')).toBe('Dept');
    expect(text(mapping)).toContain('header "Business Title" is a usual name for the job title');

    // Keeping the guess is that dry run: no second one.
    const kept = await post(`${run}/columns`, mappingForm(mapping));
    expect(kept.headers.get('location')).toBe(run);
    const dryRun = await (await settled(run)).text();
    const preview = await company.preview(
      { id: 't', role: 'editor', workspace: 'northwind' },
      'northwind',
      csv,
      'northwind-catalog.csv',
    );
    expect(preview.plan.problems.length).toBeGreaterThan(0);
    for (const p of preview.plan.problems) expect(dryRun).toContain(`<li data-line="${p.line}">`);
    expect(text(dryRun)).toContain(`rows read ${preview.plan.summary.read}`);
    expect(dryRun).toContain('data-section="grades"');
    // Rows are shown a page at a time; every one is in the download, with the problems.
    expect((dryRun.match(/<tr data-line=/g) ?? []).length).toBe(Math.min(100, preview.jobs.length));
    const download = await get(`${run}/mapping.csv`);
    expect(download.headers.get('content-disposition')).toContain('northwind-catalog-dry-run.csv');
    const lines = (await download.text()).trimEnd().split('\r\n');
    expect(lines[0]).toMatch(/^line,Job Code,Business Title/);
    expect(lines.length).toBeGreaterThanOrEqual(preview.plan.summary.lines + 1);
  });

  it('shows a dry run’s progress while it works, the page reloading itself, and refuses a second one meanwhile', async () => {
    let release = () => {};
    company.hold = new Promise((resolve) => {
      release = resolve;
    });
    const run = await started(csv, 'northwind-catalog.csv');
    // The dry run starts after the upload's answer (on the next turn of the event loop).
    const working = await settled(run, (page) => page.includes('matching titles'));
    expect(working.headers.get('refresh')).toBe('1');
    expect(await working.text()).toContain('<progress max="1000" value="250"');
    const second = await upload(csv, 'northwind-catalog.csv');
    expect(second.status).toBe(409);
    expect(text(await second.text())).toContain('A dry run of "northwind-catalog.csv" is still working');
    company.hold = null;
    release();
    expect(await (await settled(run)).text()).toContain('data-section="mapping"');
  });

  it('shows the rows matched so far while a large file is matched, answering other requests meanwhile', async () => {
    // Northwind's rows ten times over: thousands of rows, matched in chunks.
    const [banner = '', header = '', ...rows] = readFileSync(NORTHWIND_CSV, 'utf8').trimEnd().split('\n');
    const large = Buffer.from([banner, header, ...Array.from({ length: 10 }, () => rows).flat()].join('\n'));
    const events: string[] = [];
    let asked: Promise<string> | null = null;
    let run = '';
    company.watch = (stage, done, total) => {
      if (stage !== 'matching titles') return;
      events.push(done < total ? 'matching' : 'matched');
      // Asked while the first chunk's progress is reported: answered only if matching lets the server turn.
      asked ??= (async () => {
        const page = await (await get(run)).text();
        events.push('answered');
        return page;
      })();
    };
    run = await started(large, 'northwind-x10.csv');
    try {
      await settled(run);
    } finally {
      company.watch = null;
    }
    const page = text(await (asked ?? Promise.resolve('')));
    expect(page).toContain('matching titles');
    expect(page).toMatch(/\b500 of [\d,]+ rows/);
    expect(events.indexOf('answered')).toBeGreaterThan(0);
    expect(events.indexOf('answered')).toBeLessThan(events.indexOf('matched'));
  });

  it('runs the dry run again with a column the user picked', async () => {
    const run = await started(csv, 'northwind-catalog.csv');
    const mapping = await (await settled(run)).text();
    const res = await post(`${run}/columns`, mappingForm(mapping, { col_location: '' }));
    const next = res.headers.get('location') ?? '';
    expect(next).not.toBe(run);
    const dryRun = text(await (await settled(next)).text());
    expect(dryRun).toContain('Job title ← “Business Title”');
    expect(dryRun).not.toContain('Location ←');
  });

  it('quotes an unknown column, a file that is neither CSV nor XLSX, and an upload over 50 MB', async () => {
    const run = await started(csv, 'northwind-catalog.csv');
    const mapping = await (await settled(run)).text();
    const bad = await post(`${run}/columns`, mappingForm(mapping, { col_grade: 'Pay Band' }));
    const failed = await settled(bad.headers.get('location') ?? '');
    expect(failed.status).toBe(400);
    expect(text(await failed.text())).toContain('No column "Pay Band"; the headers are "Job Code"');

    const pdf = await upload(new TextEncoder().encode('%PDF-1.4'), 'ladder.pdf');
    expect(pdf.status).toBe(400);
    expect(text(await pdf.text())).toContain('"ladder.pdf" is not a CSV or XLSX file');

    const big = await upload(new Uint8Array(51 * 1024 * 1024), 'huge.csv');
    expect(big.status).toBe(413);
    expect(text(await big.text())).toContain('The upload is over 50 MB');
  });

  it('offers a workbook’s sheets, the one read selected', async () => {
    const { bytes } = northwindXlsx(3, 40);
    const run = await started(bytes, 'northwind.xlsx');
    const mapping = await (await settled(run)).text();
    const sheet = /<select id="sheet" name="sheet">(.*?)<\/select>/s.exec(mapping)?.[1] ?? '';
    expect([...sheet.matchAll(/<option value="([^"]*)"/g)].map((m) => m[1])).toEqual([
      'Jobs',
      'About',
      'Lookups',
    ]);
    expect(/<option value="Jobs" selected/.test(sheet)).toBe(true);
  });

  it('keeps a run, the queue and the pages from another workspace’s actor and from a viewer’s import', async () => {
    const run = await started(csv, 'northwind-catalog.csv');
    await settled(run);
    expect((await get(run, 'stranger')).status).toBe(404);
    expect((await get(REVIEW, 'stranger')).status).toBe(404);
    expect((await get(IMPORT, 'viewer')).status).toBe(403);
  });

  it('stores exactly the dry run shown, then reviews: a search, a decision, the queue and counts after', async () => {
    const run = await started(csv, 'northwind-catalog.csv');
    const mapping = await (await settled(run)).text();
    const next = (await post(`${run}/columns`, mappingForm(mapping, { col_location: '' }))).headers.get(
      'location',
    ) as string;
    await settled(next);
    const before = company.stored.length;
    const store = await post(`${next}/store`, new URLSearchParams());
    expect(store.status).toBe(303);
    const stored = text(await (await settled(next)).text());
    expect(company.stored.length).toBe(before + 1);
    expect(company.stored.at(-1)?.options.columns?.get('location')).toBeNull();
    expect(stored).toMatch(/By a person 0 By the dictionary 0 Automatically \d+/);

    const queuePage = await (await get(REVIEW)).text();
    const first = /data-job="(\d+)"/.exec(queuePage)?.[1] ?? '';
    const title =
      /<h3>([^<]+?) <span/.exec(queuePage.slice(queuePage.indexOf(`data-job="${first}"`)))?.[1] ?? '';
    const waiting = Number(/(\d+) titles? waits? for a person/.exec(text(queuePage))?.[1]);
    const search = await (
      await get(`${REVIEW}?pick=${first}&q=${encodeURIComponent('software engineer')}`)
    ).text();
    const results = search.slice(search.indexOf('data-section="pick-results"'));
    const profile = /<option value="([^"]+)" selected/.exec(results)?.[1] ?? '';
    const department = /name="department" value="([^"]*)"/.exec(results)?.[1] ?? '';
    expect(profile).toMatch(/^[A-Z]{6}\.[A-Z]{8}[0-9A-F]{4}\.[SPME]\d$/);

    const decided = await post(
      '/w/northwind/review/decide',
      new URLSearchParams({
        title: title.replace(/&amp;/g, '&'),
        department: department.replace(/&amp;/g, '&'),
        profile,
      }),
    );
    expect(decided.status).toBe(303);
    const after = await (await get(decided.headers.get('location') ?? '')).text();
    expect(after).not.toContain(`data-job="${first}"`);
    expect(text(after)).toContain(`${waiting - 1} ${waiting - 1 === 1 ? 'title waits' : 'titles wait'}`);
    expect(Number(/data-decided="person">(\d+)/.exec(after)?.[1])).toBeGreaterThan(0);

    // The workspace changed after the first dry run: storing it now would store something unseen.
    const stale = await post(`${run}/store`, new URLSearchParams());
    expect(stale.status).toBe(409);
    expect(text(await stale.text())).toContain('run the dry run again');
  });

  it('hides the decision forms from a viewer', async () => {
    const queue = await (await get(REVIEW, 'viewer')).text();
    // After the store above, the queue holds jobs: an editor sees its forms, a viewer none.
    expect(await (await get(REVIEW)).text()).toContain('Confirm this match');
    expect(queue).toContain('data-job=');
    expect(queue).not.toContain('Confirm this match');
    expect(queue).not.toContain('Pick another profile');
  });
});
