import { formatMoneyShort, formatRange } from '../../core/format.js';
import type { PayBand } from '../../core/payBands.js';

export interface PayBar {
  label: string;
  band: PayBand | null;
  highlight: boolean;
}

const W = 560;
const H = 220;
const PAD = { left: 64, right: 16, top: 16, bottom: 36 };

/**
 * Pay bands as an SVG drawn on the server — across a focus's levels, or across
 * compared profiles: a bar from low to high, a tick at the median, estimates
 * dashed. The table beside it is the text alternative with the same numbers.
 */
export function PayChart({ bars, labelHeading = 'Level' }: { bars: PayBar[]; labelHeading?: string }) {
  const known = bars.filter((l) => l.band);
  if (known.length === 0) return <p class="muted">No pay data yet for the levels of this focus.</p>;
  const values = known
    .flatMap((l) => [l.band?.low, l.band?.high, l.band?.median])
    .filter((v): v is number => typeof v === 'number');
  const min = Math.min(...values) * 0.9;
  const max = Math.max(...values) * 1.05;
  const y = (v: number) => PAD.top + (H - PAD.top - PAD.bottom) * (1 - (v - min) / (max - min));
  const step = (W - PAD.left - PAD.right) / bars.length;
  const currency = known[0]?.band?.currency ?? 'USD';
  const ticks = [min, (min + max) / 2, max];
  return (
    <figure class="pay-chart">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby="pay-chart-title">
        <title id="pay-chart-title">Pay bands by level; the table that follows gives the figures.</title>
        {ticks.map((t) => (
          <>
            <line x1={PAD.left} x2={W - PAD.right} y1={y(t)} y2={y(t)} class="grid-line" />
            <text x={PAD.left - 8} y={y(t) + 4} text-anchor="end" class="axis">
              {formatMoneyShort(t, currency)}
            </text>
          </>
        ))}
        {bars.map((l, i) => {
          const x = PAD.left + step * i + step / 2;
          const b = l.band;
          return (
            <g class={`${l.highlight ? 'current ' : ''}${b?.kind === 'estimate' ? 'estimate' : 'observed'}`}>
              {b && b.low !== null && b.high !== null ? (
                <rect x={x - 14} width={28} y={y(b.high)} height={Math.max(2, y(b.low) - y(b.high))} rx={4} />
              ) : null}
              {b ? <line x1={x - 18} x2={x + 18} y1={y(b.median)} y2={y(b.median)} class="median" /> : null}
              <text x={x} y={H - 12} text-anchor="middle" class="axis">
                {l.label}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption>
        <table class="small">
          <thead>
            <tr>
              <th scope="col">{labelHeading}</th>
              <th scope="col">Median</th>
              <th scope="col">Range</th>
              <th scope="col">Kind</th>
            </tr>
          </thead>
          <tbody>
            {bars.map((l) => (
              <tr>
                <th scope="row">{l.label}</th>
                <td>
                  {l.band
                    ? `${l.band.atLeast ? '≥ ' : ''}${formatMoneyShort(l.band.median, l.band.currency)}`
                    : '—'}
                </td>
                <td>{(l.band && formatRange(l.band.low, l.band.high, l.band.currency)) ?? '—'}</td>
                <td>
                  {l.band
                    ? `${l.band.kind}${l.band.atLeast ? ', top-coded' : ''}${l.band.n ? `, n = ${l.band.n}` : ''}`
                    : 'no pay data yet'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </figcaption>
    </figure>
  );
}
