import type { SourceRow } from '../../core/taxonomy.js';

/** The page of one row of a reference file: the source, the row and every statement citing it. */
export function rowHref(row: SourceRow): string {
  return `/sources/${encodeURIComponent(row.source)}/row?file=${encodeURIComponent(row.file)}&key=${encodeURIComponent(row.key)}`;
}

/** The O*NET OnLine summary of an occupation, by its O*NET-SOC code ("29-1141.00"). */
export function onetSummaryUrl(onetSocCode: string): string {
  return `https://www.onetonline.org/link/summary/${encodeURIComponent(onetSocCode)}`;
}

/** The rows a statement was generated from, each a small link: file · key. */
export function RowLinks({ rows }: { rows: readonly SourceRow[] | undefined }) {
  const distinct = [...new Map((rows ?? []).map((r) => [rowHref(r), r])).values()];
  if (distinct.length === 0) return null;
  return (
    <span class="row-cites">
      {distinct.map((r) => (
        <a class="row-cite" href={rowHref(r)} title={`Row ${r.key} of ${r.file} (${r.source})`}>
          {r.file} · {r.key}
        </a>
      ))}
    </span>
  );
}
