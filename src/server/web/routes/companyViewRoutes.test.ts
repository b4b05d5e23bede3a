import { Hono } from 'hono';
import { beforeAll, describe, expect, it } from 'vitest';
import { PAY_EXPORT_COLUMNS } from '../../../company/companyExports.js';
import { equalValueGroups } from '../../../company/equalValueGroups.js';
import { northwindPayBook } from '../../../company/fixtures/northwindPayBook.js';
import { looksLikeFormula } from '../../../company/looksLikeFormula.js';
import { jobsMostOffBand, PAY_DOTS_PER_ROW, payAgainstMarket } from '../../../company/payAgainstMarket.js';
import { readCsvRecords } from '../../../company/readCsvRecords.js';
import { readXlsxSheets } from '../../../company/readXlsxSheets.js';
import { CanonError } from '../../../core/errors.js';
import type { PayBook } from '../../../core/payBands.js';
import type { Actor } from '../../../core/roles.js';
import { type NorthwindDryRun, northwindDryRun } from '../../../testing/northwindDryRun.js';
import type { WorkspaceMapping } from '../../../workflow/companyWorkspace.js';
import { HTTP_STATUS } from '../../errorStatus.js';
import { GROUP_JOBS_SHOWN } from '../pages/company/EqualValuePage.js';
import { PAY_PAGE_SIZE } from '../pages/company/PayPage.js';
import { registerCompanyViewRoutes } from './companyViewRoutes.js';

const VIEWER: Actor = { id: 'key:test (viewer)', role: 'viewer', workspace: 'acme' };

/** Text as a reader sees it: tags dropped, entities read, spaces collapsed. */
const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');

