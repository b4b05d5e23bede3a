import type { DecidedCounts as Counts } from '../../../../workflow/companyWorkspace.js';

const count = (n: number) => n.toLocaleString('en-US');

/** How a workspace's jobs (or a dry run's) were settled: by a person, by the dictionary, automatically. */
export function DecidedCounts({ decided, caption }: { decided: Counts; caption: string }) {
  return (
    <div data-section="decided">
      <dl class="decided">
        <div>
          <dt>By a person</dt>
          <dd data-decided="person">{count(decided.person)}</dd>
        </div>
        <div>
          <dt>By the dictionary</dt>
          <dd data-decided="dictionary">{count(decided.dictionary)}</dd>
        </div>
        <div>
          <dt>Automatically</dt>
          <dd data-decided="automatic">{count(decided.automatic)}</dd>
        </div>
      </dl>
      <p class="small muted">{caption}</p>
    </div>
  );
}
