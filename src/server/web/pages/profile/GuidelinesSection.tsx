import type { LadderStep } from '../../../../core/catalog.js';
import { RUBRIC_DIMENSIONS, type Source } from '../../../../core/taxonomy.js';
import { TableHead } from '../../TableHead.js';
import { Cite } from './Cite.js';

/** The leveling rubric as this focus states it, a row per level. */
export function GuidelinesSection({
  ladder,
  sources,
}: {
  ladder: readonly LadderStep[];
  sources: readonly Source[];
}) {
  return (
    <section aria-labelledby="rubric-h" data-section="guidelines">
      <h2 id="rubric-h">Level guidelines</h2>
      <p class="section-note">
        The universal leveling rubric applied to this focus: how scope, complexity, collaboration and
        experience step up.
      </p>
      <div class="table-wrap">
        <table class="rubric">
          <TableHead columns={['Level', ...RUBRIC_DIMENSIONS.map(([label]) => label)]} />
          <tbody>
            {ladder.map((step) => (
              <tr class={step.current ? 'current' : undefined} data-level={step.level.code}>
                <th scope="row">{step.level.code}</th>
                {RUBRIC_DIMENSIONS.map(([, key], i) => (
                  <td>
                    {step.content.rubric[key]}
                    {i === RUBRIC_DIMENSIONS.length - 1 ? (
                      <Cite
                        ids={step.content.rubric.sources}
                        sources={sources}
                        rows={step.content.rubric.rows}
                      />
                    ) : null}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
