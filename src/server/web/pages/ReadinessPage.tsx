import type { ProfileView } from '../../../core/catalog.js';
import { RATING_LABELS, type ReadinessItem, type ReadinessReport } from '../../../core/readiness.js';
import { Layout } from '../Layout.js';

/** The self-assessment form: one radio group per item. It posts to itself; nothing is stored. */
export function ReadinessForm({
  view,
  items,
  error,
}: {
  view: ProfileView;
  items: ReadinessItem[];
  error?: string;
}) {
  return (
    <Layout title={`Readiness — ${view.title}`}>
      <p>
        <a class="back" href={`/profiles/${view.code}`}>
          ← {view.title}
        </a>
      </p>
      <h1>Readiness self-assessment: {view.title}</h1>
      <p class="lede">
        For each statement, how often do you already work this way? Your answers are not stored: the report is
        computed and shown to you, and you may download it.
      </p>
      {error ? (
        <p class="error" role="alert">
          {error}
        </p>
      ) : null}
      <form method="post" action={`/profiles/${view.code}/readiness`} class="readiness">
        {items.map((item) => (
          <fieldset data-item={item.id}>
            <legend>
              <span class="muted small">{item.label}</span>
              <br />
              {item.text}
            </legend>
            {RATING_LABELS.map((label, value) => (
              <label class="rating">
                <input type="radio" name={item.id} value={String(value)} required />
                {label}
              </label>
            ))}
          </fieldset>
        ))}
        <button type="submit">See my gap report</button>
      </form>
    </Layout>
  );
}

export function ReadinessReportPage({
  report,
  ratings,
}: {
  report: ReadinessReport;
  ratings: Record<string, string>;
}) {
  return (
    <Layout title={`Readiness report — ${report.profile.title}`}>
      <p class="no-print">
        <a class="back" href={`/profiles/${report.profile.code}/readiness`}>
          ← Start again
        </a>
      </p>
      <h1>Readiness report: {report.profile.title}</h1>
      <p class="lede" data-section="score">
        Overall <strong>{Math.round(report.score * 100)}%</strong> — {report.band}.
      </p>
      <section aria-labelledby="grow-h" data-section="to-grow">
        <h2 id="grow-h">What to grow</h2>
        {report.toGrow.length ? (
          <ol>
            {report.toGrow.map((i) => (
              <li>
                <strong>{i.label}</strong> <span class="muted">({RATING_LABELS[i.rating]})</span>: {i.text}
              </li>
            ))}
          </ol>
        ) : (
          <p>Nothing rated below “Usually”.</p>
        )}
      </section>
      <section aria-labelledby="all-h">
        <h2 id="all-h">All ratings</h2>
        <ul>
          {report.items.map((i) => (
            <li>
              {i.label}: {RATING_LABELS[i.rating]}
            </li>
          ))}
        </ul>
      </section>
      <form class="no-print" method="post" action={`/profiles/${report.profile.code}/readiness.md`}>
        {Object.entries(ratings).map(([name, value]) => (
          <input type="hidden" name={name} value={value} />
        ))}
        <button type="submit">Save this report (download Markdown)</button> or print this page.
      </form>
    </Layout>
  );
}
