import type { ProfilePay } from '../../../../core/payBands.js';
import { PayChart } from '../../PayChart.js';

/** Market pay at every level of the focus, this profile's level highlighted. */
export function PayChartSection({ market, levelCode }: { market: ProfilePay; levelCode: string }) {
  return (
    <section aria-labelledby="paychart-h" data-section="pay-chart">
      <h2 id="paychart-h">Market pay by level</h2>
      <PayChart
        bars={market.levels.map((l) => ({
          label: l.levelCode,
          band: l.band,
          highlight: l.levelCode === levelCode,
        }))}
      />
    </section>
  );
}
