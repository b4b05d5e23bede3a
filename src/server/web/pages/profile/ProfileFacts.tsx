import type { ProfileView } from '../../../../core/catalog.js';
import { formatBand, formatMoneyShort, formatRange } from '../../../../core/format.js';
import { formatYears } from '../../../../core/levels.js';
import type { ProfilePay } from '../../../../core/payBands.js';
import { Cite } from './Cite.js';

/** Level, function and focus, and the headline market pay with what it is based on. */
export function ProfileFacts({ view, market }: { view: ProfileView; market: ProfilePay }) {
  const { focus, fn, level, sources } = view;
  const pay = market.headline;
  return (
    <dl class="facts" data-section="facts">
      <div>
        <dt>Level</dt>
        <dd data-section="level-line">
          {level.code} · {level.code} — {level.title} · {formatYears(level.experience)}
          <Cite ids={level.experienceSources} sources={sources} />
        </dd>
      </div>
      <div>
        <dt>Function · Focus</dt>
        <dd data-section="function-focus">
          {fn.name} · {focus.name}
        </dd>
      </div>
      <div>
        <dt>Market pay (median)</dt>
        <dd data-section="pay">
          {pay ? (
            <>
              <span class="pay">{formatBand(pay)}</span>
              {pay.kind === 'estimate' ? <span class="badge badge-medium"> estimate</span> : null}
              <Cite ids={pay.sources} sources={sources} rows={pay.rows} />
              <span class="basis">{pay.basis}</span>
              {pay.method ? <span class="basis">Method: {pay.method}</span> : null}
              {market.occupation && market.occupation !== pay ? (
                <span class="basis">
                  Whole occupation: {formatMoneyShort(market.occupation.median, market.occupation.currency)}
                  {market.occupation.wide
                    ? ` (p10–p90 ${formatRange(market.occupation.wide.low, market.occupation.wide.high, market.occupation.currency) ?? 'not published'})`
                    : ''}
                </span>
              ) : null}
              {pay === market.occupation && pay.wide?.low != null ? (
                <span class="basis">p10–p90: {formatRange(pay.wide.low, pay.wide.high, pay.currency)}</span>
              ) : null}
              {market.estimate && market.estimate !== pay ? (
                <span class="basis">
                  Market estimate for the level: {formatBand(market.estimate)} ({market.estimate.basis})
                </span>
              ) : null}
              {market.company ? (
                <span class="basis" data-section="company-pay">
                  Company data: {formatBand(market.company)}, n = {market.company.n} ({market.company.basis})
                </span>
              ) : null}
              {market.notes.map((note) => (
                <span class="basis pay-note">{note}</span>
              ))}
            </>
          ) : (
            <span class="muted">no pay data yet</span>
          )}
        </dd>
      </div>
    </dl>
  );
}
