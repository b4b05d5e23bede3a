import type { Hono } from 'hono';
import { CanonError, quote } from '../../../core/errors.js';
import type { SourceDocuments } from '../../../workflow/sourceDocuments.js';
import type { WebDeps } from '../createWeb.js';
import { pageNumberAt } from '../highlightSpans.js';
import { HTML, renderPage } from '../Layout.js';
import { documentPages } from '../pages/DocumentPages.js';
import { type ShownDocument, SourcePage, SourceRowPage, SourcesPage } from '../pages/SourcePages.js';
import { wholeNumber } from './wholeNumber.js';

/** The sources, one source (an ingested document a page at a time, with its evidence), and a cited row of one. */
export function registerSourceRoutes(
  web: Hono,
  deps: Pick<WebDeps, 'catalog' | 'cache' | 'documents'>,
): void {
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
