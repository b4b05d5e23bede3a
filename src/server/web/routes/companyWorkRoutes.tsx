import type { Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { Child } from 'hono/jsx';
import type { CompanyJob } from '../../../company/companyJob.js';
import type { ColumnRole } from '../../../company/guessColumns.js';
import { mappingRows } from '../../../company/mappingRows.js';
import { MAX_CATALOG_BYTES } from '../../../company/readCatalogFile.js';
import type { Catalog } from '../../../core/catalog.js';
import { profileCode } from '../../../core/codes.js';
import { CanonError, quote } from '../../../core/errors.js';
import { getLevel } from '../../../core/levels.js';
import { type Actor, requireWorkspaceRole, roleAllows } from '../../../core/roles.js';
import { toCsv } from '../../../core/toCsv.js';
import type { CompanyUploads } from '../../../workflow/companyUploads.js';
import type { CompanyWorkspace, ImportPreview } from '../../../workflow/companyWorkspace.js';
import { attachment } from '../../attachment.js';
import { HTTP_STATUS } from '../../errorStatus.js';
import { renderPage } from '../Layout.js';
import { companyPaths } from '../pages/company/companyPaths.js';
import { DryRunPage } from '../pages/company/DryRunPage.js';
import { CATALOG_FILE_TYPES, ImportPage } from '../pages/company/ImportPage.js';
import { ImportProgressPage } from '../pages/company/ImportProgressPage.js';
import { MappingStep } from '../pages/company/MappingStep.js';
import { type FocusChoice, type QueueItem, ReviewPage } from '../pages/company/ReviewPage.js';
import { StoredImportPage } from '../pages/company/StoredImportPage.js';
import { workbookSheets } from '../pages/company/workbookSheets.js';
import { workspaceHref } from '../pages/workspace/WorkspaceNav.js';
import { type ImportRun, ImportRuns, type RunOptions } from './importRuns.js';
import { wholeNumber } from './wholeNumber.js';

export interface CompanyWorkDeps {
  catalog: () => Catalog;
  company: CompanyWorkspace;
  /** The import page's uploads and dry runs, kept in the store so that any server continues them. */
  uploads: CompanyUploads;
  /** Who is asking: the sign-in's actor for this request (a workspace member, or the operator). */
  actor: (c: Context) => Promise<Actor>;
  /** The workspace's navigation (WorkspaceNav), put at the top of every page; the sign-in provides it. */
  nav?: (workspace: string, c: Context) => Child;
}

/** The import route of a workspace: its body may carry a whole catalog (createApp exempts it from the 1 MB limit). */
export const COMPANY_UPLOAD_PATH = /^\/w\/[^/]+\/import$/;
/** A catalog's limit plus room for the multipart envelope around it. */
export const COMPANY_UPLOAD_BYTES = MAX_CATALOG_BYTES + 64 * 1024;
const MEGABYTES = MAX_CATALOG_BYTES / 1024 / 1024;
const CATALOG_EXTENSIONS = new Set(CATALOG_FILE_TYPES.split(','));

/** Titles of the review queue a page shows. */
const QUEUE_PAGE = 25;
/** Focuses a search offers to pick from. */
const PICK_FOCUSES = 10;

/** Errors a user can act on (their file, their columns, a run that moved on) are shown on the form they came from. */
function shownOnForm(error: unknown): error is CanonError {
  return (
    error instanceof CanonError &&
    ['invalid_input', 'too_large', 'conflict', 'not_found'].includes(error.code)
  );
}

/**
 * The pages of a workspace's company mapping: the import (upload, mapping step, dry run with its
 * progress, store, result) and the review queue. Pages translate; the CompanyWorkspace does the work.
 */
export function registerCompanyWorkRoutes(web: Hono, deps: CompanyWorkDeps): void {
  const runs = new ImportRuns({ company: deps.company, uploads: deps.uploads, catalog: deps.catalog });
  /** The actor, refused (404 outside its workspace, 403 below the role) before any page shows. */
  const member = async (c: Context, role: 'viewer' | 'editor') => {
    const workspace = c.req.param('workspace') ?? '';
    const actor = await deps.actor(c);
    requireWorkspaceRole(actor, { workspace, role });
    return { actor, workspace };
  };

  const importPage = async (c: Context, actor: Actor, workspace: string, error?: CanonError) => {
    const current = (await deps.company.mapping(actor, workspace)).import;
    const page = ImportPage({
      workspace,
      nav: deps.nav?.(workspace, c),
      current,
      maxMegabytes: MEGABYTES,
      ...(error ? { error: error.message } : {}),
    });
    return c.html(renderPage(page), error ? HTTP_STATUS[error.code] : 200);
  };

  web.get('/w/:workspace/import', async (c) => {
    const { actor, workspace } = await member(c, 'editor');
    return importPage(c, actor, workspace);
  });

  web.post(
    '/w/:workspace/import',
    bodyLimit({
      maxSize: COMPANY_UPLOAD_BYTES,
      onError: async (c) => {
        const { actor, workspace } = await member(c, 'editor');
        const error = new CanonError(
          'too_large',
          `The upload is over ${MEGABYTES} MB; Canon reads catalogs of up to ${MEGABYTES} MB. Split the file, or leave out columns Canon does not use.`,
        );
        return importPage(c, actor, workspace, error);
      },
    }),
    async (c) => {
      const { actor, workspace } = await member(c, 'editor');
      try {
        const form = await c.req.formData().catch(() => {
          throw new CanonError('invalid_input', 'The upload is not a multipart form with a file.');
        });
        const file = form.get('file');
        if (!(file instanceof File) || file.size === 0)
          throw new CanonError('invalid_input', 'Choose a CSV or XLSX file to upload.');
        const extension = /\.[^.]*$/.exec(file.name.toLowerCase())?.[0] ?? '';
        if (!CATALOG_EXTENSIONS.has(extension))
          throw new CanonError(
            'invalid_input',
            `${quote(file.name)} is not a CSV or XLSX file; Canon reads job catalogs as ${CATALOG_FILE_TYPES.replaceAll(',', ', ')}.`,
          );
        const run = await runs.start(actor, workspace, file.name, new Uint8Array(await file.arrayBuffer()));
        return c.redirect(companyPaths(workspace).run(run.id), 303);
      } catch (error) {
        if (!shownOnForm(error)) throw error;
        return importPage(c, actor, workspace, error);
      }
    },
  );

  /** A dry run's rows once it has finished (also while, and after, it is stored); null before. */
  const previewIfAny = (actor: Actor, run: ImportRun): Promise<ImportPreview | null> =>
    run.basis === null ? Promise.resolve(null) : runs.previewOf(actor, run);

  /** A run's page for its state: progress, the mapping step, the dry run, or what was stored. */
  const runPage = async (c: Context, actor: Actor, workspace: string, run: ImportRun, error?: CanonError) => {
    const status = error ? HTTP_STATUS[error.code] : 200;
    const shared = { workspace, nav: deps.nav?.(workspace, c), ...(error ? { error: error.message } : {}) };
    const self = companyPaths(workspace).run(run.id);
    if (run.state === 'previewing' || run.state === 'storing') {
      // The Refresh header reloads the page each second: progress without a script.
      c.header('Refresh', '1');
      c.header('Cache-Control', 'no-store');
      return c.html(
        renderPage(
          ImportProgressPage({
            nav: deps.nav?.(workspace, c),
            file: run.file,
            doing: run.state === 'previewing' ? 'dry run' : 'store',
            progress: run.progress,
            self,
          }),
        ),
      );
    }
    if (run.state === 'stored' && run.stored)
      return c.html(renderPage(StoredImportPage({ ...shared, stored: run.stored })), status);
    // A failed dry run has no preview; a store that failed leaves its dry run to show.
    if (run.state !== 'previewed') return null;
    const preview = await runs.previewOf(actor, run);
    if (!run.confirmed || c.req.query('step') === 'columns')
      return c.html(
        renderPage(
          MappingStep({ ...shared, run: run.id, table: preview.plan.table, columns: preview.plan.columns }),
        ),
        status,
      );
    return c.html(
      renderPage(
        DryRunPage({
          ...shared,
          run: run.id,
          preview,
          hasCurrent: run.hasCurrent,
          page: pageOf(c.req.query('page')),
        }),
      ),
      status,
    );
  };

  web.get('/w/:workspace/import/:run', async (c) => {
    const { actor, workspace } = await member(c, 'editor');
    const run = await runs.get(actor, workspace, c.req.param('run'));
    const error = run.error ?? undefined;
    try {
      // A dry run that failed has nothing to show but why: the upload form again, with the error.
      return (await runPage(c, actor, workspace, run, error)) ?? importPage(c, actor, workspace, error);
    } catch (failure) {
      // Its preview could not be read again (its upload dropped for the budget): the form, saying so.
      if (!shownOnForm(failure)) throw failure;
      return importPage(c, actor, workspace, failure);
    }
  });

  web.get('/w/:workspace/import/:run/mapping.csv', async (c) => {
    const { actor, workspace } = await member(c, 'editor');
    const run = await runs.get(actor, workspace, c.req.param('run'));
    const preview = await previewIfAny(actor, run);
    if (!preview) throw new CanonError('not_found', 'This dry run has no rows yet.');
    const name = run.file.replace(/\.[^.]*$/, '');
    return attachment(
      c,
      toCsv([...mappingRows(preview.plan)]),
      'text/csv; charset=utf-8',
      `${name}-dry-run.csv`,
    );
  });

  web.post('/w/:workspace/import/:run/columns', async (c) => {
    const { actor, workspace } = await member(c, 'editor');
    const run = await runs.get(actor, workspace, c.req.param('run'));
    const preview = await previewIfAny(actor, run);
    const form = await c.req.formData();
    const sheet = form.get('sheet');
    const table = preview?.plan.table;
    const read = table ? workbookSheets(table)?.read : undefined;
    const choices = preview?.plan.columns ?? [];
    let options: RunOptions;
    if (typeof sheet === 'string' && sheet && sheet !== read) {
      // Another sheet has other columns: they are guessed afresh, and shown in the mapping step again.
      options = { sheet };
    } else {
      options = run.options.sheet !== undefined ? { sheet: run.options.sheet } : {};
      const columns: [ColumnRole, string | null][] = choices.map((choice) => {
        const value = form.get(`col_${choice.role}`);
        return [choice.role, typeof value === 'string' && value !== '' ? value : null];
      });
      const header = table?.header ?? [];
      const asRead = columns.every(([role, value]) => {
        const at = choices.find((ch) => ch.role === role)?.column ?? null;
        return value === null ? at === null : at !== null && columnNamed(header, value) === at;
      });
      // The columns the dry run already read with: that dry run is the one to check; else a new one with these.
      const kept = asRead ? run.options.columns : columns;
      if (kept) options.columns = kept;
    }
    try {
      const next = await runs.rerun(actor, run, options);
      return c.redirect(companyPaths(workspace).run(next.id), 303);
    } catch (error) {
      if (!shownOnForm(error)) throw error;
      return (await runPage(c, actor, workspace, run, error)) ?? importPage(c, actor, workspace, error);
    }
  });

  web.post('/w/:workspace/import/:run/store', async (c) => {
    const { actor, workspace } = await member(c, 'editor');
    const run = await runs.get(actor, workspace, c.req.param('run'));
    try {
      await runs.store(actor, run);
      return c.redirect(companyPaths(workspace).run(run.id), 303);
    } catch (error) {
      if (!shownOnForm(error)) throw error;
      return (await runPage(c, actor, workspace, run, error)) ?? importPage(c, actor, workspace, error);
    }
  });

  web.get('/w/:workspace/review', async (c) => {
    const { actor, workspace } = await member(c, 'viewer');
    const [queue, mapping] = await Promise.all([
      deps.company.reviewQueue(actor, workspace),
      deps.company.mapping(actor, workspace),
    ]);
    const items = queueItems(queue);
    const pickText = c.req.query('pick');
    const pick = pickText ? wholeNumber(pickText, 'pick') : null;
    const picked = pick === null ? -1 : items.findIndex((i) => i.line === pick);
    const pages = Math.max(1, Math.ceil(items.length / QUEUE_PAGE));
    const page =
      picked >= 0 ? Math.floor(picked / QUEUE_PAGE) + 1 : Math.min(pages, pageOf(c.req.query('page')));
    const q = (c.req.query('q') ?? '').trim();
    const pickedItem = items[picked];
    const canDecide = roleAllows(actor.role, 'editor');
    const results = pickedItem && q && canDecide ? focusChoices(deps.catalog(), q, pickedItem) : null;
    const decided = c.req.query('decided');
    const view = decided ? deps.catalog().findProfile(decided) : undefined;
    const notice = view
      ? `Decided ${quote(c.req.query('title') ?? '')} as ${view.name} (${view.fn.name}): ${c.req.query('rows') ?? '0'} rows.`
      : undefined;
    return c.html(
      renderPage(
        ReviewPage({
          workspace,
          nav: deps.nav?.(workspace, c),
          decided: mapping.decided,
          canDecide,
          items: items.slice((page - 1) * QUEUE_PAGE, page * QUEUE_PAGE),
          total: items.length,
          page,
          pages,
          pick: pickedItem ? pickedItem.line : null,
          q,
          results,
          ...(notice ? { notice } : {}),
        }),
      ),
    );
  });

  // Redirect after POST: reloading the queue never decides twice.
  web.post('/w/:workspace/review/decide', async (c) => {
    const { actor, workspace } = await member(c, 'editor');
    const form = await c.req.formData();
    const field = (name: string) => {
      const value = form.get(name);
      return typeof value === 'string' ? value : '';
    };
    const title = field('title');
    const profile = field('profile');
    if (!title || !profile) throw new CanonError('invalid_input', 'A decision needs a title and a profile.');
    const decided = await deps.company.decide(actor, workspace, {
      title,
      department: field('department'),
      profileCode: profile,
    });
    const back = new URLSearchParams({ decided: profile, title, rows: String(decided.length) });
    const page = pageOf(field('page'));
    if (page > 1) back.set('page', String(page));
    return c.redirect(`${companyPaths(workspace).review}?${back}`, 303);
  });
  // The grades page's form: a grade's Canon levels set by hand ("P3", "P3..P4"), or cleared when empty.
  web.post('/w/:workspace/grades', async (c) => {
    const { actor, workspace } = await member(c, 'editor');
    const form = await c.req.formData();
    const field = (name: string) => {
      const value = form.get(name);
      return typeof value === 'string' ? value.trim() : '';
    };
    const grade = field('grade');
    if (!grade) throw new CanonError('invalid_input', 'Say which grade to set: the form sends none.');
    await deps.company.setGrade(actor, workspace, grade, field('levels') || null, field('reason'));
    return c.redirect(workspaceHref(workspace, 'grades'), 303);
  });
}

const pageOf = (value: string | undefined) => (value ? wholeNumber(value, 'page') : 1);

/** A column named as the mapping step names it ("#N", or a header), or -1. */
function columnNamed(header: readonly string[], value: string): number {
  const number = /^#(\d+)$/.exec(value);
  if (number) return Number(number[1]) - 1;
  return header.findIndex((h) => h.trim().toLowerCase() === value.trim().toLowerCase());
}

/** The queue's jobs a title in a department at a time, in the queue's order. */
function queueItems(queue: readonly CompanyJob[]): QueueItem[] {
  const items = new Map<string, QueueItem>();
  for (const job of queue) {
    const key = `${job.title}\u0000${job.department}`;
    const item = items.get(key);
    if (item) item.jobs.push(job);
    else items.set(key, { line: job.line, title: job.title, department: job.department, jobs: [job] });
  }
  return [...items.values()];
}

/** The focuses a search finds, best first, each with its levels; the job's own level preselected when the focus has it. */
function focusChoices(catalog: Catalog, q: string, item: QueueItem): FocusChoice[] {
  const wanted = item.jobs[0]?.match.level?.code;
  const out = new Map<string, FocusChoice>();
  for (const { view } of catalog.search(q).hits) {
    if (out.size >= PICK_FOCUSES) break;
    if (out.has(view.focus.code)) continue;
    const levels = view.focus.levelCodes
      .map((level) => profileCode(view.fn.code, view.focus.code, level))
      .filter((code) => catalog.findProfile(code))
      .map((code) => {
        const level = getLevel(code.slice(-2));
        return { code, label: `${level.code} — ${level.title}` };
      });
    const mine = levels.find((l) => l.code.endsWith(`.${wanted}`));
    out.set(view.focus.code, {
      focus: view.focus.name,
      fn: view.fn.name,
      levels,
      selected: mine?.code ?? view.code,
    });
  }
  return [...out.values()];
}
