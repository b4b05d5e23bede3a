import type { Catalog, ProfileSearch } from '../../../core/catalog.js';
import { SEARCH_FIELD_LABELS, SEARCH_QUERY_LIMIT } from '../../../core/searchIndex.js';
import { STATUS_LABELS } from '../../../core/taxonomy.js';
import { Layout } from '../Layout.js';
import { STATUS_ORDER, StatusBadge, StatusLegend } from '../StatusBadge.js';

/** How many results a search shows; the rest are counted, and a word more narrows them. */
export const SHOWN_RESULTS = 50;

const count = (n: number) => n.toLocaleString('en-US');

/** The search form every taxonomy page shares; it searches the whole taxonomy. */
export function SearchForm({ q }: { q: string }) {
  return (
    // biome-ignore lint/a11y/useSemanticElements: <search> is too new for some screen readers; role="search" is understood everywhere
    <form class="search" method="get" action="/" role="search">
      <label for="q">Search profiles by name, title alias, SOC code or profile code</label>
      <div class="search-row">
        <input
          id="q"
          name="q"
          type="search"
          value={q}
          placeholder="e.g. Charge Nurse, 29-1141, Senior Manager, TECHNO.TECHNOLO6B55.M3"
          maxlength={SEARCH_QUERY_LIMIT}
        />
        <button type="submit">Search</button>
      </div>
    </form>
  );
}

function Results({ q, search }: { q: string; search: ProfileSearch }) {
  const { hits, terms } = search;
  const shown = hits.slice(0, SHOWN_RESULTS);
  return (
    <section aria-labelledby="results-h" class="results" data-section="search-results">
      <h2 id="results-h">
        {count(hits.length)} {hits.length === 1 ? 'profile matches' : 'profiles match'} “{q}”
      </h2>
      {hits.length > shown.length ? (
        <p class="small" data-section="more-results">
          Showing the best {shown.length} of {count(hits.length)}; add a word to narrow the search.
        </p>
      ) : null}
      {shown.length > 0 ? (
        <ol class="result-list">
          {shown.map(({ view, matched }) => (
            <li>
              <a href={`/profiles/${view.code}`}>{view.name}</a> <StatusBadge status={view.record.status} />
              <span class="small muted">
                {' '}
                {view.fn.name} · <code>{view.code}</code>
                {matched.field === 'name' ? '' : ` · ${SEARCH_FIELD_LABELS[matched.field]} “${matched.text}”`}
              </span>
            </li>
          ))}
        </ol>
      ) : (
        <p class="muted">
          {terms.length === 0
            ? `“${q}” has no letters or digits to search for. `
            : 'Nothing in the taxonomy has all of these words. '}
          Try a focus name, a job title such as “Charge Nurse”, a SOC code such as 29-1141, or part of a
          profile code.
        </p>
      )}
    </section>
  );
}

/**
 * The home page: the functions with their counts, each leading to its grid, and search. It lists
 * no profiles, so it stays small however large the taxonomy grows.
 */
export function TaxonomyPage({ catalog, q }: { catalog: Catalog; q: string }) {
  const search = q ? catalog.search(q) : null;
  const summaries = catalog.functionSummaries();
  const total = (pick: (s: (typeof summaries)[number]) => number) =>
    summaries.reduce((n, s) => n + pick(s), 0);
  return (
    <Layout
      title="Canon taxonomy"
      description="Functions, focuses and levels of the canonical role taxonomy."
    >
      <h1>Canon taxonomy</h1>
      <p class="lede">
        Every role is a <strong>function</strong> → <strong>focus</strong> → <strong>level</strong>. Pick a
        function to see its focuses by level, or search every profile.
      </p>
      <SearchForm q={q} />
      {search ? <Results q={q} search={search} /> : null}
      <section aria-labelledby="functions-h" data-section="functions">
        <h2 id="functions-h">
          {count(summaries.length)} functions · {count(total((s) => s.focuses))} focuses ·{' '}
          {count(total((s) => s.profiles))} profiles
        </h2>
        <div class="table-wrap">
          <table class="functions">
            <caption class="visually-hidden">
              Functions with their focuses, and their profiles by status
            </caption>
            <thead>
              <tr>
                <th scope="col">Function</th>
                <th scope="col" class="num">
                  Focuses
                </th>
                <th scope="col" class="num">
                  Profiles
                </th>
                {STATUS_ORDER.map((status) => (
                  <th scope="col" class="num">
                    <StatusBadge status={status} />
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {summaries.map((s) => (
                <tr data-function={s.fn.code}>
                  <th scope="row">
                    <a href={`/functions/${s.fn.code}`}>{s.fn.name}</a>{' '}
                    <code class="small muted">{s.fn.code}</code>
                  </th>
                  <td class="num">{count(s.focuses)}</td>
                  <td class="num">{count(s.profiles)}</td>
                  {STATUS_ORDER.map((status) => (
                    <td class={s.byStatus[status] ? 'num' : 'num muted'}>
                      {count(s.byStatus[status])}
                      <span class="visually-hidden"> {STATUS_LABELS[status]}</span>
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <StatusLegend />
      </section>
    </Layout>
  );
}
