import type { JobPay, PayAgainstMarket } from '../../../../company/payAgainstMarket.js';
import { formatBand, formatMoneyShort } from '../../../../core/format.js';
import { LEVELS } from '../../../../core/levels.js';
import type { WorkspaceMapping } from '../../../../workflow/companyWorkspace.js';
import { Layout } from '../../Layout.js';
import { TableHead } from '../../TableHead.js';
import { CompanyNav } from './CompanyNav.js';

const ratio = (n: number | null) => (n === null ? '—' : n.toFixed(2));

/**
 * Pay against the market: a chart of every compared job's pay (a dot) on its profile's band (a bar),
 * then the summary by function and level, and every
 * job's compa-ratio with the band's basis and region — or why it has none.
 */
export function PayPage({
  workspace,
  mapping,
  pay,
}: {
  workspace: string;
  mapping: WorkspaceMapping;
  pay: PayAgainstMarket;
}) {
  const compared = pay.jobs.filter((j) => j.compaRatio !== null && j.band);
  const notCompared = pay.jobs.length - compared.length;
  return (
    <Layout title="Pay against the market" description="The company's pay set against Canon's market bands.">
      <CompanyNav workspace={workspace} mapping={mapping} current="pay" />
      <h1>Pay against the market</h1>
      <p class="lede" data-section="pay-counts">
        {compared.length} of {pay.jobs.length} jobs with pay compared with their profile's band
        {notCompared ? `; ${notCompared} not compared (the table says why)` : ''}. Mapped jobs stating no pay:{' '}
        {pay.withoutPay}; jobs with no profile: {pay.unmapped}. Compa-ratio is pay ÷ the band's median: 1.00
        is the median.
      </p>
      {compared.length ? (
        <PayDots jobs={compared} />
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
        <h2 id="jobs-h">Every job</h2>
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
              {pay.jobs.map((j) => (
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
      </section>
    </Layout>
  );
}

const W = 760;
const ROW = 24;
const PAD = { left: 250, right: 20, top: 10, bottom: 34 };

/**
 * Every compared job on one scale: pay as a share of its band's median (the compa-ratio), a row per
 * function and level. Each band is drawn as a bar from its low to its high over the same median, so
 * bands in any currency share the scale without converting one currency into another; the line at
 * 1.00 is the median. A dot left of it is paid below the market, right of it above.
 */
function PayDots({ jobs }: { jobs: readonly JobPay[] }) {
  const rows = new Map<string, JobPay[]>();
  for (const j of jobs) {
    const key = `${j.job.match.function?.name ?? ''} · ${j.job.match.level?.code ?? ''}`;
    const list = rows.get(key);
    if (list) list.push(j);
    else rows.set(key, [j]);
  }
  const spans = (j: JobPay) => {
    const b = j.band;
    return b && b.low !== null && b.high !== null ? { low: b.low / b.median, high: b.high / b.median } : null;
  };
  const values = jobs.flatMap((j) => {
    const s = spans(j);
    return [j.compaRatio ?? 1, ...(s ? [s.low, s.high] : [])];
  });
  const min = Math.min(0.5, ...values) - 0.05;
  const max = Math.max(1.5, ...values) + 0.05;
  const x = (v: number) => PAD.left + ((W - PAD.left - PAD.right) * (v - min)) / (max - min);
  const height = PAD.top + PAD.bottom + rows.size * ROW;
  // A tick every quarter, half or whole as the range widens: about eight at most.
  const every = max - min > 4 ? 1 : max - min > 2 ? 0.5 : 0.25;
  const ticks = Array.from({ length: Math.floor(max / every) + 1 }, (_, i) => i * every).filter(
    (t) => t >= min,
  );
  return (
    <figure class="pay-dots" data-section="pay-chart">
      <svg viewBox={`0 0 ${W} ${height}`} role="img" aria-labelledby="pay-dots-title">
        <title id="pay-dots-title">
          Each job's pay as a share of its market band's median, by function and level; the tables below give
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
        {[...rows]
          .sort(([, a], [, b]) => rowOrder(a).localeCompare(rowOrder(b)) || levelIndex(a) - levelIndex(b))
          .map(([label, list], i) => {
            const cy = PAD.top + ROW * i + ROW / 2;
            const bands = new Map(
              list.flatMap((j) => {
                const s = spans(j);
                return s ? [[`${s.low}:${s.high}`, s] as const] : [];
              }),
            );
            return (
              <g class="pay-row" data-row={label}>
                <text x={PAD.left - 8} y={cy + 4} text-anchor="end" class="axis">
                  {label.length > 40 ? `${label.slice(0, 38)}…` : label}
                </text>
                {[...bands.values()].map((s) => (
                  <rect
                    x={x(s.low)}
                    width={Math.max(2, x(s.high) - x(s.low))}
                    y={cy - 6}
                    height={12}
                    rx={4}
                    class="band"
                  />
                ))}
                {list.map((j) => (
                  <circle
                    cx={x(j.compaRatio ?? 1)}
                    cy={cy}
                    r={4}
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
        Bars: the market bands of the row's profiles, low to high, each over its own median; dots: the
        company's jobs.
      </figcaption>
    </figure>
  );
}

const rowOrder = (list: readonly JobPay[]) => list[0]?.job.match.function?.name ?? '';
const levelIndex = (list: readonly JobPay[]) =>
  LEVELS.findIndex((l) => l.code === list[0]?.job.match.level?.code);
