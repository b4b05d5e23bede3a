import type { Context, Hono } from 'hono';
import { careerPaths } from '../../../core/careerPaths.js';
import { CanonError } from '../../../core/errors.js';
import { jobDescription, jobDescriptionMarkdown } from '../../../core/jobDescription.js';
import { progressionGuide } from '../../../core/progressionGuide.js';
import { readinessItems, readinessMarkdown, readinessReport } from '../../../core/readiness.js';
import { attachment } from '../../attachment.js';
import { HTTP_STATUS } from '../../errorStatus.js';
import type { WebDeps } from '../createWeb.js';
import { HTML, renderPage } from '../Layout.js';
import { CareerPage } from '../pages/CareerPage.js';
import { JobDescriptionPage } from '../pages/JobDescriptionPage.js';
import { ProgressionPage } from '../pages/ProgressionPage.js';
import { ReadinessForm, ReadinessReportPage } from '../pages/ReadinessPage.js';

/** Where a profile leads: career paths, the step between two profiles, the job description, readiness. */
export function registerGrowthRoutes(web: Hono, deps: Pick<WebDeps, 'catalog' | 'cache'>): void {
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
    return attachment(
      c,
      jobDescriptionMarkdown(jd),
      'text/markdown; charset=utf-8',
      `${jd.code}-job-description.md`,
    );
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
        HTTP_STATUS[error.code],
      );
    }
  });
  web.post('/profiles/:code/readiness.md', async (c) => {
    const report = readinessReport(deps.catalog(), c.req.param('code'), await formFields(c));
    return attachment(
      c,
      readinessMarkdown(report),
      'text/markdown; charset=utf-8',
      `${report.profile.code}-readiness.md`,
    );
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
