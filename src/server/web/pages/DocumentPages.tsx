import type { EvidenceSpan, StoredDocument } from '../../../core/evidence.js';
import {
  CLAIM_KINDS,
  type ClaimKind,
  type CrosswalkEntry,
  type IngestSummary,
} from '../../../core/evidence.js';
import { LEVELS } from '../../../core/levels.js';
import { highlightSpans, paginateSegments, type TextPage } from '../highlightSpans.js';
import { Layout } from '../Layout.js';
import { TableHead } from '../TableHead.js';

const KIND_LABELS: Readonly<Record<ClaimKind, string>> = {
  responsibility: 'Responsibility',
  skill: 'Skill',
  experience: 'Experience',
  education: 'Education',
  pay: 'Pay',
  title: 'Title',
  career_path: 'Career path',
  level_definition: 'Level definition',
  transition: 'Transition',
};

/** The source's levels beside Canon's: each canonical level with the source levels mapped onto it. */
export function CrosswalkTable({ levels }: { levels: CrosswalkEntry[] }) {
  const used = LEVELS.filter((l) => levels.some((s) => s.canonical.code === l.code));
  const low = Math.min(...used.map((l) => l.rank));
  const high = Math.max(...used.map((l) => l.rank));
  const shown = LEVELS.filter(
    (l) => l.rank >= low && l.rank <= high && used.some((u) => u.track === l.track),
  ).sort((a, b) => a.rank - b.rank || a.track.localeCompare(b.track));
  return (
    <div class="table-wrap">
      <table data-section="crosswalk">
        <TableHead columns={['Canon level', 'Source level', 'Confidence', 'Why']} />
        <tbody>
          {shown.map((level) => {
            const mapped = levels.filter((s) => s.canonical.code === level.code);
            return (
              <tr class={mapped.length ? 'current' : undefined}>
                <th scope="row">
                  {level.code} — {level.title}
                </th>
                <td>{mapped.map((m) => m.label).join('; ') || <span class="muted">—</span>}</td>
                <td>{mapped.map((m) => m.confidence.toFixed(1)).join('; ')}</td>
                <td class="small">{mapped.map((m) => m.reason).join(' · ')}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/**
 * A page of the document shows about 100 KB of it and at most 500 marked spans, so a page of a
 * 2 MB document stays small to render and to cache.
 */
const DOCUMENT_PAGE = { chars: 100_000, spans: 500 };

/** An ingested document's pages, each with its evidence spans marked. */
export function documentPages(document: StoredDocument, evidence: readonly EvidenceSpan[]): TextPage[] {
  return paginateSegments(
    highlightSpans(
      document.body,
      evidence.map((e) => ({ start: e.startOffset, end: e.endOffset, kind: e.kind, id: e.id })),
    ),
    DOCUMENT_PAGE,
  );
}

/**
 * One page of an ingested document with every evidence span on it marked by kind, so a reader
 * sees what Canon took from where; the crosswalk and the counts are the whole document's.
 */
export function DocumentEvidence({
  document,
  evidence,
  pages,
  page,
}: {
  document: StoredDocument;
  evidence: EvidenceSpan[];
  pages: TextPage[];
  /** From 1. */
  page: number;
}) {
  const counts = CLAIM_KINDS.map((k) => [k, evidence.filter((e) => e.kind === k).length] as const).filter(
    ([, n]) => n > 0,
  );
  const segments = pages[page - 1]?.segments ?? [];
  const pager = pages.length > 1 ? <Pager page={page} pages={pages.length} /> : null;
  return (
    <>
      <section aria-labelledby="levels-h">
        <h2 id="levels-h">Levels and how they map</h2>
        {document.levels.length ? (
          <CrosswalkTable levels={document.levels} />
        ) : (
          <p class="muted">No level.</p>
        )}
      </section>
      <section aria-labelledby="doc-h">
        <h2 id="doc-h">
          The document{' '}
          <span class="muted small">
            ({document.name}, {document.format})
          </span>
        </h2>
        <ul class="legend" aria-label="Evidence kinds">
          {counts.map(([kind, n]) => (
            <li class={`ev ev-${kind}`}>
              {KIND_LABELS[kind]} {n}
            </li>
          ))}
        </ul>
        {pager}
        <pre class="document" data-section="document">
          {segments.map((s) =>
            s.span ? (
              <mark
                id={`ev-${s.span.id}`}
                class={`ev ev-${s.span.kind}`}
                title={KIND_LABELS[s.span.kind as ClaimKind]}
              >
                <span class="visually-hidden">[{KIND_LABELS[s.span.kind as ClaimKind]}] </span>
                {s.text}
              </mark>
            ) : (
              s.text
            ),
          )}
        </pre>
        {pager}
      </section>
    </>
  );
}

function Pager({ page, pages }: { page: number; pages: number }) {
  return (
    <nav class="pager" aria-label="Pages of the document">
      {page > 1 ? <a href={`?page=${page - 1}`}>← Page {page - 1}</a> : null}
      <span>
        Page {page} of {pages}
      </span>
      {page < pages ? <a href={`?page=${page + 1}`}>Page {page + 1} →</a> : null}
    </nav>
  );
}

/** Paste or upload a ladder and see where its levels sit; nothing is stored. */
export function IngestPage({
  result,
  skipped,
  error,
  text,
}: {
  /** The document as read, with what storing it would propose. */
  result: IngestSummary | null;
  /** The document when no level was found in it, with why. */
  skipped?: { name: string; warnings: string[] } | null;
  error?: string;
  text?: string;
}) {
  return (
    <Layout title="Map a ladder" description="Paste or upload a career ladder and see its levels on Canon's.">
      <h1>Map a ladder</h1>
      <p class="lede">
        Paste a career ladder or job description (Markdown, HTML or text copied from a page) or upload a file
        (also DOCX). Canon finds its levels, maps each onto the canonical framework with its reasons, and
        counts the claims it read. This page stores nothing; <code>canon ingest</code> and{' '}
        <code>POST /api/sources</code> do.
      </p>
      <form class="ingest" method="post" action="/ingest" enctype="multipart/form-data">
        <label for="text">Document text</label>
        <textarea id="text" name="text" rows={12}>
          {text ?? ''}
        </textarea>
        <label for="file">or a file</label>
        <input id="file" name="file" type="file" accept=".md,.markdown,.html,.htm,.txt,.docx" />
        <button type="submit">Map it</button>
      </form>
      {error ? (
        <p class="error" role="alert">
          {error}
        </p>
      ) : null}
      {result ? (
        <section aria-labelledby="result-h">
          <h2 id="result-h">{result.source.title}</h2>
          {result.levels.length ? <CrosswalkTable levels={result.levels} /> : null}
          <p>
            Claims:{' '}
            {(Object.entries(result.claims) as [ClaimKind, number][])
              .filter(([, n]) => n > 0)
              .map(([k, n]) => `${KIND_LABELS[k].toLowerCase()} ${n}`)
              .join(', ') || 'none'}
            .
          </p>
          {result.warnings.map((w) => (
            <p class="muted">{w}</p>
          ))}
        </section>
      ) : null}
      {skipped ? (
        <section aria-labelledby="result-h">
          <h2 id="result-h">No level found</h2>
          {skipped.warnings.map((w) => (
            <p class="muted">{w}</p>
          ))}
        </section>
      ) : null}
    </Layout>
  );
}
