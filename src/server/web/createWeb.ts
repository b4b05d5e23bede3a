import { readFileSync } from 'node:fs';
import { type Context, Hono } from 'hono';
import { careerPaths } from '../../core/careerPaths.js';
import type { Catalog } from '../../core/catalog.js';
import { compareProfiles } from '../../core/compareProfiles.js';
import { differential } from '../../core/differential.js';
import { CanonError, quote } from '../../core/errors.js';
import { jobDescription, jobDescriptionMarkdown } from '../../core/jobDescription.js';
import type { PayBook } from '../../core/payBands.js';
import { progressionGuide } from '../../core/progressionGuide.js';
import { readinessItems, readinessMarkdown, readinessReport } from '../../core/readiness.js';
import { reviewProfile } from '../../core/review/reviewProfile.js';
import { VISITOR } from '../../core/roles.js';
import { parseVersionRef, type VersionRef } from '../../core/versionRef.js';
import { MAX_TITLE_LENGTH, type TitleResolver } from '../../resolve/titleResolver.js';
import type { ProfileWorkflow } from '../../workflow/profileWorkflow.js';
import type { SourceDocuments } from '../../workflow/sourceDocuments.js';
import { documentUpload } from '../api/documentUpload.js';
import { adjacentDto } from '../api/toDto.js';
import { HTTP_STATUS } from '../errorStatus.js';
import type { ResponseCache } from '../httpCache.js';
import { pageNumberAt } from './highlightSpans.js';
import { FAVICON, HTML, renderPage, STYLESHEET } from './Layout.js';
import { ApiDocsPage } from './pages/ApiDocsPage.js';
import { CareerPage } from './pages/CareerPage.js';
import { ComparePage } from './pages/ComparePage.js';
import { CoordinatesPage } from './pages/CoordinatesPage.js';
import { documentPages, IngestPage } from './pages/DocumentPages.js';
import { FunctionPage } from './pages/FunctionPage.js';
import { JobDescriptionPage } from './pages/JobDescriptionPage.js';
import { LevelsPage } from './pages/LevelsPage.js';
import { ProgressionPage } from './pages/ProgressionPage.js';
import { ProfilePage } from './pages/profile/ProfilePage.js';
import { ReadinessForm, ReadinessReportPage } from './pages/ReadinessPage.js';
import { ResolvePage } from './pages/ResolvePage.js';
import { ReviewingPage, ReviewPage } from './pages/ReviewPages.js';
import { type ShownDocument, SourcePage, SourceRowPage, SourcesPage } from './pages/SourcePages.js';
import { TaxonomyPage } from './pages/TaxonomyPage.js';
import { DiffPage, DraftPage, HistoryPage, QueuePage } from './pages/WorkflowPages.js';
import { wholeNumber } from './routes/wholeNumber.js';

// Read once at start: the stylesheet ships beside the compiled pages (see the build script).
const CSS = readFileSync(new URL('../../../src/server/web/assets/canon.css', import.meta.url), 'utf8');
const ICON = readFileSync(new URL('../../../src/server/web/assets/favicon.svg', import.meta.url), 'utf8');

export interface WebDeps {
  catalog: () => Catalog;
  cache: ResponseCache;
  openApiDocument: () => object;
  /** Ingested documents, shown with their evidence on their source pages; also what reads the /ingest form. */
  documents?: SourceDocuments;
  /** Versions, drafts and the review queue; without it those pages are absent. */
  workflow?: ProfileWorkflow;
  resolver: () => Promise<TitleResolver>;
  payBook: () => PayBook;
}

