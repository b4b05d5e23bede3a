import type { Child } from 'hono/jsx';
import type { Catalog } from '../../../core/catalog.js';
import type { EvidenceSpan, StoredDocument } from '../../../core/evidence.js';
import type { RowCitation } from '../../../core/rowCitations.js';
import { onetSocCodeInKey, onetSocCodesOf } from '../../../core/socCodes.js';
import type { Source, SourceRow } from '../../../core/taxonomy.js';
import type { TextPage } from '../highlightSpans.js';
import { Layout } from '../Layout.js';
import { onetSummaryUrl } from '../RowLinks.js';
import { StatusBadge } from '../StatusBadge.js';
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
      <SourceFacts source={source} />
      {source.note ? <p>{source.note}</p> : null}
      {document ? <DocumentEvidence {...document} page={page} /> : null}
      <section aria-labelledby="citing-h">
        <h2 id="citing-h">Profiles citing this source ({citing.length.toLocaleString('en-US')})</h2>
        {citing.length > LISTED_CITING ? (
          <CitingByFunction catalog={catalog} codes={citing.map((v) => v.fn.code)} />
        ) : (
          <ul>
            {citing.map((v) => (
              <li>
                <a href={`/profiles/${v.code}`}>{v.title}</a> <code>{v.code}</code>{' '}
                <StatusBadge status={v.record.status} />
              </li>
            ))}
          </ul>
        )}
      </section>
    </Layout>
  );
}

/** Past this many citing profiles a source page counts them per function instead of listing them. */
const LISTED_CITING = 200;

function CitingByFunction({ catalog, codes }: { catalog: Catalog; codes: readonly string[] }) {
  const counts = new Map<string, number>();
  for (const code of codes) counts.set(code, (counts.get(code) ?? 0) + 1);
  return (
    <>
      <p class="small muted">Too many to list here; by function:</p>
      <ul>
        {catalog.functions
          .filter((fn) => counts.has(fn.code))
          .map((fn) => (
            <li>
              <a href={`/functions/${fn.code}`}>{fn.name}</a> — {counts.get(fn.code)}
            </li>
          ))}
      </ul>
    </>
  );
}

/** Kind, publisher (which names the licence where there is one) and address of a source. */
function SourceFacts({ source, children }: { source: Source; children?: Child }) {
  return (
    <dl class="facts">
      <div>
        <dt>Kind</dt>
        <dd>{source.kind.replace('_', ' ')}</dd>
      </div>
      {source.publisher ? (
        <div>
          <dt>Publisher and licence</dt>
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
      {children}
    </dl>
  );
}

/**
 * One row of a reference file: its source, and every statement of the catalog generated from
 * it, each with the profile (or, for what a focus states at every level, the focus) it is on.
 */
export function SourceRowPage({
  catalog,
  source,
  row,
  citing,
}: {
  catalog: Catalog;
  source: Source;
  row: SourceRow;
  citing: readonly RowCitation[];
}) {
  const onetCodes = [
    ...new Set([
      ...[onetSocCodeInKey(row.key)].filter((c): c is string => c !== null),
      ...citing.flatMap((c) => onetSocCodesOf(catalog.findFocus(c.focusCode)?.mappings ?? [])),
    ]),
  ];
  return (
    <Layout title={`${row.file} · ${row.key} — ${source.title}`}>
      <p>
        <a class="back" href={`/sources/${encodeURIComponent(source.id)}`}>
          ← {source.title}
        </a>
      </p>
      <h1>
        {row.file} · {row.key}
      </h1>
      <p class="lede">
        A row of <em>{row.file}</em> in{' '}
        <a href={`/sources/${encodeURIComponent(source.id)}`}>{source.title}</a>, and the statements Canon
        generated from it.
      </p>
      <SourceFacts source={source}>
        <div>
          <dt>File</dt>
          <dd data-section="row-file">{row.file}</dd>
        </div>
        <div>
          <dt>Key</dt>
          <dd data-section="row-key">
            <code>{row.key}</code>
          </dd>
        </div>
      </SourceFacts>
      {onetCodes.length > 0 ? (
        <p data-section="onet-links">
          On O*NET OnLine:{' '}
          {onetCodes.map((code, i) => (
            <>
              {i > 0 ? ', ' : ''}
              <a href={onetSummaryUrl(code)} rel="noopener noreferrer">
                {code} summary
              </a>
            </>
          ))}
        </p>
      ) : null}
      <section aria-labelledby="row-citing-h" data-section="row-citations">
        <h2 id="row-citing-h">Statements citing this row ({citing.length.toLocaleString('en-US')})</h2>
        <ol class="row-citations">
          {citing.map((c) => (
            <li>
              <span class="part">{c.part}</span> {c.text} <CitationPlace catalog={catalog} citation={c} />
            </li>
          ))}
        </ol>
      </section>
    </Layout>
  );
}

function CitationPlace({ catalog, citation }: { catalog: Catalog; citation: RowCitation }) {
  const focus = catalog.findFocus(citation.focusCode);
  if (citation.levelCode === null) {
    return (
      <span class="muted small">
        — <a href={`/functions/${citation.functionCode}#focus-${citation.focusCode}`}>{focus?.name}</a>, every
        level
      </span>
    );
  }
  const view = catalog.findProfile(`${citation.functionCode}.${citation.focusCode}.${citation.levelCode}`);
  if (!view)
    return (
      <span class="muted small">
        — {focus?.name}, {citation.levelCode}
      </span>
    );
  return (
    <span class="small">
      — <a href={`/profiles/${view.code}`}>{view.name}</a> <StatusBadge status={view.record.status} />
    </span>
  );
}
