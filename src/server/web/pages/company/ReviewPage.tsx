import type { Child } from 'hono/jsx';
import type { CompanyJob } from '../../../../company/companyJob.js';
import { SEARCH_QUERY_LIMIT } from '../../../../core/searchIndex.js';
import type { DecidedCounts as Counts } from '../../../../workflow/companyWorkspace.js';
import { Layout } from '../../Layout.js';
import { companyPaths } from './companyPaths.js';
import { DecidedCounts } from './DecidedCounts.js';
import { JobMatchCell } from './JobMatchCell.js';

/** The jobs of one title in one department: a decision settles them all. */
export interface QueueItem {
  /** The first job's line: the item's address on the page. */
  line: number;
  title: string;
  department: string;
  jobs: CompanyJob[];
}

/** A focus found by the search, with its levels to pick from, the job's level preselected when offered. */
export interface FocusChoice {
  focus: string;
  fn: string;
  levels: { code: string; label: string }[];
  selected: string;
}

const count = (n: number) => n.toLocaleString('en-US');

function DecideForm(props: { action: string; item: QueueItem; page: number; children: Child }) {
  return (
    <form method="post" action={props.action} class="decide">
      <input type="hidden" name="title" value={props.item.title} />
      <input type="hidden" name="department" value={props.item.department} />
      <input type="hidden" name="page" value={String(props.page)} />
      {props.children}
    </form>
  );
}

function Item(props: {
  workspace: string;
  item: QueueItem;
  picking: boolean;
  q: string;
  results: FocusChoice[] | null;
  page: number;
  canDecide: boolean;
}) {
  const { item } = props;
  const first = item.jobs[0] as CompanyJob;
  const paths = companyPaths(props.workspace);
  const m = first.match;
  return (
    <li id={`job-${item.line}`} data-job={item.line} class="queue-item">
      <h3>
        {item.title} <span class="small muted">{item.department || 'no department'}</span>
      </h3>
      <p class="small">
        {m.status} · grade {first.grade || '—'} · {count(item.jobs.length)}{' '}
        {item.jobs.length === 1 ? 'row' : 'rows'} (line {item.jobs.map((j) => j.line).join(', ')})
      </p>
      <p>
        <JobMatchCell job={first} />
      </p>
      {m.review.length ? (
        <ul class="small">
          {m.review.map((r) => (
            <li>{r}</li>
          ))}
        </ul>
      ) : null}
      {m.explanation.length ? (
        <details>
          <summary>Why this match</summary>
          <p class="small">{m.explanation.join(' ')}</p>
        </details>
      ) : null}
      {props.canDecide && m.profile ? (
        <DecideForm action={paths.decide} item={item} page={props.page}>
          <input type="hidden" name="profile" value={m.profile.code} />
          <button type="submit">Confirm this match</button>
        </DecideForm>
      ) : null}
      {props.canDecide ? (
        // biome-ignore lint/a11y/useSemanticElements: <search> is too new for some screen readers; role="search" is understood everywhere
        <form method="get" action={`${paths.review}#job-${item.line}`} class="search" role="search">
          <input type="hidden" name="pick" value={String(item.line)} />
          <label for={`q-${item.line}`}>Pick another profile: search by title, focus or SOC code</label>
          <div class="search-row">
            <input
              id={`q-${item.line}`}
              name="q"
              type="search"
              value={props.picking ? props.q : ''}
              maxlength={SEARCH_QUERY_LIMIT}
            />
            <button type="submit">Search</button>
          </div>
        </form>
      ) : null}
      {props.picking && props.results ? (
        props.results.length ? (
          <ol class="result-list" data-section="pick-results">
            {props.results.map((r) => (
              <li>
                <DecideForm action={paths.decide} item={item} page={props.page}>
                  <strong>{r.focus}</strong> <span class="small muted">{r.fn}</span>{' '}
                  <label>
                    <span class="visually-hidden">Level of {r.focus}</span>
                    <select name="profile">
                      {r.levels.map((l) => (
                        <option value={l.code} selected={l.code === r.selected}>
                          {l.label}
                        </option>
                      ))}
                    </select>
                  </label>{' '}
                  <button type="submit">Use this profile</button>
                </DecideForm>
              </li>
            ))}
          </ol>
        ) : (
          <p class="muted">
            Nothing in the taxonomy matches “{props.q}”. Try a focus name or a plainer title.
          </p>
        )
      ) : null}
    </li>
  );
}

/**
 * The review queue of a workspace: jobs that need review or found no profile and that no person has
 * decided, a title and department at a time, with the match's candidates and why. A person confirms
 * the match or picks another profile and level, found with the catalog's search.
 */
export function ReviewPage(props: {
  workspace: string;
  nav?: Child;
  decided: Counts;
  /** Whether the reader may decide (an editor): a viewer sees the queue without its forms. */
  canDecide: boolean;
  items: QueueItem[];
  total: number;
  page: number;
  pages: number;
  pick: number | null;
  q: string;
  results: FocusChoice[] | null;
  notice?: string;
}) {
  const paths = companyPaths(props.workspace);
  const pager =
    props.pages > 1 ? (
      <nav class="pager" aria-label="Pages of the queue">
        {props.page > 1 ? <a href={`${paths.review}?page=${props.page - 1}`}>Previous</a> : null}
        <span>
          Page {props.page} of {props.pages}
        </span>
        {props.page < props.pages ? <a href={`${paths.review}?page=${props.page + 1}`}>Next</a> : null}
      </nav>
    ) : null;
  return (
    <Layout title={`Review queue · ${props.workspace}`}>
      {props.nav ?? null}
      <h1>Review queue</h1>
      {props.notice ? (
        <p class="notice" role="status" data-section="decision-notice">
          {props.notice}
        </p>
      ) : null}
      <section aria-labelledby="decided-h">
        <h2 id="decided-h">How the current jobs were decided</h2>
        <DecidedCounts
          decided={props.decided}
          caption="A person's decision is kept in the workspace's dictionary: the same title in the same department maps with certainty on the next import."
        />
      </section>
      <section aria-labelledby="queue-h" data-section="queue">
        <h2 id="queue-h">
          {count(props.total)} {props.total === 1 ? 'title waits' : 'titles wait'} for a person
        </h2>
        {props.total === 0 ? (
          <p>
            Nothing to review. <a href={paths.import}>Import a file</a>
          </p>
        ) : null}
        {pager}
        <ol class="queue">
          {props.items.map((item) => (
            <Item
              workspace={props.workspace}
              item={item}
              picking={props.pick === item.line}
              q={props.q}
              results={props.pick === item.line ? props.results : null}
              page={props.page}
              canDecide={props.canDecide}
            />
          ))}
        </ol>
        {pager}
      </section>
    </Layout>
  );
}
