import type { ProfileView } from '../../../../core/catalog.js';
import type { FocusLevelContent, Skill, Source } from '../../../../core/taxonomy.js';
import { Cite } from './Cite.js';

/** The focus's skills, then those a source states for this level. */
export function SkillsSection({ view, own }: { view: ProfileView; own: FocusLevelContent | undefined }) {
  const { focus, level, sources } = view;
  return (
    <section aria-labelledby="skills-h" data-section="skills">
      <h2 id="skills-h">Skills</h2>
      <p class="section-note">Focus-specific skills and how the role applies them.</p>
      <SkillList skills={focus.skills} sources={sources} />
      {own?.skills?.length ? (
        <>
          <h3>At {level.code}</h3>
          <SkillList skills={own.skills} sources={sources} section="level-skills" />
        </>
      ) : null}
    </section>
  );
}

function SkillList(props: { skills: readonly Skill[]; sources: readonly Source[]; section?: string }) {
  return (
    <dl class="skills" data-section={props.section}>
      {props.skills.map((s) => (
        <div>
          <dt>{s.name}</dt>
          <dd>
            {s.application}
            <Cite ids={s.sources} sources={props.sources} evidence={s.evidence} rows={s.rows} />
          </dd>
        </div>
      ))}
    </dl>
  );
}
