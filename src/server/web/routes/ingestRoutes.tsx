import type { Hono } from 'hono';
import { CanonError } from '../../../core/errors.js';
import { VISITOR } from '../../../core/roles.js';
import type { SourceDocuments } from '../../../workflow/sourceDocuments.js';
import { documentUpload } from '../../api/documentUpload.js';
import { HTTP_STATUS } from '../../errorStatus.js';
import { renderPage } from '../Layout.js';
import { IngestPage } from '../pages/DocumentPages.js';

/** The form that maps a ladder without storing it, read by the same workers as an upload. */
export function registerIngestRoutes(web: Hono, documents: SourceDocuments): void {
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
