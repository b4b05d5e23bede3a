import type { Child } from 'hono/jsx';
import type { CompanyJob } from '../../../../company/companyJob.js';
import type { ImportDiff, ImportPreview } from '../../../../workflow/companyWorkspace.js';
import { Layout } from '../../Layout.js';
import { companyPaths } from './companyPaths.js';
import { DecidedCounts } from './DecidedCounts.js';
import { JobMatchCell } from './JobMatchCell.js';
import { ROLE_LABELS } from './MappingStep.js';

/** Rows of the match table a page shows; the download has them all. */
export const ROWS_PER_PAGE = 100;
/** Problems, notes and changes listed on the page; each list says how many more the download holds. */
export const LISTED = 200;

const count = (n: number) => n.toLocaleString('en-US');

function More({ shown, total, what }: { shown: number; total: number; what: string }) {
  return total > shown ? (
    <p class="small muted">
      Showing {count(shown)} of {count(total)} {what}; the download has every one.
    </p>
  ) : null;
}

function Summary({ preview }: { preview: ImportPreview }) {
  const s = preview.plan.summary;
  const items: [string, number][] = [
    ['lines after the header', s.lines],
    ['rows read', s.read],
    ['problems', s.problems],
    ['duplicate rows', s.duplicates],
    ['matched', s.matched],
    ['need review', s.needsReview],
    ['unmatched', s.unmatched],
  ];
  return (
    <section aria-labelledby="summary-h" data-section="summary">
      <h2 id="summary-h">Summary</h2>
      <dl class="counts">
        {items.map(([label, n]) => (
          <div>
            <dt>{label}</dt>
            <dd>{count(n)}</dd>
          </div>
        ))}
      </dl>
      <DecidedCounts
        decided={preview.decided}
        caption="How these rows would be decided: by a person, by this workspace's dictionary of earlier decisions, or automatically by the matcher."
      />
    </section>
  );
}

function Problems({ preview, unit }: { preview: ImportPreview; unit: string }) {
  const { problems, warnings } = preview.plan;
  const lists: [string, string, { line: number; message: string }[]][] = [
    ['problems', 'Rows not read or not matched', problems],
    ['warnings', 'Rows read with a caveat', warnings],
    ['cell-notes', 'Pay and headcount cells left out', preview.notes],
  ];
  return (
    <section aria-labelledby="problems-h" data-section="problems" class="long-text">
      <h2 id="problems-h">Problems by {unit}</h2>
      {lists.every(([, , l]) => l.length === 0) ? <p>Every row was read.</p> : null}
      {lists.map(([key, heading, list]) =>
        list.length ? (
          <div data-list={key}>
            <h3>
              {heading} ({count(list.length)})
            </h3>
            <ul>
              {list.slice(0, LISTED).map((p) => (
                <li data-line={p.line}>
                  <strong>
                    {unit} {p.line}
                  </strong>
                  : {p.message}
                </li>
              ))}
            </ul>
            <More shown={Math.min(LISTED, list.length)} total={list.length} what={heading.toLowerCase()} />
          </div>
        ) : null,
      )}
    </section>
  );
}

