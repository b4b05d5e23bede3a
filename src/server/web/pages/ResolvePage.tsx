import { REVIEW_MIN_CONFIDENCE, REVIEW_MIN_LEAD, type Review } from '../../../resolve/reviewRule.js';
import type { Resolution } from '../../../resolve/titleResolver.js';
import { Layout } from '../Layout.js';
import { TableHead } from '../TableHead.js';

/** Why a title needs review, as a sentence. */
const REVIEW_REASONS: Record<NonNullable<Review['reason']>, string> = {
  'no candidate': 'no occupation matched its words',
  'low confidence': `the first candidate's confidence is below ${REVIEW_MIN_CONFIDENCE}`,
  'close runner-up': `the runner-up's confidence is within ${REVIEW_MIN_LEAD} of the first's`,
};

/**
 * "Level a title": a form, then the title's level (always), the profile it lands on and why, and the
 * ranked candidates with the words that decided each axis.
 */
export function ResolvePage({
  title,
  employer,
  resolution,
  occupations,
}: {
  title: string;
  employer: string;
  resolution: Resolution | null;
  /** How many occupations the resolver can match titles to: none means it has no data to answer from. */
  occupations: number;
}) {
  const landing = resolution?.landing ?? null;
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
      {occupations === 0 ? (
        <p class="notice" data-field="no-occupations">
          Canon has no occupations to match titles against: the occupation tables shipped in{' '}
          <code>data/resolver/</code> are missing and no O*NET release is imported. A title still gets its
          level from its seniority words. Import one with{' '}
          <code>canon import onet ../shared/data/onet_29_3 --soc …</code>, or restore{' '}
          <code>data/resolver/</code> (<code>npm run build:resolver</code>).
        </p>
      ) : null}
      {resolution ? (
        <section aria-labelledby="result-h" data-section="resolution">
          <h2 id="result-h">
            “{resolution.title}” — {resolution.status}
          </h2>
          {resolution.reviewReason ? (
            <p class="notice" role="note" data-field="review">
              <strong>Needs review:</strong> {REVIEW_REASONS[resolution.reviewReason]}. Check the candidates
              below before using the first.
            </p>
          ) : null}
          <p>
            Specialty words: <strong>{resolution.seniority.specialtyWords.join(' ') || '—'}</strong> ·
            seniority words:{' '}
            <strong>{resolution.seniority.words.join(', ') || 'none (default level)'}</strong>
            {resolution.seniority.removed.length ? (
              <> · ignored: {resolution.seniority.removed.join(', ')}</>
            ) : null}
          </p>
          {resolution.seniority.note ? (
            <p class="small" data-field="seniority-note">
              {resolution.seniority.note}
            </p>
          ) : null}
          <dl class="facts" data-section="landing">
            <div>
              <dt>Level</dt>
              <dd data-field="level">
                {resolution.level.code} — {resolution.level.title}
              </dd>
            </div>
            <div>
              <dt>Canon profile</dt>
              <dd data-field="profile">
                {landing ? (
                  <>
                    <a href={`/profiles/${landing.profile.code}`}>{landing.profile.code}</a> ·{' '}
                    {landing.focus.name}, {landing.level.code} — {landing.level.title}
                    {landing.profile.fit === 'nearest' ? ' (the nearest level this focus offers)' : ''}
                  </>
                ) : (
                  <span class="muted">lands on no built-in profile</span>
                )}
              </dd>
            </div>
          </dl>
          {landing ? (
            <ul class="small" data-field="landing-why">
              {landing.explanation.map((line) => (
                <li>{line}</li>
              ))}
            </ul>
          ) : null}
          <h3>{resolution.status === 'resolved' ? 'Occupations' : 'The nearest occupations'}</h3>
          {resolution.candidates.length ? (
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
          ) : (
            <p class="muted">
              {occupations === 0
                ? 'No occupation to match: see above.'
                : 'No occupation matched these words.'}
            </p>
          )}
        </section>
      ) : null}
    </Layout>
  );
}
