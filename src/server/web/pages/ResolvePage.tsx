import type { Resolution } from '../../../resolve/titleResolver.js';
import { Layout } from '../Layout.js';
import { TableHead } from '../TableHead.js';

/** "Level a title": a form, then the ranked candidates with the words that decided each axis. */
export function ResolvePage({
  title,
  employer,
  resolution,
}: {
  title: string;
  employer: string;
  resolution: Resolution | null;
}) {
  return (
    <Layout title="Level a title" description="Find the occupation, focus and level of a job title.">
      <h1>Level a title</h1>
      <p class="lede">
        Canon reads a title on two axes: the words that say <em>what</em> the job is (its occupation and
        focus) and the words that say <em>how senior</em> it is (its level).
      </p>
      <form class="search" method="get" action="/resolve">
        <label for="title">Job title</label>
        <div class="search-row">
          <input
            id="title"
            name="title"
            type="text"
            value={title}
            maxlength={300}
            placeholder="e.g. Sr. Director, Platform Engineering"
            required
          />
          <button type="submit">Level it</button>
        </div>
        <label for="employer" class="small">
          Employer (optional)
        </label>
        <div class="search-row">
          <input id="employer" name="employer" type="text" value={employer} maxlength={200} />
        </div>
      </form>
      {resolution ? (
        <section aria-labelledby="result-h" data-section="resolution">
          <h2 id="result-h">
            {resolution.status === 'resolved' ? 'Candidates' : 'Unresolved — the nearest candidates'} for “
            {resolution.title}”
          </h2>
          {resolution.candidates[0] ? (
            <p>
              Specialty words:{' '}
              <strong>{resolution.candidates[0].explanation.specialtyWords.join(' ') || '—'}</strong> ·
              seniority words:{' '}
              <strong>
                {resolution.candidates[0].explanation.seniorityWords.join(', ') || 'none (default level)'}
              </strong>
              {resolution.candidates[0].explanation.removed.length ? (
                <> · ignored: {resolution.candidates[0].explanation.removed.join(', ')}</>
              ) : null}
            </p>
          ) : (
            <p class="muted">No occupation matched these words.</p>
          )}
          <div class="table-wrap">
            <table>
              <TableHead
                columns={['#', 'SOC 2018', 'O*NET-SOC', 'Level', 'Canon profile', 'Confidence', 'Why']}
              />
              <tbody>
                {resolution.candidates.map((c, i) => (
                  <tr>
                    <td>{i + 1}</td>
                    <td>{c.soc ? `${c.soc.code} ${c.soc.title}` : '—'}</td>
                    <td>{c.onet ? `${c.onet.code} ${c.onet.title}` : '—'}</td>
                    <td>
                      {c.level.code} — {c.level.title}
                    </td>
                    <td>
                      {c.profile ? (
                        <>
                          <a href={`/profiles/${c.profile.code}`}>{c.profile.code}</a>
                          {c.profile.fit === 'nearest' ? ' (nearest level)' : ''}
                        </>
                      ) : (
                        <span class="muted">not in the built-in taxonomy</span>
                      )}
                    </td>
                    <td>
                      <span class={`badge badge-${c.band}`}>
                        {c.band} {c.confidence.toFixed(2)}
                      </span>
                    </td>
                    <td class="small">
                      {c.explanation.method}
                      {c.explanation.matchedTitle ? `: “${c.explanation.matchedTitle}”` : ''}
                      {c.explanation.employerHint
                        ? ` · the employer suggests ${c.explanation.employerHint}`
                        : ''}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}
    </Layout>
  );
}
