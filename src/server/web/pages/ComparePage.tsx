import type { Catalog } from '../../../core/catalog.js';
import type { Comparison } from '../../../core/compareProfiles.js';
import { formatBand } from '../../../core/format.js';
import { formatYears, LEVEL_ATTRIBUTES } from '../../../core/levels.js';
import type { PayBand } from '../../../core/payBands.js';
import { RUBRIC_DIMENSIONS } from '../../../core/taxonomy.js';
import { Layout } from '../Layout.js';
import { PayChart } from '../PayChart.js';
import { ProfilePicker } from '../ProfilePicker.js';
import { StatusBadgeOf } from '../StatusBadge.js';
import { TableHead } from '../TableHead.js';

/** A form to pick profiles by code; shown alone, or above a comparison to change it. */
function PickForm({ selected }: { selected: readonly string[] }) {
  return (
    <form class="pick" method="get" action="/compare">
      <fieldset>
        <legend>Profiles to compare (two to four)</legend>
        {[0, 1, 2, 3].map((i) => (
          <ProfilePicker name="p" label={`Profile ${i + 1}`} value={selected[i] ?? ''} hideLabel />
        ))}
        <button type="submit">Compare</button>
      </fieldset>
      <p class="small muted">
        Type a profile code such as TECHNO.TECHNOLO6B55.M3; <a href="/">search the taxonomy</a> to find one.
      </p>
    </form>
  );
}

export function ComparePage({
  catalog,
  comparison,
  selected,
  pays,
}: {
  catalog: Catalog;
  comparison: Comparison | null;
  selected: readonly string[];
  pays: (PayBand | null)[];
}) {
  return (
    <Layout title="Compare profiles" description="Two to four role profiles side by side.">
      <h1>Compare side by side</h1>
      <PickForm selected={selected} />
      {comparison ? <ComparisonTables catalog={catalog} comparison={comparison} pays={pays} /> : null}
    </Layout>
  );
}

function ComparisonTables({
  catalog,
  comparison,
  pays,
}: {
  catalog: Catalog;
  comparison: Comparison;
  pays: (PayBand | null)[];
}) {
  const { profiles } = comparison;
  const header = (
    <thead>
      <tr>
        <th scope="col">
          <span class="visually-hidden">Aspect</span>
        </th>
        {profiles.map((p) => (
          <th scope="col">
            <a href={`/profiles/${p.code}`}>{p.title}</a>
            <br />
            <code class="small">{p.code}</code>
            <StatusBadgeOf catalog={catalog} code={p.code} />
          </th>
        ))}
      </tr>
    </thead>
  );
  return (
    <>
      <section aria-labelledby="dist-h" data-section="distances">
        <h2 id="dist-h">Distance</h2>
        <p class="section-note">
          Structural distance 0 → 1 between each pair (<a href="/coordinates">how it is computed</a>).
        </p>
        <div class="table-wrap">
          <table>
            <TableHead columns={['Profile', 'Profile', 'Distance', 'Band']} />
            <tbody>
              {comparison.distances.map((d) => (
                <tr>
                  <td>
                    <code class="small">{d.a}</code>
                  </td>
                  <td>
                    <code class="small">{d.b}</code>
                  </td>
                  <td class="distance">{d.distance.toFixed(3)}</td>
                  <td>
                    <span class={`band band-${d.band}`}>{d.band}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="level-h" data-section="levels">
        <h2 id="level-h">Level and pay</h2>
        <div class="table-wrap">
          <table class="compare">
            {header}
            <tbody>
              <tr>
                <th scope="row">Level</th>
                {profiles.map((p) => (
                  <td>
                    {p.level.code} — {p.level.title} · {formatYears(p.level.experience)}
                  </td>
                ))}
              </tr>
              {LEVEL_ATTRIBUTES.map(([label, key]) => (
                <tr>
                  <th scope="row">{label}</th>
                  {profiles.map((p) => (
                    <td>{p.level[key]}</td>
                  ))}
                </tr>
              ))}
              <tr>
                <th scope="row">Market pay (median)</th>
                {pays.map((b) => (
                  <td>
                    {b ? (
                      <>
                        {formatBand(b)}
                        <span class="basis">{b.kind === 'estimate' ? `estimate · ${b.basis}` : b.basis}</span>
                      </>
                    ) : (
                      <span class="muted">no pay data yet</span>
                    )}
                  </td>
                ))}
              </tr>
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="paycmp-h" data-section="pay-chart">
        <h2 id="paycmp-h">Pay side by side</h2>
        <PayChart
          labelHeading="Profile"
          bars={profiles.map((p, i) => ({
            label: p.code.split('.').slice(1).join('.'),
            band: pays[i] ?? null,
            highlight: i === 0,
          }))}
        />
      </section>

      <section aria-labelledby="resp-h" data-section="responsibilities">
        <h2 id="resp-h">Responsibilities</h2>
        <div class="table-wrap">
          <table class="compare">
            {header}
            <tbody>
              <tr>
                <th scope="row">At this level</th>
                {profiles.map((p) => (
                  <td>
                    <ul>
                      {(p.ladder.find((s) => s.current)?.content.responsibilities ?? []).map((r) => (
                        <li>{r.text}</li>
                      ))}
                    </ul>
                  </td>
                ))}
              </tr>
              {RUBRIC_DIMENSIONS.map(([label, key]) => (
                <tr>
                  <th scope="row">{label}</th>
                  {profiles.map((p) => (
                    <td>{p.ladder.find((s) => s.current)?.content.rubric[key]}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="skills-h" data-section="skills">
        <h2 id="skills-h">Skills</h2>
        {comparison.skillBasis === 'level' ? (
          <p class="section-note">
            These profiles share one focus, whose skills every one of them holds; compared here are the skills
            each level states of its own.
          </p>
        ) : (
          <p class="section-note">Shared skills appear in every compared focus; distinct ones in only one.</p>
        )}
        {comparison.skills.length === 0 ? (
          <p class="muted">
            No level states skills of its own; compare their responsibilities and guidelines above.
          </p>
        ) : null}
        <div class="table-wrap">
          <table class="compare">
            <thead>
              <tr>
                <th scope="col">Skill</th>
                <th scope="col">Marking</th>
                {profiles.map((p) => (
                  <th scope="col">
                    <code class="small">{p.code}</code>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {comparison.skills.map((s) => (
                <tr class={`skill-${s.marking.replace(' ', '-')}`}>
                  <th scope="row">{s.name}</th>
                  <td>{s.marking}</td>
                  {profiles.map((p) => (
                    <td>{s.heldBy.includes(p.code) ? '✓' : <span class="visually-hidden">no</span>}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </>
  );
}
