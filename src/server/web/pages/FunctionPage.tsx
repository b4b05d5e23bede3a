import type { Catalog, FunctionSummary } from '../../../core/catalog.js';
import { profileCode } from '../../../core/codes.js';
import { STATUS_LABELS } from '../../../core/taxonomy.js';
import { Layout } from '../Layout.js';
import { STATUS_ORDER, StatusBadge, StatusLegend } from '../StatusBadge.js';
import { SearchForm } from './TaxonomyPage.js';

/**
 * One function as a grid of its focuses × the levels they use (S, P, M, E, then step). Each
 * cell names its profile and status and links to it; a level a focus does not have is blank.
 * The header row and the focus column stay in view while the grid scrolls.
 */
export function FunctionPage({ catalog, summary }: { catalog: Catalog; summary: FunctionSummary }) {
  const { fn } = summary;
  const columns = catalog.levelsOf(fn.code);
  const focuses = catalog.focusesOf(fn.code);
  return (
    <Layout title={fn.name} description={fn.description}>
      <p data-section="back">
        <a class="back" href="/">
          ← Canon taxonomy
        </a>
      </p>
      <h1>
        {fn.name} <code class="small muted">{fn.code}</code>
      </h1>
      <p class="lede">{fn.description}</p>
      <p data-section="function-counts">
        {summary.focuses} {summary.focuses === 1 ? 'focus' : 'focuses'} · {summary.profiles}{' '}
        {summary.profiles === 1 ? 'profile' : 'profiles'}:{' '}
        {STATUS_ORDER.filter((s) => summary.byStatus[s] > 0)
          .map((s) => `${summary.byStatus[s]} ${STATUS_LABELS[s]}`)
          .join(', ')}
      </p>
      <SearchForm q="" />
      <StatusLegend />
      {/* A scrolling region takes the keyboard focus, so it scrolls without a mouse. */}
      <section class="grid-scroll" tabindex={0} aria-labelledby="grid-caption" data-section="grid">
        <table class="grid" data-function={fn.code}>
          <caption id="grid-caption" class="visually-hidden">
            Focuses of {fn.name} by level
          </caption>
          <thead>
            <tr>
              <th scope="col">Focus</th>
              {columns.map((l) => (
                <th scope="col" data-level={l.code}>
                  <span class="level-code">{l.code}</span> <span class="level-title">{l.title}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {focuses.map((focus) => {
              const soc = focus.mappings.filter((m) => m.system === 'onet-soc').map((m) => m.code);
              return (
                <tr id={`focus-${focus.code}`}>
                  <th scope="row">
                    <span class="focus-name">{focus.name}</span>
                    <span class="focus-codes small muted">
                      <code>{focus.code}</code>
                      {soc.length > 0 ? ` · SOC ${soc.join(', ')}` : ''}
                    </span>
                  </th>
                  {columns.map((l) => {
                    const view = catalog.findProfile(profileCode(fn.code, focus.code, l.code));
                    if (!view)
                      return (
                        <td class="cell empty">
                          <span class="visually-hidden">no profile at {l.code}</span>
                        </td>
                      );
                    return (
                      <td class={`cell cell-${view.record.status}`}>
                        <a href={`/profiles/${view.code}`}>
                          <span class="visually-hidden">{focus.name} — </span>
                          {l.title}
                        </a>
                        <StatusBadge status={view.record.status} />
                      </td>
                    );
                  })}
                </tr>
              );
            })}
          </tbody>
        </table>
      </section>
    </Layout>
  );
}
