import type { Context, Hono } from 'hono';
import { companyExport } from '../../../company/companyExports.js';
import { equalValueGroups } from '../../../company/equalValueGroups.js';
import { buildJobFamilyMatrix } from '../../../company/jobFamilyMatrix.js';
import { buildLevelGuide } from '../../../company/levelGuide.js';
import { payAgainstMarket } from '../../../company/payAgainstMarket.js';
import type { Catalog } from '../../../core/catalog.js';
import type { PayBook } from '../../../core/payBands.js';
import type { Actor } from '../../../core/roles.js';
import type { WorkspaceMapping } from '../../../workflow/companyWorkspace.js';
import { attachment } from '../../attachment.js';
import { renderPage } from '../Layout.js';
import { EqualValuePage } from '../pages/company/EqualValuePage.js';
import { ExportsPage } from '../pages/company/ExportsPage.js';
import { GradesPage } from '../pages/company/GradesPage.js';
import { LevelGuidePage } from '../pages/company/LevelGuidePage.js';
import { MatrixPage } from '../pages/company/MatrixPage.js';
import { PayPage } from '../pages/company/PayPage.js';
import { wholeNumber } from './wholeNumber.js';

export interface CompanyViewDeps {
  catalog: () => Catalog;
  payBook: () => PayBook;
  /** Who asks: the workspace's role check happens in `mapping`. */
  actor: (c: Context) => Actor;
  mapping: (actor: Actor, workspace: string) => Promise<WorkspaceMapping>;
}

/**
 * The views of a workspace's mapping — matrix, grades, level guide, pay, equal-value groups — and its
 * exports. Each reads the mapping (which checks the actor's role in the workspace), hands it to the
 * company module that makes the view, and renders the page. The grade form posts to
 * /w/:workspace/grades, a write registered with the workspace's other writes.
 */
export function registerCompanyViewRoutes(web: Hono, deps: CompanyViewDeps): void {
  const read = async (c: Context) => {
    const workspace = c.req.param('workspace') ?? '';
    return { workspace, mapping: await deps.mapping(deps.actor(c), workspace) };
  };
  web.get('/w/:workspace/matrix', async (c) => {
    const { workspace, mapping } = await read(c);
    const matrix = buildJobFamilyMatrix(mapping.jobs, deps.catalog());
    return c.html(renderPage(MatrixPage({ workspace, mapping, matrix })));
  });
  web.get('/w/:workspace/grades', async (c) => {
    const { workspace, mapping } = await read(c);
    return c.html(renderPage(GradesPage({ workspace, mapping })));
  });
  web.get('/w/:workspace/level-guide', async (c) => {
    const { workspace, mapping } = await read(c);
    const guide = buildLevelGuide(mapping.jobs, mapping.correlation, deps.catalog());
    return c.html(renderPage(LevelGuidePage({ workspace, mapping, guide })));
  });
  // Every export file, the level guide's Markdown among them, is made by the one `companyExport`
  // the CLI and the API use too.
  const exported = async (c: Context, file: string) => {
    const { workspace, mapping } = await read(c);
    const { body, contentType } = companyExport(file, {
      ...mapping,
      catalog: deps.catalog(),
      payBook: deps.payBook(),
      company: workspace,
    });
    return attachment(c, body, contentType, `${workspace}-${file}`);
  };
  web.get('/w/:workspace/level-guide.md', (c) => exported(c, 'level-guide.md'));
  web.get('/w/:workspace/pay', async (c) => {
    const { workspace, mapping } = await read(c);
    const asked = c.req.query('page');
    const page = asked === undefined ? 1 : wholeNumber(asked, 'page');
    const pay = payAgainstMarket(mapping.jobs, deps.payBook());
    return c.html(renderPage(PayPage({ workspace, mapping, pay, page })));
  });
  web.get('/w/:workspace/equal-value', async (c) => {
    const { workspace, mapping } = await read(c);
    const groups = equalValueGroups(mapping.jobs, deps.catalog());
    return c.html(renderPage(EqualValuePage({ workspace, mapping, groups })));
  });
  web.get('/w/:workspace/exports', async (c) => {
    const { workspace, mapping } = await read(c);
    return c.html(renderPage(ExportsPage({ workspace, mapping })));
  });
  web.get('/w/:workspace/exports/:file', (c) => exported(c, c.req.param('file')));
}
