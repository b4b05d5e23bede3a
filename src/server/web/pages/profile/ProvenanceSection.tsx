import { DIMENSION_LABELS, DIMENSIONS, type Review } from '../../../../core/review/reviewProfile.js';
import type { Source } from '../../../../core/taxonomy.js';

/** The review panel's scores, the ways to its findings and the history, and every source cited. */
export function ProvenanceSection({
  code,
  review,
  sources,
}: {
  code: string;
  review: Review;
  sources: readonly Source[];
}) {
  return (
    <section aria-labelledby="prov-h" data-section="provenance">
      <h2 id="prov-h">Provenance</h2>
      <p class="section-note">
        Every statement is sourced. Quality is scored by an adversarial review panel (1–5; a profile passes at
        ≥4 on its lowest dimension).
      </p>
      <ul class="dimensions" data-section="review">
        {DIMENSIONS.map((d) => (
          <li>
            <span>{DIMENSION_LABELS[d]}</span>
            <strong class="score">{review.scores[d]}</strong>
          </li>
        ))}
      </ul>
      <p class="small">
        {review.passed ? 'Passes the panel' : 'Does not pass the panel'} (lowest {review.minimum}) ·{' '}
        <a href={`/profiles/${code}/review`}>All findings →</a> ·{' '}
        <a href={`/profiles/${code}/history`}>Version history →</a> ·{' '}
        <a href="/reviewing">How profiles are reviewed →</a>
      </p>
      <p data-section="source-count">
        <strong>{sources.length} sources</strong>
      </p>
      <ol class="sources">
        {sources.map((s) => (
          <li>
            <a href={`/sources/${s.id}`}>{s.title}</a> <span class="muted">({s.kind.replace('_', ' ')})</span>
          </li>
        ))}
      </ol>
    </section>
  );
}