function GradeTable({ preview }: { preview: ImportPreview }) {
  const { grades, inconsistencies } = preview.plan.correlation;
  return (
    <section aria-labelledby="grades-h" data-section="grades">
      <h2 id="grades-h">Grades and Canon levels</h2>
      {grades.length === 0 ? (
        <p class="muted">No grade column, or no grade with a job read: levels come from the titles alone.</p>
      ) : (
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">Grade</th>
                <th scope="col">Canon levels</th>
                <th scope="col" class="num">
                  Jobs
                </th>
                <th scope="col">Why</th>
              </tr>
            </thead>
            <tbody>
              {grades.map((g) => (
                <tr>
                  <th scope="row">
                    {g.grade}
                    <span class="small muted"> {g.ladder}</span>
                  </th>
                  <td>{g.levels.join(', ') || '—'}</td>
                  <td class="num">{count(g.jobs)}</td>
                  <td class="small">{g.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {inconsistencies.length ? (
        <>
          <h3>To look at ({count(inconsistencies.length)})</h3>
          <ul>
            {inconsistencies.slice(0, LISTED).map((i) => (
              <li>{i.message}</li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

const jobName = (j: CompanyJob) =>
  [j.jobCode, j.title, j.department, j.grade, j.location].filter(Boolean).join(' · ');

function Diff({ diff, hasCurrent }: { diff: ImportDiff; hasCurrent: boolean }) {
  return (
    <section aria-labelledby="diff-h" data-section="diff" class="long-text">
      <h2 id="diff-h">Against the current mapping</h2>
      {!hasCurrent ? (
        <p>This workspace has no mapping yet: every job is new.</p>
      ) : diff.unchanged ? (
        <p>Storing this file changes nothing: the workspace already holds these jobs.</p>
      ) : (
        <p>
          {count(diff.added.length)} added, {count(diff.removed.length)} removed, {count(diff.changed.length)}{' '}
          changed.
        </p>
      )}
      {hasCurrent
        ? (
            [
              ['Added', diff.added.map(jobName)],
              ['Removed', diff.removed.map(jobName)],
              ['Changed', diff.changed.map((c) => `${jobName(c.after)}: ${c.fields.join(', ')}`)],
            ] as [string, string[]][]
          ).map(([label, items]) =>
            items.length ? (
              <details>
                <summary>
                  {label} ({count(items.length)})
                </summary>
                <ul>
                  {items.slice(0, LISTED).map((t) => (
                    <li>{t}</li>
                  ))}
                </ul>
                <More shown={Math.min(LISTED, items.length)} total={items.length} what="jobs" />
              </details>
            ) : null,
          )
        : null}
    </section>
  );
}

function Rows({
  preview,
  page,
  self,
  unit,
}: {
  preview: ImportPreview;
  page: number;
  self: string;
  unit: string;
}) {
  const pages = Math.max(1, Math.ceil(preview.jobs.length / ROWS_PER_PAGE));
  const at = Math.min(Math.max(1, page), pages);
  const shown = preview.jobs.slice((at - 1) * ROWS_PER_PAGE, at * ROWS_PER_PAGE);
  const pager =
    pages > 1 ? (
      <nav class="pager" aria-label="Pages of rows">
        {at > 1 ? <a href={`${self}?page=${at - 1}#rows-h`}>Previous</a> : null}
        <span>
          Page {at} of {pages}
        </span>
        {at < pages ? <a href={`${self}?page=${at + 1}#rows-h`}>Next</a> : null}
      </nav>
    ) : null;
  return (
    <section aria-labelledby="rows-h" data-section="rows">
      <h2 id="rows-h">Every row's match</h2>
      <p>
        {count(preview.jobs.length)} rows matched.{' '}
        <a href={`${self}/mapping.csv`} download>
          Download every row as CSV
        </a>{' '}
        (the file's own columns, then the match or the problem of each {unit}).
      </p>
      {pager}
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col" class="num">
                {unit}
              </th>
              <th scope="col">Title</th>
              <th scope="col">Department</th>
              <th scope="col">Grade</th>
              <th scope="col">Status</th>
              <th scope="col">Canon profile</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((j) => (
              <tr data-line={j.line}>
                <td class="num">{j.line}</td>
                <td>{j.title}</td>
                <td>{j.department}</td>
                <td>{j.grade}</td>
                <td>
                  {j.match.status}
                  {j.decidedBy === 'automatic'
                    ? ''
                    : ` (${j.decidedBy === 'person' ? 'a person' : 'dictionary'})`}
                  {j.match.duplicateOf !== null ? (
                    <span class="small muted"> repeats {j.match.duplicateOf}</span>
                  ) : null}
                </td>
                <td>
                  <JobMatchCell job={j} />
                  {j.match.review.length ? <div class="small">{j.match.review.join('; ')}</div> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {pager}
    </section>
  );
}

/**
 * Step 3 of an import: the dry run. What storing the file would hold — counts, every problem by its
 * line, the grade table, every row's match a page at a time (all of them in the download) and the
 * change against the workspace's current mapping — and the button that stores exactly this.
 */
export function DryRunPage(props: {
  workspace: string;
  nav?: Child;
  run: string;
  preview: ImportPreview;
  hasCurrent: boolean;
  page: number;
  error?: string;
}) {
  const { preview } = props;
  const { table } = preview.plan;
  const self = companyPaths(props.workspace).run(props.run);
  return (
    <Layout title={`Dry run of ${table.file}`}>
      {props.nav ?? null}
      <h1>Dry run of {table.file}</h1>
      <p class="lede">Nothing is stored yet. Check what this import would hold, then store it.</p>
      {props.error ? (
        <p class="error" role="alert" data-section="import-error">
          {props.error}
        </p>
      ) : null}
      <p data-section="columns-used" class="long-text">
        Columns:{' '}
        {preview.plan.columns
          .filter((c) => c.header !== null)
          .map((c) => `${ROLE_LABELS.get(c.role) ?? c.role} ← “${c.header}”`)
          .join(', ')}
        . <a href={`${self}?step=columns`}>Change the columns</a>
      </p>
      <form method="post" action={`${self}/store`} class="store" data-section="store">
        <button type="submit">Store this import</button>{' '}
        <span class="small muted">
          Stores this file read with these columns, as this dry run shows it, as the workspace's mapping.
        </span>
      </form>
      <Summary preview={preview} />
      <Problems preview={preview} unit={table.unit} />
      <Diff diff={preview.diff} hasCurrent={props.hasCurrent} />
      <GradeTable preview={preview} />
      <Rows preview={preview} page={props.page} self={self} unit={table.unit} />
    </Layout>
  );
}
