import type { Catalog } from '../../../core/catalog.js';
import type { Source } from '../../../core/taxonomy.js';
import type { EvidenceSpan, StoredDocument } from '../../../store/documentRepository.js';
import type { TextPage } from '../highlightSpans.js';
import { Layout } from '../Layout.js';
import { DocumentEvidence } from './DocumentPages.js';

export function SourcesPage({ catalog }: { catalog: Catalog }) {
  return (
    <Layout title="Sources" description="Every source the taxonomy cites.">
      <h1>Sources</h1>
      <p class="lede">Every statement in Canon cites one or more of these documents.</p>
      <ul class="source-list">
        {catalog.taxonomy.sources.map((s) => (
          <li>
            <a href={`/sources/${s.id}`}>{s.title}</a> <span class="muted">({s.kind.replace('_', ' ')})</span>
          </li>
        ))}
      </ul>
    </Layout>
  );
}

/** An ingested document as its source page shows it. */
export interface ShownDocument {
  document: StoredDocument;
  evidence: EvidenceSpan[];
  pages: TextPage[];
}

export function SourcePage({
  catalog,
  source,
  document,
  page = 1,
}: {
  catalog: Catalog;
  source: Source;
  document?: ShownDocument | null;
  /** The page of the document shown, from 1. */
  page?: number;
}) {
  const citing = catalog.citing(source.id);
  return (
    <Layout title={source.title}>
      <p>
        <a class="back" href="/sources">
          ← All sources
        </a>
      </p>
      <h1>{source.title}</h1>
      <dl class="facts">
        <div>
          <dt>Kind</dt>
          <dd>{source.kind.replace('_', ' ')}</dd>
        </div>
        {source.publisher ? (
          <div>
            <dt>Publisher</dt>
            <dd>{source.publisher}</dd>
          </div>
        ) : null}
        {source.url ? (
          <div>
            <dt>Address</dt>
            <dd>
              <a href={source.url} rel="noopener noreferrer">
                {source.url}
              </a>
            </dd>
          </div>
        ) : null}
      </dl>
      {source.note ? <p>{source.note}</p> : null}
      {document ? <DocumentEvidence {...document} page={page} /> : null}
      <section aria-labelledby="citing-h">
        <h2 id="citing-h">Profiles citing this source ({citing.length})</h2>
        <ul>
          {citing.map((v) => (
            <li>
              <a href={`/profiles/${v.code}`}>{v.title}</a> <code>{v.code}</code>
            </li>
          ))}
        </ul>
      </section>
    </Layout>
  );
}
