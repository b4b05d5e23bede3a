import type { Catalog, ProfileView } from '../../../core/catalog.js';
import { LEVELS, type Level } from '../../../core/levels.js';
import { STATUS_LABELS } from '../../../core/taxonomy.js';
import { Layout } from '../Layout.js';

/** Levels used by any focus of a function, in track order, as the grid's columns. */
function columnsFor(catalog: Catalog, functionCode: string): Level[] {
  const used = new Set(catalog.focusesOf(functionCode).flatMap((f) => f.levelCodes));
  return LEVELS.filter((l) => used.has(l.code));
}

function Results({ q, results }: { q: string; results: ProfileView[] }) {
  return (
    <section aria-labelledby="results-h" class="results" data-section="search-results">
      <h2 id="results-h">
        {results.length} {results.length === 1 ? 'profile matches' : 'profiles match'} “{q}”
      </h2>
      {results.length > 0 ? (
        <ul>
          {results.map((v) => (
            <li>
              <a href={`/profiles/${v.code}`}>{v.title}</a> <code>{v.code}</code>{' '}
              <span class="muted">
                {v.level.title} · {STATUS_LABELS[v.record.status]}
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <p class="muted">Try a focus name, a level title such as “Senior Manager”, or part of a code.</p>
      )}
    </section>
  );
}

/** The home page: every function as a grid of focuses × levels, each cell a link to its profile. */
export function TaxonomyPage({ catalog, q }: { catalog: Catalog; q: string }) {
  const results = q ? catalog.listProfiles({ q }, { limit: 100, offset: 0 }).items : null;
  return (
    <Layout
      title="Canon taxonomy"
      description="Functions, focuses and levels of the canonical role taxonomy."
    >
      <h1>Canon taxonomy</h1>
      <p class="lede">
        Every role is a <strong>function</strong> → <strong>focus</strong> → <strong>level</strong>. Pick a
        cell to open its profile.
      </p>
      {/* biome-ignore lint/a11y/useSemanticElements: <search> is too new for some screen readers; role="search" is understood everywhere */}
      <form class="search" method="get" action="/" role="search">
        <label for="q">Search profiles by name, title or code</label>
        <div class="search-row">
          <input
            id="q"
            name="q"
            type="search"
            value={q}
            placeholder="e.g. Senior Manager, TECHNO.TECHNOLO6B55.M3"
            maxlength={200}
          />
          <button type="submit">Search</button>
        </div>
      </form>
      {results ? <Results q={q} results={results} /> : null}
      {catalog.functions.map((fn) => {
        const columns = columnsFor(catalog, fn.code);
        return (
          <section aria-labelledby={`fn-${fn.code}`} class="function" data-function={fn.code}>
            <h2 id={`fn-${fn.code}`}>
              {fn.name} <code>{fn.code}</code>
            </h2>
            <p>{fn.description}</p>
            <div class="table-wrap">
              <table class="grid">
                <caption class="visually-hidden">Focuses of {fn.name} by level</caption>
                <thead>
                  <tr>
                    <th scope="col">Focus</th>
                    {columns.map((l) => (
                      <th scope="col" title={l.title}>
                        {l.code}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {catalog.focusesOf(fn.code).map((focus) => (
                    <tr>
                      <th scope="row">
                        {focus.name}
                        <br />
                        <code class="small">{focus.code}</code>
                      </th>
                      {columns.map((l) => {
                        const code = `${fn.code}.${focus.code}.${l.code}`;
                        const view = catalog.findProfile(code);
                        return view ? (
                          <td class={`cell cell-${view.record.status}`}>
                            <a
                              href={`/profiles/${code}`}
                              title={`${view.title} (${STATUS_LABELS[view.record.status]})`}
                            >
                              {fn.code}.<wbr />
                              {focus.code}.<wbr />
                              {l.code}
                            </a>
                          </td>
                        ) : (
                          <td class="cell empty">
                            <span class="visually-hidden">not in this focus</span>
                          </td>
                        );
                      })}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <p class="small muted">
              Each link is the profile's code; approved profiles are blue, drafts brown.
            </p>
          </section>
        );
      })}
    </Layout>
  );
}
