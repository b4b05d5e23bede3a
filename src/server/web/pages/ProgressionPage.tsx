import type { Catalog } from '../../../core/catalog.js';
import { formatYearsEstimate, type ProgressionGuide } from '../../../core/progressionGuide.js';
import { Layout } from '../Layout.js';
import { ProfilePicker } from '../ProfilePicker.js';
import { TableHead } from '../TableHead.js';

/** From is typed as a code; to offers the other levels of from's focus once from names a profile. */
function PickForm({ catalog, from, to }: { catalog: Catalog; from: string; to: string }) {
  const start = catalog.findProfile(from);
  const choices = start?.ladder
    .filter((s) => !s.current)
    .map((s) => catalog.findProfile(s.profileCode))
    .filter((v) => v !== undefined);
  return (
    <form class="pick" method="get" action="/progression">
      <fieldset>
        <legend>Two levels of one focus</legend>
        <ProfilePicker name="from" label="From" value={from} />
        <ProfilePicker name="to" label="To" value={to} choices={choices} />
        <button type="submit">Show the guide</button>
      </fieldset>
    </form>
  );
}

/** A progression guide between two levels of a focus: key shifts, typical time, and what is new. */
export function ProgressionPage({
  catalog,
  guide,
  from,
  to,
}: {
  catalog: Catalog;
  guide: ProgressionGuide | null;
  from: string;
  to: string;
}) {
  return (
    <Layout
      title={
        guide
          ? `Progression ${guide.from.level.code} → ${guide.to.level.code} — ${guide.from.focus.name}`
          : 'Progression guide'
      }
    >
      <h1>
        {guide
          ? `${guide.from.focus.name}: ${guide.from.level.code} → ${guide.to.level.code}`
          : 'Progression guide'}
      </h1>
      <PickForm catalog={catalog} from={from} to={to} />
      {guide ? (
        <>
          <section aria-labelledby="shift-h" data-section="key-shift">
            <h2 id="shift-h">Key shift</h2>
            {guide.steps.map((s) => (
              <div class="shift">
                <h3>
                  {s.from} → {s.to}
                </h3>
                <p>{s.keyShift}</p>
                <p class="muted small">
                  {s.derived
                    ? 'Derived from the level definitions; no source states this shift yet.'
                    : 'Stated by: '}
                  {s.sources.map((id) => (
                    <a href={`/sources/${id}`}>{id} </a>
                  ))}
                  · typical time {formatYearsEstimate(s.typicalYears)}
                </p>
              </div>
            ))}
            <p data-section="typical-time">
              <strong>Typical time overall:</strong> {formatYearsEstimate(guide.typicalYears)}
            </p>
          </section>
          <section aria-labelledby="level-h" data-section="level-changes">
            <h2 id="level-h">How the level changes</h2>
            <div class="table-wrap">
              <table>
                <TableHead columns={['Attribute', guide.from.level.code, guide.to.level.code]} />
                <tbody>
                  {guide.levelChanges.map((c) => (
                    <tr>
                      <th scope="row">{c.label}</th>
                      <td>{c.from}</td>
                      <td>{c.to}</td>
                    </tr>
                  ))}
                  {guide.rubricChanges.map((c) => (
                    <tr>
                      <th scope="row">{c.label}</th>
                      <td>{c.from}</td>
                      <td>{c.to}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
          <section aria-labelledby="new-h" data-section="new-responsibilities">
            <h2 id="new-h">What {guide.to.level.code} is responsible for</h2>
            <ul>
              {guide.newResponsibilities.map((r) => (
                <li>{r.text}</li>
              ))}
            </ul>
          </section>
          <section aria-labelledby="skills-h" data-section="skills">
            <h2 id="skills-h">Skills</h2>
            <p>
              The focus keeps its skills ({guide.skills.kept.map((s) => s.name).join(', ')}); what grows is
              the scope they are applied at.
            </p>
          </section>
        </>
      ) : null}
    </Layout>
  );
}
