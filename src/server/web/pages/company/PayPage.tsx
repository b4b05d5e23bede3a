import {
  jobsMostOffBand,
  PAY_DOTS_PER_ROW,
  type PayAgainstMarket,
  type PaySummary,
} from '../../../../company/payAgainstMarket.js';
import { formatBand, formatMoneyShort } from '../../../../core/format.js';
import type { WorkspaceMapping } from '../../../../workflow/companyWorkspace.js';
import { Layout } from '../../Layout.js';
import { TableHead } from '../../TableHead.js';
import { workspaceHref } from '../workspace/WorkspaceNav.js';
import { CompanyNav } from './CompanyNav.js';

const ratio = (n: number | null) => (n === null ? '—' : n.toFixed(2));

/** Jobs a page of the per-job table lists. */
export const PAY_PAGE_SIZE = 100;

/**
 * Pay against the market: a chart of the spread of compa-ratios per function and level (a box of the
 * middle half, whiskers to the extremes, the few jobs furthest from the median as dots) on the
 * profiles' bands, the summary by function and level, then a page of the jobs, those most off their
 * band first — with why a job has no compa-ratio. The CSV export holds every job.
 */
export function PayPage({
  workspace,
  mapping,
  pay,
  page,
}: {
  workspace: string;
  mapping: WorkspaceMapping;
  pay: PayAgainstMarket;
  /** 1-based; past the last page lists none and says so. */
  page: number;
}) {
  const compared = pay.jobs.filter((j) => j.compaRatio !== null && j.band).length;
  const notCompared = pay.jobs.length - compared;
  const pages = Math.max(1, Math.ceil(pay.jobs.length / PAY_PAGE_SIZE));
  const from = (page - 1) * PAY_PAGE_SIZE;
  const shown = jobsMostOffBand(pay.jobs).slice(from, from + PAY_PAGE_SIZE);
  const href = `${workspaceHref(workspace)}/pay`;
  const pager = (
    <nav class="pager" aria-label="Pages of the jobs">
      {page > 1 ? <a href={`${href}?page=${Math.min(pages, page - 1)}#jobs-h`}>Previous</a> : null}
      <span>
        Page {page} of {pages}
      </span>
      {page < pages ? <a href={`${href}?page=${page + 1}#jobs-h`}>Next</a> : null}
    </nav>
  );
  return (
    <Layout title="Pay against the market" description="The company's pay set against Canon's market bands.">
      <CompanyNav workspace={workspace} mapping={mapping} current="pay" />
      <h1>Pay against the market</h1>
      <p class="lede" data-section="pay-counts">
        {compared} of {pay.jobs.length} jobs with pay compared with their profile's band
        {notCompared ? `; ${notCompared} not compared (the table says why)` : ''}. Mapped jobs stating no pay:{' '}
        {pay.withoutPay}; jobs with no profile: {pay.unmapped}. Compa-ratio is pay ÷ the band's median: 1.00
        is the median.
      </p>
      {compared ? (
        <PaySpread rows={pay.summary.filter((s) => s.spread)} />
      ) : (
        <p class="muted">No job's pay could be compared yet.</p>
      )}
      <section aria-labelledby="summary-h" data-section="pay-summary">
        <h2 id="summary-h">By function and level</h2>
        <div class="table-wrap">
          <table>
            <TableHead
              columns={[
                'Function',
                'Level',
                'Jobs',
                'People',
                'Compared',
                'Median compa-ratio',
                'Below',
                'In',
                'Above',
              ]}
            />
            <tbody>
              {pay.summary.map((s) => (
                <tr>
                  <th scope="row">{s.function}</th>
                  <td>{s.level}</td>
                  <td class="num">{s.jobs}</td>
                  <td class="num">{s.people}</td>
                  <td class="num">{s.compared}</td>
                  <td class="num">{ratio(s.medianCompaRatio)}</td>
                  <td class="num">{s.below}</td>
                  <td class="num">{s.within}</td>
                  <td class="num">{s.above}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section aria-labelledby="jobs-h" data-section="pay-jobs">
        <h2 id="jobs-h">Every job, most off its band first</h2>
        <p class="small" data-section="pay-page">
          {shown.length
            ? `Jobs ${from + 1}–${from + shown.length} of ${pay.jobs.length}`
            : `No jobs on page ${page}: there are ${pay.jobs.length}`}
          , ordered by how far pay lies outside the band, then by distance from the median; jobs not compared
          last. Every job:{' '}
          <a href={`${workspaceHref(workspace)}/exports/pay.csv`} download="pay.csv">
            pay.csv
          </a>
          .
        </p>
        {pages > 1 ? pager : null}
        <div class="table-wrap">
          <table class="small">
            <TableHead
              columns={[
                'Line',
                'Title',
                'Location',
                'Profile',
                'Pay',
                'Band',
                'Region',
                'Compa-ratio',
                'Position',
                'Basis',
              ]}
            />
            <tbody>
              {shown.map((j) => (
                <tr data-line={j.job.line}>
                  <td class="num">{j.job.line}</td>
                  <th scope="row">{j.job.title}</th>
                  <td>{j.job.location}</td>
                  <td>
                    <a href={`/profiles/${encodeURIComponent(j.profileCode)}`}>{j.profileCode}</a>
                  </td>
                  <td class="num">
                    {j.pay.toLocaleString('en-US')} {j.currency}
                  </td>
                  <td>{j.band ? formatBand(j.band) : '—'}</td>
                  <td>{j.region.note}</td>
                  <td class="num" data-compa={j.compaRatio === null ? '' : j.compaRatio.toFixed(2)}>
                    {ratio(j.compaRatio)}
                  </td>
                  <td>{j.reason ?? j.position ?? 'no range'}</td>
                  <td>
                    {j.band ? `${j.band.kind}: ${j.band.basis}` : ''}
                    {j.notes.map((n) => (
                      <>
                        <br />
                        {n}
                      </>
                    ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {pages > 1 ? pager : null}
      </section>
    </Layout>
  );
}

const W = 760;
const ROW = 24;
const PAD = { left: 250, right: 20, top: 10, bottom: 34 };

/**
 * The compared jobs on one scale: pay as a share of its band's median (the compa-ratio), a row per
 * function and level. Each band is a bar from its low to its high over the same median, so bands in
 * any currency share the scale without converting one currency into another; the line at 1.00 is the
 * median. Over it, the row's jobs as a box (the middle half, a tick at their median) with whiskers to
 * the lowest and highest, and only the few jobs furthest from 1.00 as dots, so a row of 10,000 jobs
 * draws as little as a row of ten.
 */
function PaySpread({ rows }: { rows: readonly PaySummary[] }) {
  const values = rows.flatMap((r) => [
    r.spread?.min ?? 1,
    r.spread?.max ?? 1,
    ...r.bands.flatMap((b) => [b.low, b.high]),
  ]);
  const min = Math.min(0.5, ...values) - 0.05;
  const max = Math.max(1.5, ...values) + 0.05;
  const x = (v: number) => PAD.left + ((W - PAD.left - PAD.right) * (v - min)) / (max - min);
  const height = PAD.top + PAD.bottom + rows.length * ROW;
  // A tick every quarter, half or whole as the range widens: about eight at most.
  const every = max - min > 4 ? 1 : max - min > 2 ? 0.5 : 0.25;
  const ticks = Array.from({ length: Math.floor(max / every) + 1 }, (_, i) => i * every).filter(
    (t) => t >= min,
  );
  return (
    <figure class="pay-dots" data-section="pay-chart">
      <svg viewBox={`0 0 ${W} ${height}`} role="img" aria-labelledby="pay-dots-title">
        <title id="pay-dots-title">
          The spread of each function and level's compa-ratios against its market bands; the tables below give
          the figures.
        </title>
        {ticks.map((t) => (
          <>
            <line
              x1={x(t)}
              x2={x(t)}
              y1={PAD.top}
              y2={height - PAD.bottom}
              class={t === 1 ? 'median' : 'grid-line'}
            />
            <text x={x(t)} y={height - 14} text-anchor="middle" class="axis">
              {t.toFixed(2)}
            </text>
          </>
        ))}
        <text x={x(1)} y={height - 2} text-anchor="middle" class="axis">
          compa-ratio (pay ÷ band median)
        </text>
        {rows.map((r, i) => {
          const cy = PAD.top + ROW * i + ROW / 2;
          const s = r.spread;
          if (!s) return null;
          const label = `${r.function} · ${r.level}`;
          const named = `${label.length > 32 ? `${label.slice(0, 30)}…` : label} (${s.jobs})`;
          return (
            <g class="pay-row" data-row={label} data-jobs={s.jobs}>
              <text x={PAD.left - 8} y={cy + 4} text-anchor="end" class="axis">
                {named}
              </text>
              {r.bands.map((b) => (
                <rect
                  x={x(b.low)}
                  width={Math.max(2, x(b.high) - x(b.low))}
                  y={cy - 6}
                  height={12}
                  rx={4}
                  class="band"
                />
              ))}
              <g class="spread">
                <title>{`${label}: ${s.jobs} jobs compared; compa-ratio lowest ${ratio(s.min)}, quartiles ${ratio(s.q1)} / ${ratio(s.median)} / ${ratio(s.q3)}, highest ${ratio(s.max)}`}</title>
                <line x1={x(s.min)} x2={x(s.max)} y1={cy} y2={cy} class="whisker" />
                <rect x={x(s.q1)} width={Math.max(2, x(s.q3) - x(s.q1))} y={cy - 4} height={8} class="box" />
                <line x1={x(s.median)} x2={x(s.median)} y1={cy - 5} y2={cy + 5} class="box-median" />
              </g>
              {r.outliers.map((j) => (
                <circle
                  cx={x(j.compaRatio ?? 1)}
                  cy={cy}
                  r={3.5}
                  class={`dot ${(j.compaRatio ?? 1) < 1 ? 'under' : 'over'}`}
                >
                  <title>{`${j.job.title}, line ${j.job.line}: ${j.pay.toLocaleString('en-US')} ${j.currency} against a median of ${j.band ? formatMoneyShort(j.band.median, j.band.currency) : '—'} (${j.region.name ?? 'no region'}), compa-ratio ${ratio(j.compaRatio)}`}</title>
                </circle>
              ))}
            </g>
          );
        })}
      </svg>
      <figcaption class="small muted">
        Bars: the market bands of the row's profiles, low to high, each over its own median. Over them, the
        row's compared jobs (their count in brackets): a box from the first to the third quartile with a tick
        at the median, a line from the lowest to the highest; dots: at most {PAY_DOTS_PER_ROW} jobs per row,
        those furthest from 1.00. The table and pay.csv give every job.
      </figcaption>
    </figure>
  );
}
