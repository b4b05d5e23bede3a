import type { ProfileView } from '../../../../core/catalog.js';
import type { Review } from '../../../../core/review/reviewProfile.js';
import { StatusBadge } from '../../StatusBadge.js';
import { Cite } from './Cite.js';

/** Level, code, title and function; the profile's facts as badges, its tools, and the focus in a sentence. */
export function ProfileHeader({ view, review }: { view: ProfileView; review: Review }) {
  const { record, focus, fn, level, sources } = view;
  const nextLevel = view.ladder[view.ladder.findIndex((s) => s.current) + 1]?.profileCode;
  return (
    <header class="profile-head" data-section="header">
      <span class="level-chip" data-section="level-chip">
        {level.code}
      </span>
      <p class="code" data-section="code">
        <code>{view.code}</code>
      </p>
      <h1 data-section="title">{view.title}</h1>
      <p class="function-name" data-section="function">
        {fn.name}
      </p>
      <ul class="badges" data-section="badges" aria-label="Profile facts">
        <li class="badge badge-level">
          {level.code} — {level.title}
        </li>
        <li class={`badge badge-${review.confidence.band}`} title="Confidence from the review panel">
          {review.confidence.band} {review.confidence.score.toFixed(2)}
        </li>
        <li>
          <StatusBadge status={record.status} />
        </li>
        <li class="badge">{record.region}</li>
        <li class="badge">{record.version === null ? 'no approved version' : `v${record.version}`}</li>
      </ul>
      <nav class="actions no-print" aria-label="Profile tools">
        <a href={`/profiles/${view.code}/jd`}>Job description</a>
        <a href={`/profiles/${view.code}/readiness`}>Readiness self-assessment</a>
        <a href={`/profiles/${view.code}/career`}>Career paths</a>
        {nextLevel ? (
          <a href={`/progression?from=${view.code}&to=${nextLevel}`}>
            Progression to {nextLevel.split('.')[2]}
          </a>
        ) : null}
      </nav>
      <p class="lede" data-section="description">
        {focus.description}
        <Cite ids={focus.sources} sources={sources} />
      </p>
    </header>
  );
}