/** Server-rendered pages. Handlers pick the page; the catalog does the work. */
export function createWeb(deps: WebDeps): Hono {
  const web = new Hono();
  web.get(STYLESHEET, (c) => {
    c.header('cache-control', 'public, max-age=3600');
    return c.body(CSS, 200, { 'content-type': 'text/css; charset=utf-8' });
  });
  web.get(FAVICON, (c) => {
    c.header('cache-control', 'public, max-age=86400');
    return c.body(ICON, 200, { 'content-type': 'image/svg+xml' });
  });
  web.get('/', (c) => {
    // A query over the limit is refused by the search, quoting it, rather than cut short unseen.
    const q = (c.req.query('q') ?? '').trim();
    const catalog = deps.catalog();
    return deps.cache.respond(c, catalog, HTML, { q }, () => renderPage(TaxonomyPage({ catalog, q })));
  });
  web.get('/functions/:code', (c) => {
    const catalog = deps.catalog();
    const code = c.req.param('code');
    const summary = catalog.functionSummaries().find((s) => s.fn.code === code);
    if (!summary) throw new CanonError('not_found', `No function with code ${quote(code)}.`);
    return deps.cache.respond(c, catalog, HTML, {}, () => renderPage(FunctionPage({ catalog, summary })));
  });
  web.get('/profiles/:code', async (c) => {
    const code = c.req.param('code');
    const latest = deps.catalog();
    const workflow = deps.workflow;
    const asked = c.req.query('version');
    // Without a workflow there are no versions to pin, so ?version= changes nothing.
    const version = asked && workflow ? wholeNumber(asked, 'version') : undefined;
    const catalog = version !== undefined && workflow ? await workflow.catalogAt(code, version) : latest;
    const view = catalog.getProfile(code);
    return deps.cache.respond(c, latest, HTML, { version }, () =>
      renderPage(
        ProfilePage({
          view,
          adjacent: adjacentDto(view.code, catalog).map((a) => ({
            ...a,
            status: catalog.findProfile(a.code)?.record.status ?? null,
          })),
          pay: deps.payBook().forProfile(view.code),
          differential: differential(catalog, deps.payBook(), view.code),
          review: reviewProfile(catalog, view.code),
          latestVersion: latest.getProfile(code).record.version,
        }),
      ),
    );
  });
  web.get('/coordinates', (c) =>
    deps.cache.respond(c, deps.catalog(), HTML, {}, () => renderPage(CoordinatesPage())),
  );
  web.get('/compare', (c) => {
    const catalog = deps.catalog();
    // Codes come either as ?codes=A,B (links) or as repeated ?p= (the picking form).
    const selected = [...(c.req.query('codes') ?? '').split(','), ...(c.req.queries('p') ?? [])]
      .map((x) => x.trim())
      .filter(Boolean);
    const comparison = selected.length > 0 ? compareProfiles(catalog, selected) : null;
    return deps.cache.respond(c, catalog, HTML, { selected }, () =>
      renderPage(
        ComparePage({
          catalog,
          comparison,
          selected,
          pays: (comparison?.profiles ?? []).map((p) => deps.payBook().forProfile(p.code).headline),
        }),
      ),
    );
  });
  web.get('/profiles/:code/career', (c) => {
    const catalog = deps.catalog();
    const view = catalog.getProfile(c.req.param('code'));
    return deps.cache.respond(c, catalog, HTML, {}, () =>
      renderPage(CareerPage({ catalog, view, paths: careerPaths(catalog, view.code) })),
    );
  });
  web.get('/profiles/:code/jd', (c) => {
    const catalog = deps.catalog();
    const jd = jobDescription(catalog, c.req.param('code'));
    return deps.cache.respond(c, catalog, HTML, {}, () => renderPage(JobDescriptionPage({ jd })));
  });
  web.get('/profiles/:code/jd.md', (c) => {
    const jd = jobDescription(deps.catalog(), c.req.param('code'));
    return attachment(c, jobDescriptionMarkdown(jd), `${jd.code}-job-description.md`);
  });
  web.get('/profiles/:code/readiness', (c) => {
    const view = deps.catalog().getProfile(c.req.param('code'));
    return c.html(renderPage(ReadinessForm({ view, items: readinessItems(view) })));
  });
  // Self-assessments are answered, never stored: the report goes back to the person only.
  web.post('/profiles/:code/readiness', async (c) => {
    const catalog = deps.catalog();
    const view = catalog.getProfile(c.req.param('code'));
    const ratings = await formFields(c);
    try {
      return c.html(
        renderPage(ReadinessReportPage({ report: readinessReport(catalog, view.code, ratings), ratings })),
      );
    } catch (error) {
      if (!(error instanceof CanonError) || error.code !== 'invalid_input') throw error;
      return c.html(
        renderPage(ReadinessForm({ view, items: readinessItems(view), error: error.message })),
        400,
      );
    }
  });
  web.post('/profiles/:code/readiness.md', async (c) => {
    const report = readinessReport(deps.catalog(), c.req.param('code'), await formFields(c));
    return attachment(c, readinessMarkdown(report), `${report.profile.code}-readiness.md`);
  });
  web.get('/progression', (c) => {
    const catalog = deps.catalog();
    const from = c.req.query('from') ?? '';
    const to = c.req.query('to') ?? '';
    const guide = from && to ? progressionGuide(catalog, from, to) : null;
    return deps.cache.respond(c, catalog, HTML, { from, to }, () =>
      renderPage(ProgressionPage({ catalog, guide, from, to })),
    );
  });
  web.get('/resolve', async (c) => {
    const title = (c.req.query('title') ?? '').trim().slice(0, MAX_TITLE_LENGTH);
    const employer = (c.req.query('employer') ?? '').trim().slice(0, 200);
    const resolution = title ? (await deps.resolver()).resolve({ title, employer }) : null;
    return c.html(renderPage(ResolvePage({ title, employer, resolution })));
  });
  web.get('/profiles/:code/review', (c) => {
    const catalog = deps.catalog();
    const view = catalog.getProfile(c.req.param('code'));
    return deps.cache.respond(c, catalog, HTML, {}, () =>
      renderPage(ReviewPage({ view, review: reviewProfile(catalog, view.code) })),
    );
  });
  web.get('/reviewing', (c) =>
    deps.cache.respond(c, deps.catalog(), HTML, {}, () => renderPage(ReviewingPage())),
  );
  web.get('/levels', (c) => deps.cache.respond(c, deps.catalog(), HTML, {}, () => renderPage(LevelsPage())));
  web.get('/sources', (c) => {
    const catalog = deps.catalog();
    return deps.cache.respond(c, catalog, HTML, {}, () => renderPage(SourcesPage({ catalog })));
  });
  web.get('/sources/:id', async (c) => {
    const catalog = deps.catalog();
    const source = catalog.findSource(c.req.param('id'));
    if (!source) throw new CanonError('not_found', `No source with id ${quote(c.req.param('id'))}.`);
    const ev = c.req.query('ev');
    if (ev !== undefined) {
      // A citation names its span, not the page it is on: find the page and send the reader there.
      const id = wholeNumber(ev, 'ev');
      const shown = await shownDocument(deps.documents, source.id);
      const span = shown?.evidence.find((e) => e.id === id);
      if (!shown || !span) throw new CanonError('not_found', `${quote(source.id)} has no evidence ${id}.`);
      const page = pageNumberAt(shown.pages, span.startOffset);
      return c.redirect(`/sources/${encodeURIComponent(source.id)}?page=${page}#ev-${id}`);
    }
    const asked = c.req.query('page');
    const page = asked === undefined ? 1 : wholeNumber(asked, 'page');
    // A stored document never changes (its id is its content hash), so caching it per snapshot is safe,
    // and the store is read only when the page is not cached. A page past the end throws, so it is not kept.
    return deps.cache.respond(c, catalog, HTML, { page }, async () => {
      const document = await shownDocument(deps.documents, source.id);
      if (page > (document?.pages.length ?? 1))
        throw new CanonError('not_found', `${quote(source.id)} has no page ${page}.`);
      return renderPage(SourcePage({ catalog, source, document, page }));
    });
  });
  web.get('/sources/:id/row', (c) => {
    const catalog = deps.catalog();
    const id = c.req.param('id');
    const source = catalog.findSource(id);
    if (!source) throw new CanonError('not_found', `No source with id ${quote(id)}.`);
    const file = c.req.query('file') ?? '';
    const key = c.req.query('key') ?? '';
    if (!file || !key)
      throw new CanonError(
        'invalid_input',
        `Say which row of ${quote(source.id)}: ?file=…&key=… (got file ${quote(file)}, key ${quote(key)}).`,
      );
    if (!catalog.citesFile(source.id, file))
      throw new CanonError('not_found', `No statement cites a row of ${quote(file)} in ${quote(source.id)}.`);
    const row = { source: source.id, file, key };
    const citing = catalog.rowCitations(row);
    if (citing.length === 0)
      throw new CanonError(
        'not_found',
        `No statement cites the row ${quote(key)} of ${quote(file)} in ${quote(source.id)}.`,
      );
    return deps.cache.respond(c, catalog, HTML, { file, key }, () =>
      renderPage(SourceRowPage({ catalog, source, row, citing })),
    );
  });
  web.get('/api/docs', (c) =>
    deps.cache.respond(c, deps.catalog(), HTML, {}, () =>
      renderPage(ApiDocsPage({ doc: deps.openApiDocument() as never })),
    ),
  );
  if (deps.documents) registerIngestPage(web, deps.documents);
  if (deps.workflow) registerWorkflowPages(web, deps, deps.workflow);
  return web;
}