describe('registerCompanyViewRoutes over the Northwind dry run', () => {
  let run: NorthwindDryRun;
  let payBook: PayBook;
  let mapping: WorkspaceMapping;
  const asked: [string, string][] = [];
  let app: Hono;
  const get = async (path: string) => {
    const res = await app.request(path);
    return { res, status: res.status, html: await res.clone().text() };
  };

  beforeAll(async () => {
    run = await northwindDryRun();
    payBook = northwindPayBook(run.catalog, run.jobs).payBook;
    mapping = {
      import: null,
      jobs: run.jobs,
      correlation: run.correlation,
      decided: { person: 0, dictionary: 0, automatic: run.jobs.length },
    };
    app = new Hono();
    app.onError((error, c) =>
      error instanceof CanonError ? c.text(error.message, HTTP_STATUS[error.code]) : c.text('error', 500),
    );
    registerCompanyViewRoutes(app, {
      catalog: () => run.catalog,
      payBook: () => payBook,
      actor: () => VIEWER,
      mapping: async (actor, workspace) => {
        asked.push([actor.id, workspace]);
        if (workspace !== 'acme') throw new CanonError('not_found', `No workspace "${workspace}".`);
        return mapping;
      },
    });
  });

  it("asks for the workspace's mapping as the request's actor, and answers its refusal", async () => {
    expect((await get('/w/acme/matrix')).status).toBe(200);
    expect(asked.at(-1)).toEqual([VIEWER.id, 'acme']);
    expect((await get('/w/other/matrix')).status).toBe(404);
    expect((await get('/w/acme/exports/secrets.csv')).status).toBe(404);
  });

  it('renders the matrix: titles in their focus × level cells, empty levels visible, totals, the jobs not placed', async () => {
    const { html } = await get('/w/acme/matrix');
    const placed = run.jobs.filter((j) => j.match.focus && j.match.level);
    const people = run.jobs.reduce((s, j) => s + j.headcount, 0);
    expect(text(html)).toContain(`${placed.length} of ${run.jobs.length} jobs`);
    expect(text(html)).toContain(`of ${people} people`);
    for (const job of placed) {
      const row = html.split(`data-focus="${job.match.focus?.code}"`)[1]?.split('</tr>')[0] ?? '';
      const cell = row.split(`data-level="${job.match.level?.code}"`)[1]?.split('</td>')[0] ?? '';
      expect(text(cell), `line ${job.line}`).toContain(job.title.trim().replace(/\s+/g, ' '));
    }
    expect(html).toMatch(/<td class="cell empty"[^>]*data-headcount="0"><span class="muted">none<\/span>/);
    expect(html).toContain('<table class="grid matrix">');
    const unplaced = html.split('data-section="unplaced"')[1] ?? '';
    for (const j of run.jobs.filter((x) => !x.match.focus || !x.match.level))
      expect(text(unplaced)).toContain(`Line ${j.line}:`);
    expect(html).toContain('href="/w/acme/exports/matrix.csv"');
  });

  it('renders the grades: the table, a chart with a mark per grade, the inconsistencies and a form per grade', async () => {
    const { html } = await get('/w/acme/grades');
    for (const g of run.correlation.grades) {
      const row = html.split(`<tr data-grade="${g.grade}">`)[1]?.split('</tr>')[0] ?? '';
      expect(text(row)).toContain(g.levels.join(' / '));
      expect(html).toContain(`<g class="grade basis-${g.basis}" data-grade="${g.grade}">`);
      const form =
        html.split(`data-grade="${g.grade}"><input type="hidden" name="grade" value="${g.grade}"`)[1] ?? '';
      expect(form).toContain('name="levels"');
    }
    expect(html.match(/<form method="post" action="\/w\/acme\/grades"/g)).toHaveLength(
      run.correlation.grades.length,
    );
    expect(text(html)).toContain(`To look at (${run.correlation.inconsistencies.length})`);
    for (const i of run.correlation.inconsistencies) expect(text(html)).toContain(i.message);
  });

  it('renders the level guide a grade to a printed page, and downloads it as Markdown', async () => {
    const { html } = await get('/w/acme/level-guide');
    expect(html.match(/<section class="guide-grade"/g)).toHaveLength(run.correlation.grades.length);
    expect(html).toContain('href="/w/acme/level-guide.md"');
    const md = await get('/w/acme/level-guide.md');
    expect(md.res.headers.get('content-disposition')).toBe('attachment; filename="acme-level-guide.md"');
    for (const g of run.correlation.grades)
      expect(md.html).toContain(`## Grade ${g.grade} — ${g.levels.join(' / ')}`);
  });

  it("draws each row's spread with a bounded number of dots, and pages the jobs, most off their band first", async () => {
    const { html } = await get('/w/acme/pay');
    const pay = payAgainstMarket(run.jobs, payBook);
    const rows = pay.summary.filter((r) => r.spread);
    expect(html.match(/<g class="pay-row"/g)).toHaveLength(rows.length);
    for (const r of rows) {
      const label = `${r.function} · ${r.level}`.replace(/&/g, '&amp;').replace(/'/g, '&#39;');
      const g = html.split(`data-row="${label}" data-jobs="${r.spread?.jobs}"`)[1] ?? '';
      expect(g, label).not.toBe('');
      const row = g.split('<g class="pay-row"')[0]?.split('</svg>')[0] ?? '';
      expect(row.match(/<circle /g)?.length ?? 0).toBe(Math.min(PAY_DOTS_PER_ROW, r.spread?.jobs ?? 0));
    }
    const compared = pay.jobs.filter((j) => j.compaRatio !== null).length;
    expect(html.match(/<circle /g)?.length).toBeLessThan(compared);
    const pages = Math.ceil(pay.jobs.length / PAY_PAGE_SIZE);
    expect(pages).toBeGreaterThan(1);
    expect(text(html)).toContain(`Jobs 1–${PAY_PAGE_SIZE} of ${pay.jobs.length}`);
    expect(text(html)).toContain(`Page 1 of ${pages}`);
    expect(html).toContain('href="/w/acme/pay?page=2#jobs-h"');
    expect(html).toContain('href="/w/acme/exports/pay.csv"');
    const lines: number[] = [];
    for (let page = 1; page <= pages; page++) {
      const body = page === 1 ? html : (await get(`/w/acme/pay?page=${page}`)).html;
      lines.push(...[...body.matchAll(/<tr data-line="(\d+)">/g)].map((m) => Number(m[1])));
    }
    expect(lines).toEqual(jobsMostOffBand(pay.jobs).map((j) => j.job.line));
    for (const j of pay.jobs) {
      const row = html.split(`<tr data-line="${j.job.line}">`)[1]?.split('</tr>')[0];
      if (row === undefined) continue;
      if (j.compaRatio === null) expect(text(row)).toContain(j.reason ?? '');
      else expect(row).toContain(`data-compa="${j.compaRatio.toFixed(2)}"`);
    }
    const last = await get(`/w/acme/pay?page=${pages}`);
    expect(text(last.html)).toContain('Not compared: no exchange rate is applied');
    expect(text((await get(`/w/acme/pay?page=${pages + 1}`)).html)).toContain(
      `No jobs on page ${pages + 1}: there are ${pay.jobs.length}`,
    );
    expect((await get('/w/acme/pay?page=0')).status).toBe(400);
    expect((await get('/w/acme/pay?page=two')).status).toBe(400);
  });

  it("serves every compared job's pay as pay.csv, in the file's order, formulas neutralised", async () => {
    const pay = payAgainstMarket(run.jobs, payBook);
    const csv = await get('/w/acme/exports/pay.csv');
    expect(csv.res.headers.get('content-disposition')).toBe('attachment; filename="acme-pay.csv"');
    const records = readCsvRecords(csv.html).records.map((r) => r.cells);
    expect(records[0]).toEqual([...PAY_EXPORT_COLUMNS]);
    expect(records.slice(1).map((r) => Number(r[0]))).toEqual(pay.jobs.map((j) => j.job.line));
    const compa = PAY_EXPORT_COLUMNS.indexOf('compa_ratio');
    for (const [i, j] of pay.jobs.entries()) {
      const cell = records[i + 1]?.[compa] ?? '';
      if (j.compaRatio === null) expect(cell).toBe('');
      else expect(Number(cell)).toBeCloseTo(j.compaRatio, 3);
    }
    const title = PAY_EXPORT_COLUMNS.indexOf('title');
    for (const r of records.slice(1)) expect(looksLikeFormula(r[title] ?? '')).toBe(false);
  });

  it('states the equal-value method and limits, and each group with its gap, small ones marked', async () => {
    const { html } = await get('/w/acme/equal-value');
    expect(text(html)).toContain('effort — not stated');
    expect(text(html)).toContain('Effort and working conditions are not stated');
    expect(html).toContain('class="too-few"');
    expect(html.match(/<tr data-group=/g)?.length).toBeGreaterThan(3);
  });

  it('lists at most GROUP_JOBS_SHOWN jobs a group, most people first, and counts the rest', async () => {
    const full = mapping;
    // Northwind four times over, so that groups outgrow the bound.
    const jobs = [0, 1, 2, 3].flatMap((copy) =>
      run.jobs.map((j) => ({ ...j, line: j.line + copy * 10_000, headcount: j.headcount + copy })),
    );
    mapping = { ...full, jobs };
    try {
      const { html } = await get('/w/acme/equal-value');
      const groups = equalValueGroups(jobs, run.catalog).groups;
      let over = 0;
      for (const g of groups) {
        const section =
          html.split(`id="group-${g.level.code}-${g.currency}"`)[1]?.split('</section>')[0] ?? '';
        const items = section.split('data-jobs=')[1]?.split('</ul>')[0] ?? '';
        expect(section).toContain(`<ul class="small" data-jobs="${g.jobs.length}">`);
        const shown = Math.min(GROUP_JOBS_SHOWN, g.jobs.length);
        const listed = [...items.matchAll(/<li>Line (\d+):/g)].map((m) => Number(m[1]));
        expect(listed).toEqual(g.jobs.slice(0, shown).map((j) => j.line));
        const heads = g.jobs.map((j) => j.headcount);
        expect(heads).toEqual([...heads].sort((a, b) => b - a));
        if (g.jobs.length > GROUP_JOBS_SHOWN) {
          over += 1;
          expect(text(items)).toContain(`and ${g.jobs.length - GROUP_JOBS_SHOWN} more`);
        } else expect(items).not.toContain('data-more');
      }
      expect(over).toBeGreaterThan(0);
    } finally {
      mapping = full;
    }
  });

  it('links the exports, and serves them: the mapping a row per job, formulas neutralised, the matrix by cell', async () => {
    const { html } = await get('/w/acme/exports');
    for (const f of ['mapping.csv', 'mapping.xlsx', 'matrix.csv', 'matrix.xlsx', 'pay.csv'])
      expect(html).toContain(`href="/w/acme/exports/${f}"`);
    const csv = await get('/w/acme/exports/mapping.csv');
    expect(csv.res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const records = readCsvRecords(csv.html).records;
    expect(records).toHaveLength(run.jobs.length + 1);
    const formula = run.jobs.find((j) => looksLikeFormula(j.title));
    expect(records.map((r) => r.cells[2])).toContain(`'${formula?.title}`);
    const xlsx = await get('/w/acme/exports/mapping.xlsx');
    const [sheet] = await readXlsxSheets(new Uint8Array(await xlsx.res.arrayBuffer()), 'mapping.xlsx');
    expect(sheet?.rows).toHaveLength(run.jobs.length + 1);
    expect(sheet?.formulas).toEqual([]);
    const matrix = readCsvRecords((await get('/w/acme/exports/matrix.csv')).html).records;
    expect(matrix[0]?.cells.slice(0, 3)).toEqual(['function', 'focus', 'level']);
  });
});
