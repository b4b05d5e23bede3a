import { formatYears, LEVELS, TRACKS, type Track } from '../../../core/levels.js';
import { Layout } from '../Layout.js';
import { TableHead } from '../TableHead.js';

/** The universal level framework, one table per track. */
export function LevelsPage() {
  return (
    <Layout title="Level framework" description="The universal level framework shared by every function.">
      <h1>Level framework</h1>
      <p class="lede">
        One framework for every function. Ranks put all tracks on one ordinal scale, so an individual
        contributor and a manager of comparable scope can be compared.
      </p>
      {(Object.keys(TRACKS) as Track[]).map((track) => (
        <section aria-labelledby={`track-${track}`}>
          <h2 id={`track-${track}`}>
            {TRACKS[track]} ({track})
          </h2>
          <div class="table-wrap">
            <table class="levels">
              <TableHead
                columns={[
                  'Level',
                  'Rank',
                  'Title and summary',
                  'Scope',
                  'Autonomy',
                  'Complexity',
                  'Impact',
                  'Decision rights',
                  'Leadership',
                  'Typical experience',
                  'Common titles',
                ]}
              />
              <tbody>
                {LEVELS.filter((l) => l.track === track).map((l) => (
                  <tr id={l.code}>
                    <th scope="row">{l.code}</th>
                    <td>{l.rank}</td>
                    <td>
                      <strong>{l.title}</strong>
                      <br />
                      {l.summary}
                    </td>
                    <td>{l.scope}</td>
                    <td>{l.autonomy}</td>
                    <td>{l.complexity}</td>
                    <td>{l.impact}</td>
                    <td>{l.decisionRights}</td>
                    <td>{l.leadership}</td>
                    <td>
                      {formatYears(l.experience)}
                      {l.experienceSources.map((id) => (
                        <>
                          {' '}
                          <a href={`/sources/${id}`} class="small">
                            source
                          </a>
                        </>
                      ))}
                    </td>
                    <td>{l.commonTitles.join(', ')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ))}
    </Layout>
  );
}
