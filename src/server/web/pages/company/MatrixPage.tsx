import type { JobFamilyMatrix, MatrixCell, MatrixTitle } from '../../../../company/jobFamilyMatrix.js';
import { findLevel } from '../../../../core/levels.js';
import type { WorkspaceMapping } from '../../../../workflow/companyWorkspace.js';
import { Layout } from '../../Layout.js';
import { workspaceHref } from '../workspace/WorkspaceNav.js';
import { CompanyNav } from './CompanyNav.js';

/** A cell shows this many titles, most people first; the rest fold under them. */
const TITLES_SHOWN = 5;

/**
 * The job family matrix: a grid per function, its focuses × every level of the tracks in use, the
 * header row and focus column in view as it scrolls. A level with no job is an empty cell marked
 * "none"; a level the focus has no profile for is shaded. Jobs that could not be placed follow.
 */
export function MatrixPage({
  workspace,
  mapping,
  matrix,
}: {
  workspace: string;
  mapping: WorkspaceMapping;
  matrix: JobFamilyMatrix;
}) {
  const { totals } = matrix;
  return (
    <Layout title="Job family matrix" description="The company's jobs by function, focus and Canon level.">
      <CompanyNav workspace={workspace} mapping={mapping} current="matrix" />
      <h1>Job family matrix</h1>
      <p class="lede" data-section="matrix-totals">
        {totals.placedJobs} of {totals.jobs} jobs ({totals.placedHeadcount} of {totals.headcount} people)
        placed in {matrix.functions.length} functions. Each cell lists the titles at that level with their job
        codes and headcount; an empty level reads "none".{' '}
        <a href={`${workspaceHref(workspace)}/exports/matrix.csv`}>Download as CSV</a> ·{' '}
        <a href={`${workspaceHref(workspace)}/exports/matrix.xlsx`}>XLSX</a>
      </p>
      {matrix.functions.map((f) => (
        <section aria-labelledby={`fn-${f.function.code}`} data-function={f.function.code}>
          <h2 id={`fn-${f.function.code}`}>
            {f.function.name}{' '}
            <span class="small muted">
              {f.jobs} jobs · {f.headcount} people
            </span>
          </h2>
          <section class="grid-scroll" tabindex={0} aria-label={`${f.function.name} by level`}>
            <table class="grid matrix">
              <thead>
                <tr>
                  <th scope="col">Focus</th>
                  {f.levels.map((code) => (
                    <th scope="col" data-level={code}>
                      <span class="level-code">{code}</span>{' '}
                      <span class="level-title">{findLevel(code)?.title ?? ''}</span>
                    </th>
                  ))}
                  <th scope="col">Total</th>
                </tr>
              </thead>
              <tbody>
                {f.rows.map((r) => (
                  <tr data-focus={r.focus.code}>
                    <th scope="row">
                      {r.focus.name}
                      <span class="focus-codes">{r.focus.code}</span>
                    </th>
                    {r.cells.map((c) => (
                      <Cell cell={c} />
                    ))}
                    <td class="num">{r.headcount}</td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row">People</th>
                  {f.levelTotals.map((t) => (
                    <td class="num" data-level={t.level}>
                      {t.headcount}
                    </td>
                  ))}
                  <td class="num">{f.headcount}</td>
                </tr>
              </tfoot>
            </table>
          </section>
        </section>
      ))}
      <section aria-labelledby="unplaced-h" data-section="unplaced" class="long-text">
        <h2 id="unplaced-h">Not placed ({matrix.unmatched.length})</h2>
        {matrix.unmatched.length ? (
          <>
            <p>These jobs have no focus or no level yet: decide them in the review queue.</p>
            <ul>
              {matrix.unmatched.map((j) => (
                <li>
                  Line {j.line}: {j.title || '(no title)'}
                  {j.jobCode ? ` (${j.jobCode})` : ''}, {j.department || 'no department'} · {j.headcount}{' '}
                  {j.headcount === 1 ? 'person' : 'people'}
                </li>
              ))}
            </ul>
          </>
        ) : (
          <p>Every job is placed.</p>
        )}
      </section>
    </Layout>
  );
}

function Cell({ cell }: { cell: MatrixCell }) {
  const kind = cell.jobs ? 'filled' : cell.offered ? 'empty' : 'not-offered';
  if (!cell.jobs)
    return (
      <td class={`cell ${kind}`} data-level={cell.level} data-headcount="0">
        {cell.offered ? (
          <span class="muted">none</span>
        ) : (
          <span class="visually-hidden">no profile at this level</span>
        )}
      </td>
    );
  const more = cell.titles.slice(TITLES_SHOWN);
  return (
    <td
      class={`cell ${kind}${cell.offered ? '' : ' off-ladder'}`}
      data-level={cell.level}
      data-headcount={cell.headcount}
    >
      <strong>{cell.headcount}</strong>{' '}
      <span class="small muted">{cell.headcount === 1 ? 'person' : 'people'}</span>
      <TitleList titles={cell.titles.slice(0, TITLES_SHOWN)} />
      {more.length ? (
        <details>
          <summary class="small">{more.length} more titles</summary>
          <TitleList titles={more} />
        </details>
      ) : null}
      {cell.offered ? null : <span class="small muted">no profile at this level</span>}
    </td>
  );
}

/** Job codes shown beside a title; the rest are counted (all are in the export). */
const CODES_SHOWN = 3;

function TitleList({ titles }: { titles: readonly MatrixTitle[] }) {
  return (
    <ul class="cell-titles">
      {titles.map((t) => (
        <li>
          {t.title}
          {t.jobCodes.length ? (
            <span class="small muted">
              {' '}
              {t.jobCodes.slice(0, CODES_SHOWN).join(', ')}
              {t.jobCodes.length > CODES_SHOWN ? ` +${t.jobCodes.length - CODES_SHOWN}` : ''}
            </span>
          ) : null}{' '}
          <span class="small">({t.headcount})</span>
        </li>
      ))}
    </ul>
  );
}
