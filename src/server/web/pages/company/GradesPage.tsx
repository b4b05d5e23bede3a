import type { GradeCorrelation, GradeLevels } from '../../../../company/gradeCorrelation.js';
import { LEVELS } from '../../../../core/levels.js';
import type { WorkspaceMapping } from '../../../../workflow/companyWorkspace.js';
import { Layout } from '../../Layout.js';
import { TableHead } from '../../TableHead.js';
import { CompanyNav, workspaceHref } from './CompanyNav.js';

const BASIS: Record<GradeLevels['basis'], string> = {
  titles: "its titles' seniority",
  pooled: 'pooled with a neighbour to keep the order',
  between: 'placed between its neighbours',
  set: 'set by hand',
  unordered: 'a grade with no order',
};

/**
 * The level correlation table: each internal grade with the Canon levels it corresponds to and
 * why, a chart of the grades against Canon's ranks, what a person should look at, and a form per
 * grade to set its levels by hand (handled at POST /w/:workspace/grades).
 */
export function GradesPage({ workspace, mapping }: { workspace: string; mapping: WorkspaceMapping }) {
  const { correlation } = mapping;
  return (
    <Layout title="Grades and Canon levels" description="The company's grades set beside Canon's levels.">
      <CompanyNav workspace={workspace} mapping={mapping} current="grades" />
      <h1>Grades and Canon levels</h1>
      <p class="lede">
        Each internal grade corresponds to the Canon level(s) its jobs' titles read, kept in order along its
        ladder: a higher grade never corresponds to a lower level.
      </p>
      {correlation.ladders.map((l) => (
        <p class="small" data-ladder={l.name}>
          Ladder <strong>{l.name}</strong>: {l.grades.join(' → ')} — {l.reason}.
        </p>
      ))}
      <GradeChart correlation={correlation} />
      <section aria-labelledby="table-h" data-section="grades">
        <h2 id="table-h">The table</h2>
        <div class="table-wrap">
          <table>
            <TableHead
              columns={['Grade', 'Canon level(s)', 'Ranks', 'Jobs', 'Titles read', 'Basis', 'Reason']}
            />
            <tbody>
              {correlation.grades.map((g) => (
                <tr data-grade={g.grade}>
                  <th scope="row">
                    {g.grade}
                    {g.spellings.length > 1 || g.spellings[0] !== g.grade ? (
                      <span class="small muted"> ({g.spellings.join(', ')})</span>
                    ) : null}
                  </th>
                  <td>{g.levels.join(' / ') || '—'}</td>
                  <td class="num">{g.low === g.high ? g.low : `${g.low}–${g.high}`}</td>
                  <td class="num">
                    {g.jobs} <span class="small muted">({g.stated} state seniority)</span>
                  </td>
                  <td>{g.readings.map((r) => `${r.jobs} ${r.level}`).join(', ') || '—'}</td>
                  <td>{BASIS[g.basis]}</td>
                  <td class="small">{g.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section aria-labelledby="odd-h" data-section="inconsistencies">
        <h2 id="odd-h">To look at ({correlation.inconsistencies.length})</h2>
        {correlation.inconsistencies.length ? (
          <ul>
            {correlation.inconsistencies.map((i) => (
              <li data-kind={i.kind}>
                <strong>{i.kind}</strong> ({i.grades.join(', ')}): {i.message}
                {i.lines.length ? <span class="small muted"> — lines {i.lines.join(', ')}</span> : null}
              </li>
            ))}
          </ul>
        ) : (
          <p>Nothing: every grade reads as one level, in order.</p>
        )}
      </section>
      <section aria-labelledby="edit-h" data-section="edit">
        <h2 id="edit-h">Set a grade by hand</h2>
        <p>
          Give a Canon level (P3) or a range (P3..P4) and why; the other grades are fitted around the ones
          set. Leave the level empty to let the titles decide again.
        </p>
        {correlation.grades.map((g) => (
          <form
            method="post"
            action={workspaceHref(workspace, 'grades')}
            class="grade-form"
            data-grade={g.grade}
          >
            <input type="hidden" name="grade" value={g.grade} />
            <fieldset>
              <legend>{g.grade}</legend>
              <label>
                Levels{' '}
                <input
                  name="levels"
                  value={g.basis === 'set' ? g.levels.join('..') : ''}
                  placeholder={
                    g.levels.length > 1 ? `${g.levels[0]}..${g.levels.at(-1)}` : (g.levels[0] ?? 'P3')
                  }
                  size={8}
                />
              </label>{' '}
              <label>
                Reason <input name="reason" required size={40} />
              </label>{' '}
              <button type="submit">Save</button>
            </fieldset>
          </form>
        ))}
      </section>
    </Layout>
  );
}

const W_MIN = 560;
const STEP = 44;
const H = 300;
const PAD = { left: 92, right: 16, top: 16, bottom: 56 };
const MAX_RANK = Math.max(...LEVELS.map((l) => l.rank));

/**
 * Grades (x, in ladder order) against Canon's ranks (y): a bar over the ranks each grade
 * corresponds to, and a dot per level its titles read, larger for more titles. A ladder that steps
 * up as it goes right is in order; a flat run is grades the titles do not tell apart. A line
 * separates one ladder from the next.
 */
export function GradeChart({ correlation }: { correlation: GradeCorrelation }) {
  const grades = correlation.grades;
  if (!grades.length) return <p class="muted">No grades in this import.</p>;
  const width = Math.max(W_MIN, PAD.left + PAD.right + grades.length * STEP);
  const y = (rank: number) => PAD.top + (H - PAD.top - PAD.bottom) * (1 - rank / MAX_RANK);
  const x = (i: number) => PAD.left + STEP * i + STEP / 2;
  const rankOf = new Map(LEVELS.map((l) => [l.code, l.rank]));
  const ranks = Array.from({ length: MAX_RANK + 1 }, (_, r) => r);
  return (
    <figure class="grade-chart" data-section="grade-chart">
      <svg viewBox={`0 0 ${width} ${H}`} role="img" aria-labelledby="grade-chart-title">
        <title id="grade-chart-title">
          Each grade against the Canon ranks it corresponds to; the table below gives the same figures.
        </title>
        {ranks.map((r) => (
          <>
            <line x1={PAD.left} x2={width - PAD.right} y1={y(r)} y2={y(r)} class="grid-line" />
            <text x={PAD.left - 6} y={y(r) + 4} text-anchor="end" class="axis">
              {`${r} · ${LEVELS.filter((l) => l.rank === r)
                .map((l) => l.code)
                .join('/')}`}
            </text>
          </>
        ))}
        {grades.map((g, i) =>
          i > 0 && grades[i - 1]?.ladder !== g.ladder ? (
            <line
              x1={x(i) - STEP / 2}
              x2={x(i) - STEP / 2}
              y1={PAD.top}
              y2={H - PAD.bottom}
              class="ladder-line"
            />
          ) : null,
        )}
        {grades.map((g, i) => (
          <g class={`grade basis-${g.basis}`} data-grade={g.grade}>
            <rect x={x(i) - 9} width={18} y={y(g.high) - 5} height={y(g.low) - y(g.high) + 10} rx={5}>
              <title>{`${g.grade}: ${g.levels.join('/')} (${g.reason})`}</title>
            </rect>
            {g.readings.map((r) => (
              <circle
                cx={x(i)}
                cy={y(rankOf.get(r.level) ?? 0)}
                r={Math.min(8, 2.5 + Math.sqrt(r.jobs))}
                class="reading"
              >
                <title>{`${r.jobs} title${r.jobs === 1 ? '' : 's'} at ${g.grade} read ${r.level}`}</title>
              </circle>
            ))}
            <text
              x={x(i)}
              y={H - PAD.bottom + 16}
              text-anchor="end"
              transform={`rotate(-40 ${x(i)} ${H - PAD.bottom + 16})`}
              class="axis"
            >
              {g.grade}
            </text>
          </g>
        ))}
      </svg>
      <figcaption class="small muted">
        Bars: the ranks each grade corresponds to. Dots: the levels its titles read (larger, more titles).
      </figcaption>
    </figure>
  );
}