/** The form that maps a ladder without storing it, read by the same workers as an upload. */
function registerIngestPage(web: Hono, documents: SourceDocuments): void {
  web.get('/ingest', (c) => c.html(renderPage(IngestPage({ result: null }))));
  web.post('/ingest', async (c) => {
    const form = await c.req.formData().catch(() => null);
    const text = String(form?.get('text') ?? '');
    try {
      const { inputs } = await documentUpload(c);
      const { sources, skipped } = await documents.ingest(VISITOR, inputs, { store: false });
      return c.html(
        renderPage(IngestPage({ result: sources[0] ?? null, skipped: skipped[0] ?? null, text })),
      );
    } catch (error) {
      // A document the readers refuse is the visitor's to fix: the form comes back with why.
      if (!(error instanceof CanonError) || (error.code !== 'invalid_input' && error.code !== 'too_large'))
        throw error;
      return c.html(
        renderPage(IngestPage({ result: null, error: error.message, text })),
        HTTP_STATUS[error.code],
      );
    }
  });
}

const FORM_LIMIT = 64 * 1024;

/** Form fields as strings; a body larger than any real self-assessment is refused. */
async function formFields(c: Context): Promise<Record<string, string>> {
  if (Number(c.req.header('content-length') ?? 0) > FORM_LIMIT)
    throw new CanonError('invalid_input', 'The form is too large.');
  const body = await c.req.parseBody();
  return Object.fromEntries(
    Object.entries(body).filter((e): e is [string, string] => typeof e[1] === 'string'),
  );
}

