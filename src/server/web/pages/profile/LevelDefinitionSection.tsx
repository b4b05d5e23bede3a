import { formatYears, LEVEL_ATTRIBUTES, type Level } from '../../../../core/levels.js';
import type { FocusLevelContent, Source } from '../../../../core/taxonomy.js';
import { Cite } from './Cite.js';

/** The framework's definition of the level, with the years this focus states for it when a source does. */
export function LevelDefinitionSection({
  level,
  own,
  sources,
}: {
  level: Level;
  own: FocusLevelContent | undefined;
  sources: readonly Source[];
}) {
  return (
    <section aria-labelledby="level-h" data-section="level-definition">
      <h2 id="level-h">
        Level — {level.code} — {level.title}
      </h2>
      <p>{level.summary}</p>
      <dl class="attributes">
        {LEVEL_ATTRIBUTES.map(([label, key]) => (
          <div>
            <dt>{label}</dt>
            <dd>{level[key]}</dd>
          </div>
        ))}
        <div>
          <dt>Typical experience</dt>
          <dd>
            {formatYears(level.experience)}
            <Cite ids={level.experienceSources} sources={sources} />
            {own?.experience ? (
              <span data-section="focus-experience">
                {' '}
                · in this focus {own.experience.min}
                {own.experience.max === null ? '' : `–${own.experience.max}`}
                {own.experience.openEnded ? '+' : ''} years
                <Cite ids={own.experience.sources} sources={sources} evidence={own.experience.evidence} />
              </span>
            ) : null}
          </dd>
        </div>
      </dl>
    </section>
  );
}
