import { Hono } from 'hono';
import { beforeAll, describe, expect, it } from 'vitest';
import { northwindPayBook } from '../../../company/fixtures/northwindPayBook.js';
import { looksLikeFormula } from '../../../company/looksLikeFormula.js';
import { payAgainstMarket } from '../../../company/payAgainstMarket.js';
import { readCsvRecords } from '../../../company/readCsvRecords.js';
import { readXlsxSheets } from '../../../company/readXlsxSheets.js';
import { CanonError } from '../../../core/errors.js';
import type { PayBook } from '../../../core/payBands.js';
import type { Actor } from '../../../core/roles.js';
import { type NorthwindDryRun, northwindDryRun } from '../../../testing/northwindDryRun.js';
import type { WorkspaceMapping } from '../../../workflow/companyWorkspace.js';
import { HTTP_STATUS } from '../../errorStatus.js';
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

  it("draws each job's pay as a dot on its band and lists every job's compa-ratio, or why it has none", async () => {
    const { html } = await get('/w/acme/pay');
    const pay = payAgainstMarket(run.jobs, payBook);
    const compared = pay.jobs.filter((j) => j.compaRatio !== null);
    expect(html.match(/<circle [^>]*class="dot /g)?.length).toBe(compared.length);
    for (const j of pay.jobs.slice(0, 60)) {
      const row = html.split(`<tr data-line="${j.job.line}">`)[1]?.split('</tr>')[0] ?? '';
      if (j.compaRatio === null) expect(text(row)).toContain(j.reason ?? '');
      else expect(row).toContain(`data-compa="${j.compaRatio.toFixed(2)}"`);
    }
    expect(text(html)).toContain('Not compared: no exchange rate is applied');
  });

  it('states the equal-value method and limits, and each group with its gap, small ones marked', async () => {
    const { html } = await get('/w/acme/equal-value');
    expect(text(html)).toContain('effort — not stated');
    expect(text(html)).toContain('Effort and working conditions are not stated');
    expect(html).toContain('class="too-few"');
    expect(html.match(/<tr data-group=/g)?.length).toBeGreaterThan(3);
  });

  it('links the four exports, and serves them: the mapping a row per job, formulas neutralised, the matrix by cell', async () => {
    const { html } = await get('/w/acme/exports');
    for (const f of ['mapping.csv', 'mapping.xlsx', 'matrix.csv', 'matrix.xlsx'])
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
