import type { ProfileView } from '../../../core/catalog.js';
import type { SectionDiff } from '../../../core/content/diffContent.js';
import type { ProfileVersion } from '../../../core/content/history.js';
import { DIMENSION_LABELS, DIMENSIONS, type Review } from '../../../core/review/reviewProfile.js';
import type { VersionRef } from '../../../core/versionRef.js';
import type { ReviewedDraft } from '../../../workflow/profileWorkflow.js';
import { Layout } from '../Layout.js';
import { StatusBadge } from '../StatusBadge.js';
import { TableHead } from '../TableHead.js';

const when = (iso: string) => iso.slice(0, 16).replace('T', ' ');
const refLabel = (ref: VersionRef) => (ref === 'draft' ? 'the open draft' : `v${ref}`);

function Back({ view }: { view: ProfileView }) {
  return (
    <p>
      <a class="back" href={`/profiles/${view.code}`}>
        ← {view.title}
      </a>
    </p>
  );
}

/** Every approved version of a profile, and a form to compare any two. */
export function HistoryPage({
  view,
  versions,
  draft,
}: {
  view: ProfileView;
  versions: ProfileVersion[];
  draft: ReviewedDraft | null;
}) {
  const refs: VersionRef[] = [...versions.map((v) => v.version), ...(draft ? (['draft'] as const) : [])];
  return (
    <Layout title={`History — ${view.title}`}>
      <Back view={view} />
      <h1>History of {view.title}</h1>
      <p class="lede">
        Approved versions never change. The profile page shows the latest; any version can be read on its own
        or compared with another.
      </p>
      {draft ? (
        <p data-section="open-draft">
          An open draft (revision {draft.draft.revision},{' '}
          {draft.draft.status === 'in_review' ? 'in review' : 'draft'}) is waiting:{' '}
          <a href={`/profiles/${view.code}/draft`}>read it and its review →</a>
        </p>
      ) : null}
      {versions.length === 0 ? (
        <p class="muted">No version has been approved yet.</p>
      ) : (
        <div class="table-wrap">
          <table data-section="versions">
            <TableHead columns={['Version', 'Approved', 'By', 'Review', 'Note']} />
            <tbody>
              {versions.map((v) => (
                <tr class={v.version === view.record.version ? 'current' : undefined}>
                  <th scope="row">
                    <a href={`/profiles/${view.code}?version=${v.version}`}>v{v.version}</a>
                  </th>
                  <td>{when(v.approvedAt)}</td>
                  <td>{v.approvedBy}</td>
                  <td>{v.review ? `lowest ${v.review.minimum}${v.review.passed ? ', passed' : ''}` : '—'}</td>
                  <td>{v.note ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {refs.length >= 2 ? (
        <form class="pick" method="get" action={`/profiles/${view.code}/diff`}>
          <fieldset>
            <legend>Compare two versions</legend>
            {(['from', 'to'] as const).map((name, i) => (
              <label>
                {name}{' '}
                <select name={name}>
                  {refs.map((r) => (
                    <option value={String(r)} selected={r === (i === 0 ? refs[1] : refs[0])}>
                      {refLabel(r)}
                    </option>
                  ))}
                </select>
              </label>
            ))}
            <button type="submit">Show changes</button>
          </fieldset>
        </form>
      ) : null}
    </Layout>
  );
}

export function DiffView({ diff }: { diff: SectionDiff[] }) {
  if (diff.length === 0) return <p class="muted">No differences.</p>;
  const mark = { same: '', added: '+ added', removed: '− removed' } as const;
  return (
    <div data-section="diff">
      {diff.map((d) => (
        <section>
          <h2>{d.section}</h2>
          <ul class="diff">
            {d.lines.map((l) => (
              <li class={`diff-${l.kind}`}>
                {l.kind === 'same' ? null : <span class="visually-hidden">{mark[l.kind]}: </span>}
                {l.kind === 'added' ? (
                  <ins>{l.text}</ins>
                ) : l.kind === 'removed' ? (
                  <del>{l.text}</del>
                ) : (
                  l.text
                )}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}

export function DiffPage({
  view,
  from,
  to,
  diff,
}: {
  view: ProfileView;
  from: VersionRef;
  to: VersionRef;
  diff: SectionDiff[];
}) {
  return (
    <Layout title={`Changes ${refLabel(from)} → ${refLabel(to)} — ${view.title}`}>
      <p>
        <a class="back" href={`/profiles/${view.code}/history`}>
          ← History of {view.title}
        </a>
      </p>
      <h1>
        {view.title}: {refLabel(from)} → {refLabel(to)}
      </h1>
      <p class="lede">
        Unchanged statements are shown for context; removed ones are struck through, added ones underlined.
      </p>
      <DiffView diff={diff} />
    </Layout>
  );
}

function Verdict({ review }: { review: Review }) {
  return (
    <>
      <ul class="dimensions" data-section="review">
        {DIMENSIONS.map((d) => (
          <li>
            {DIMENSION_LABELS[d]} <strong class="score">{review.scores[d]}</strong>
          </li>
        ))}
      </ul>
      <p>
        {review.passed ? 'Passes the panel' : 'Does not pass the panel: it cannot be approved'} (lowest{' '}
        {review.minimum}).
      </p>
      {review.findings.length ? (
        <ul data-section="findings">
          {review.findings.map((f) => (
            <li>
              <strong>
                {DIMENSION_LABELS[f.dimension]} — {f.severity === 'fail' ? 'fails' : 'weakens'}:
              </strong>{' '}
              {f.message}
              {f.statements[0] ? <div class="small muted">“{f.statements[0]}”</div> : null}
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}

/** An open draft: who changed what, what the panel says, and how it differs from the version it started from. */
export function DraftPage({
  view,
  reviewed,
  diff,
}: {
  view: ProfileView;
  reviewed: ReviewedDraft;
  diff: SectionDiff[];
}) {
  const { draft, review } = reviewed;
  return (
    <Layout title={`Draft — ${view.title}`}>
      <Back view={view} />
      <h1>Draft of {view.title}</h1>
      <p class="lede">
        Revision {draft.revision},{' '}
        {draft.status === 'in_review' ? 'in review' : 'not yet submitted for review'}; started by{' '}
        {draft.createdBy} {when(draft.createdAt)}, last saved by {draft.updatedBy} {when(draft.updatedAt)}
        {draft.baseVersion ? `, from v${draft.baseVersion}` : ''}.
      </p>
      {draft.notes.length ? (
        <ul data-section="notes">
          {draft.notes.map((n) => (
            <li>{n}</li>
          ))}
        </ul>
      ) : null}
      <h2>Review panel</h2>
      <Verdict review={review} />
      <h2>Changes{draft.baseVersion ? ` from v${draft.baseVersion}` : ''}</h2>
      {draft.baseVersion ? (
        <DiffView diff={diff} />
      ) : (
        <p class="muted">A first version: everything is new.</p>
      )}
      <p class="small muted">
        Approve with{' '}
        <code>
          canon approve {view.code} --revision {draft.revision}
        </code>{' '}
        or <code>POST /api/profiles/{view.code}/approve</code> with an approver key.
      </p>
    </Layout>
  );
}

/** Open drafts, oldest change first: what reviewers and approvers have to look at. */
export function QueuePage({ items }: { items: { view: ProfileView; reviewed: ReviewedDraft }[] }) {
  return (
    <Layout title="Review queue">
      <h1>Review queue</h1>
      <p class="lede">
        Open drafts, oldest change first. A draft is approved into a new version only when it is in review and
        the panel passes it.
      </p>
      {items.length === 0 ? (
        <p class="muted">No open drafts.</p>
      ) : (
        <div class="table-wrap">
          <table data-section="queue">
            <TableHead columns={['Profile', 'Status', 'Revision', 'Last saved', 'Panel', 'Findings']} />
            <tbody>
              {items.map(({ view, reviewed: { draft, review } }) => (
                <tr>
                  <th scope="row">
                    <a href={`/profiles/${view.code}/draft`}>{view.title}</a>
                  </th>
                  <td>
                    <StatusBadge status={draft.status === 'in_review' ? 'in_review' : 'draft'} />
                  </td>
                  <td>{draft.revision}</td>
                  <td>
                    {when(draft.updatedAt)} by {draft.updatedBy}
                  </td>
                  <td>{review.passed ? `passes (${review.minimum})` : `fails (${review.minimum})`}</td>
                  <td>{review.findings.length}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Layout>
  );
}
