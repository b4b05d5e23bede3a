import type { Catalog } from '../../core/catalog.js';
import { type ProfileStatus, STATUS_LABELS } from '../../core/taxonomy.js';

/** A mark beside the word, so the four statuses differ in shape and text as well as colour. */
const MARKS: Readonly<Record<ProfileStatus, string>> = {
  approved: '✓',
  in_review: '◷',
  draft: '✎',
  retired: '⊘',
};

const MEANINGS: Readonly<Record<ProfileStatus, string>> = {
  approved: 'reviewed and approved: the published profile',
  in_review: 'submitted and waiting for an approver',
  draft: 'not approved yet: a generated profile the review panel did not pass, or an edit in progress',
  retired: 'no longer in use; kept so that links and history still work',
};

/** The statuses in the order pages show them: the published first. */
export const STATUS_ORDER: readonly ProfileStatus[] = ['approved', 'in_review', 'draft', 'retired'];

/** A profile's status as a badge: mark and word, with a border style of its own. */
export function StatusBadge({ status }: { status: ProfileStatus }) {
  return (
    <span class={`status status-${status}`}>
      <span aria-hidden="true">{MARKS[status]}</span> {STATUS_LABELS[status]}
    </span>
  );
}

/** The badge of a profile named by its code, after a space; nothing for a code the catalog does not hold. */
export function StatusBadgeOf({ catalog, code }: { catalog: Catalog; code: string }) {
  const status = catalog.findProfile(code)?.record.status;
  return status ? (
    <>
      {' '}
      <StatusBadge status={status} />
    </>
  ) : null;
}

/** What each status badge means, for pages that list profiles. */
export function StatusLegend() {
  return (
    <div class="status-legend" data-section="status-legend">
      <p class="small">Every profile carries its status as a badge with a mark and a word:</p>
      <ul>
        {STATUS_ORDER.map((status) => (
          <li>
            <StatusBadge status={status} /> <span class="small">{MEANINGS[status]}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
