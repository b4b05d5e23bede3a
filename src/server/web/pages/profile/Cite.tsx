import type { EvidenceRef, Source, SourceRow, Statement } from '../../../../core/taxonomy.js';
import { RowLinks } from '../../RowLinks.js';

/**
 * Numbered citations; a citation backed by a span of an ingested document links straight to that
 * span, and the rows of reference files a generated statement came from follow the numbers.
 */
export function Cite(props: {
  ids: readonly string[];
  sources: readonly Source[];
  evidence?: readonly EvidenceRef[] | undefined;
  rows?: readonly SourceRow[] | undefined;
}) {
  const numbered = props.ids
    .map((id) => ({ id, n: props.sources.findIndex((s) => s.id === id) + 1 }))
    .filter((x) => x.n > 0);
  return (
    <>
      {numbered.length > 0 ? (
        <sup class="cite">
          {numbered.map((x, i) => (
            <>
              {i > 0 ? ',' : ''}
              <a href={spanOf(x.id, props.evidence)} title={props.sources[x.n - 1]?.title}>
                {x.n}
              </a>
            </>
          ))}
        </sup>
      ) : null}
      <RowLinks rows={props.rows} />
    </>
  );
}

function spanOf(source: string, evidence: readonly EvidenceRef[] | undefined): string {
  const ref = evidence?.find((e) => e.source === source);
  // The source page sends ?ev= on to the page of its document that shows the span.
  return ref ? `/sources/${source}?ev=${ref.id}` : `/sources/${source}`;
}

/** Statements as a list, each followed by its citations. */
export function CitedStatements({
  statements,
  sources,
}: {
  statements: readonly Statement[];
  sources: readonly Source[];
}) {
  return (
    <ul>
      {statements.map((r) => (
        <li>
          {r.text}
          <Cite ids={r.sources} sources={sources} evidence={r.evidence} rows={r.rows} />
        </li>
      ))}
    </ul>
  );
}
