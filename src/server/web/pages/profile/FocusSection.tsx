import type { ProfileView } from '../../../../core/catalog.js';
import {
  type Differential,
  differentialSentence,
  PAY_THRESHOLD,
  SKILL_THRESHOLD,
} from '../../../../core/differential.js';
import { Cite } from './Cite.js';

/** The focus, what sets it apart from its neighbours, and how far its pay and skills differ from the function's. */
export function FocusSection({ view, differential }: { view: ProfileView; differential: Differential }) {
  const { focus, level, sources } = view;
  return (
    <section aria-labelledby="focus-h" data-section="focus">
      <h2 id="focus-h">Focus — {focus.name}</h2>
      <p>{focus.description}</p>
      {focus.distinctFrom.length > 0 ? (
        <ul class="distinct">
          {focus.distinctFrom.map((d) => (
            <li>{d.how}</li>
          ))}
        </ul>
      ) : null}
      <p class="differential" data-section="differential">
        {differentialSentence(differential)}
        {differential.pay && differential.skill ? null : (
          <Cite ids={focus.differential.sources} sources={sources} />
        )}
      </p>
      <p class="small muted" data-section="differential-basis">
        {differential.pay
          ? `Pay: ${differential.pay.gap >= 0 ? '+' : ''}${Math.round(differential.pay.gap * 100)}% against the median of ${differential.pay.focuses} focuses at ${level.code} (material from ±${PAY_THRESHOLD * 100}%). `
          : 'Pay: no function baseline at this level yet, so the sourced statement stands. '}
        {differential.skill
          ? `Skills: ${Math.round(differential.skill.ownShare * 100)}% specific to this focus (material from ${SKILL_THRESHOLD * 100}%).`
          : ''}
      </p>
    </section>
  );
}
