import type { EqualValueGroups } from '../../../../company/equalValueGroups.js';
import { formatMoneyShort } from '../../../../core/format.js';
import type { WorkspaceMapping } from '../../../../workflow/companyWorkspace.js';
import { Layout } from '../../Layout.js';
import { TableHead } from '../../TableHead.js';
import { CompanyNav } from './CompanyNav.js';

/** Jobs a group lists on the page: a group of thousands is read from its figures, not its rows. */
export const GROUP_JOBS_SHOWN = 25;

const money = (n: number, currency: string) =>
  currency ? formatMoneyShort(n, currency) : n.toLocaleString('en-US');

/**
 * Equal-value groups for pay-transparency reporting: the method and its limits first, then each
 * group's figures, what their profiles state, the pay gap within it, and its jobs up to
 * GROUP_JOBS_SHOWN (most people first, the rest counted).
 */
export function EqualValuePage({
  workspace,
  mapping,
  groups,
}: {
  workspace: string;
  mapping: WorkspaceMapping;
  groups: EqualValueGroups;
}) {
  return (
    <Layout
      title="Equal-value groups"
      description="Jobs grouped for pay-transparency reporting, with the pay gap in each."
    >
      <CompanyNav workspace={workspace} mapping={mapping} current="equal-value" />
      <h1>Equal-value groups</h1>
      <section aria-labelledby="method-h" data-section="method">
        <h2 id="method-h">Method</h2>
        <ol>
          {groups.method.map((m) => (
            <li>{m}</li>
          ))}
        </ol>
        <h3>The rubric's dimensions</h3>
        <dl class="attributes">
          {groups.dimensions.map((d) => (
            <>
              <dt data-stated={String(d.stated)}>
                {d.name}
                {d.stated ? '' : ' — not stated'}
              </dt>
              <dd>{d.how}</dd>
            </>
          ))}
        </dl>
      </section>
      <section aria-labelledby="limits-h" data-section="limits">
        <h2 id="limits-h">Limits</h2>
        <ul>
          {groups.limits.map((l) => (
            <li>{l}</li>
          ))}
        </ul>
        <p class="small muted">
          Left out: {groups.unmapped} jobs with no profile, {groups.withoutPay} with no pay.
        </p>
      </section>
      <section aria-labelledby="groups-h" data-section="groups">
        <h2 id="groups-h">Groups ({groups.groups.length})</h2>
        <div class="table-wrap">
          <table>
            <TableHead
              columns={[
                'Group',
                'People',
                'Jobs',
                'Lowest',
                'Median',
                'Highest',
                'Highest ÷ lowest',
                'Spread',
                'Note',
              ]}
            />
            <tbody>
              {groups.groups.map((g) => (
                <tr data-group={`${g.level.code} ${g.currency}`} class={g.tooFew ? 'too-few' : ''}>
                  <th scope="row">
                    <a href={`#group-${g.level.code}-${g.currency}`}>
                      {g.level.code} {g.level.title}
                    </a>{' '}
                    <span class="small muted">{g.currency || 'currency not stated'}</span>
                  </th>
                  <td class="num">{g.people}</td>
                  <td class="num">{g.jobs.length}</td>
                  <td class="num">{g.gap ? money(g.gap.min, g.currency) : '—'}</td>
                  <td class="num">{g.gap ? money(g.gap.median, g.currency) : '—'}</td>
                  <td class="num">{g.gap ? money(g.gap.max, g.currency) : '—'}</td>
                  <td class="num">{g.gap ? g.gap.ratio.toFixed(2) : '—'}</td>
                  <td class="num">{g.gap ? `${Math.round(g.gap.spread * 100)}%` : '—'}</td>
                  <td class="small">{g.tooFew ? `Too few: ${g.tooFew}` : ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      {groups.groups.map((g) => (
        <section
          id={`group-${g.level.code}-${g.currency}`}
          aria-label={`${g.level.code} ${g.currency}`}
          data-section="group"
        >
          <h3>
            {g.level.code} {g.level.title} · {g.currency || 'currency not stated'} · {g.people} people
          </h3>
          {g.tooFew ? <p class="notice">Too few for the gap to mean anything: {g.tooFew}.</p> : null}
          <details>
            <summary>What the profiles state ({g.families.length} job families)</summary>
            <div class="table-wrap">
              <table class="small">
                <TableHead
                  columns={[
                    'Job family',
                    'People',
                    'Skills: knowledge',
                    'Skills: degree and years',
                    'Responsibility: complexity',
                    'Responsibilities stated',
                  ]}
                />
                <tbody>
                  {g.families.map((f) => (
                    <tr>
                      <th scope="row">
                        {f.function} — {f.focus.name}
                      </th>
                      <td class="num">{f.people}</td>
                      <td>{f.knowledge ?? 'not stated'}</td>
                      <td>{f.degreeYears ?? 'not stated'}</td>
                      <td>{f.complexity ?? 'not stated'}</td>
                      <td class="num">{f.responsibilities}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </details>
          <details>
            <summary>
              Jobs, most people first ({g.jobs.length}
              {g.jobs.length > GROUP_JOBS_SHOWN ? `; the first ${GROUP_JOBS_SHOWN} listed` : ''})
            </summary>
            <ul class="small" data-jobs={g.jobs.length}>
              {g.jobs.slice(0, GROUP_JOBS_SHOWN).map((j) => (
                <li>
                  Line {j.line}: {j.title} ({j.family}, {j.department}) — {money(j.basePay, g.currency)} ×{' '}
                  {j.headcount}
                </li>
              ))}
              {g.jobs.length > GROUP_JOBS_SHOWN ? (
                <li class="muted" data-more={g.jobs.length - GROUP_JOBS_SHOWN}>
                  and {g.jobs.length - GROUP_JOBS_SHOWN} more: every job is in the mapping export
                </li>
              ) : null}
            </ul>
          </details>
        </section>
      ))}
    </Layout>
  );
}
