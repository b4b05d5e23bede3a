import type { LadderStep } from '../../../../core/catalog.js';
import type { Source } from '../../../../core/taxonomy.js';
import { StatusBadge } from '../../StatusBadge.js';
import { CitedStatements } from './Cite.js';

/** Every level of the focus with its responsibilities, this profile's marked and the others linked. */
export function ResponsibilitiesSection({
  ladder,
  sources,
}: {
  ladder: readonly LadderStep[];
  sources: readonly Source[];
}) {
  return (
    <section aria-labelledby="resp-h" data-section="responsibilities">
      <h2 id="resp-h">Responsibilities by level</h2>
      <p class="section-note">
        What this person actually does at each level of the focus — scope escalates from level to level. Your
        level is highlighted.
      </p>
      <ol class="ladder">
        {ladder.map((step) => (
          <li
            class={step.current ? 'rung current' : 'rung'}
            data-level={step.level.code}
            aria-current={step.current ? 'true' : undefined}
          >
            <h3>
              {step.current ? (
                <>
                  {step.level.code}
                  <span class="this-profile">this profile</span>
                </>
              ) : (
                <a href={`/profiles/${step.profileCode}`}>{step.level.code}</a>
              )}
              <span class="rung-title"> {step.level.title}</span>
              {step.status ? (
                <>
                  {' '}
                  <StatusBadge status={step.status} />
                </>
              ) : null}
            </h3>
            <CitedStatements statements={step.content.responsibilities} sources={sources} />
          </li>
        ))}
      </ol>
    </section>
  );
}
