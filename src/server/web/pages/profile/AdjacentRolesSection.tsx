import type { MatchBand } from '../../../../core/coordinates.js';
import type { ProfileStatus } from '../../../../core/taxonomy.js';
import { StatusBadge } from '../../StatusBadge.js';

export interface AdjacentItem {
  code: string;
  title: string;
  distance: number;
  band: MatchBand;
  status: ProfileStatus | null;
}

/** The nearest profiles by structural coordinates, each with its distance and match band. */
export function AdjacentRolesSection({
  code,
  adjacent,
}: {
  code: string;
  adjacent: readonly AdjacentItem[];
}) {
  return (
    <section aria-labelledby="adj-h" data-section="adjacent">
      <h2 id="adj-h">Adjacent roles</h2>
      <p class="section-note">
        Nearest roles by structural coordinates (level + taxonomy). Distance 0 → 1; each carries its match
        band. <a href="/coordinates">How coordinates work →</a>
        {adjacent.length > 0 ? (
          <>
            {' · '}
            <a href={`/compare?codes=${[code, ...adjacent.slice(0, 3).map((a) => a.code)].join(',')}`}>
              Compare side-by-side →
            </a>
          </>
        ) : null}
      </p>
      {adjacent.length > 0 ? (
        <ol class="adjacent">
          {adjacent.map((a) => (
            <li>
              <a href={`/profiles/${a.code}`}>{a.title}</a> <code class="small">{a.code}</code>{' '}
              <span class="distance">{a.distance.toFixed(2)}</span>{' '}
              <span class={`band band-${a.band}`}>{a.band}</span>
              {a.status ? (
                <>
                  {' '}
                  <StatusBadge status={a.status} />
                </>
              ) : null}
            </li>
          ))}
        </ol>
      ) : (
        <p class="muted">No other profile in the taxonomy yet.</p>
      )}
    </section>
  );
}