function attachment(c: Context, text: string, filename: string): Response {
  return c.body(text, 200, {
    'content-type': 'text/markdown; charset=utf-8',
    'content-disposition': `attachment; filename="${filename.replace(/[^A-Za-z0-9._-]/g, '_')}"`,
  });
}

/** History, diffs, drafts and the queue read the store, so none of them is cached. */
function registerWorkflowPages(web: Hono, deps: WebDeps, workflow: ProfileWorkflow): void {
  web.get('/review-queue', async (c) => {
    const catalog = deps.catalog();
    const items = (await workflow.queue()).map((reviewed) => ({
      view: catalog.getProfile(reviewed.draft.profileCode),
      reviewed,
    }));
    return c.html(renderPage(QueuePage({ items })));
  });
  web.get('/profiles/:code/history', async (c) => {
    const view = deps.catalog().getProfile(c.req.param('code'));
    const [versions, draft] = await Promise.all([
      workflow.history(view.code),
      workflow.draft(view.code).catch(() => null),
    ]);
    return c.html(renderPage(HistoryPage({ view, versions, draft })));
  });
  web.get('/profiles/:code/diff', async (c) => {
    const view = deps.catalog().getProfile(c.req.param('code'));
    const from = versionRefOf(c.req.query('from'), 'from');
    const to = versionRefOf(c.req.query('to'), 'to');
    const diff = await workflow.diff(view.code, from, to);
    return c.html(renderPage(DiffPage({ view, from, to, diff })));
  });
  web.get('/profiles/:code/draft', async (c) => {
    const view = deps.catalog().getProfile(c.req.param('code'));
    const reviewed = await workflow.draft(view.code);
    const base = reviewed.draft.baseVersion;
    const diff = base ? await workflow.diff(view.code, base, 'draft') : [];
    return c.html(renderPage(DraftPage({ view, reviewed, diff })));
  });
}

/** An ingested source's document with its evidence and its pages; null for a source that is not one. */
async function shownDocument(
  documents: SourceDocuments | undefined,
  sourceId: string,
): Promise<ShownDocument | null> {
  const document = documents ? await documents.document(sourceId) : null;
  if (!documents || !document) return null;
  const evidence = await documents.spans(sourceId);
  return { document, evidence, pages: documentPages(document, evidence) };
}

function versionRefOf(value: string | undefined, name: string): VersionRef {
  if (value === undefined || value === '')
    throw new CanonError(
      'invalid_input',
      `Say which versions to compare: ?from=1&to=2 (${name} is missing).`,
    );
  return parseVersionRef(value, name);
}
