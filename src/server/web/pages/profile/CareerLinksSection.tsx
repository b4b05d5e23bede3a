import type { CareerLinks, Source } from '../../../../core/taxonomy.js';
import { CitedStatements } from './Cite.js';

const CAREER_LINKS: readonly (readonly [string, keyof CareerLinks])[] = [
  ['Entry from', 'entryFrom'],
  ['Advancement to', 'advancementTo'],
  ['Lateral moves', 'lateral'],
];

/** The moves into, up from and across from this level that the sources name, when they name any. */
export function CareerLinksSection({
  code,
  career,
  sources,
}: {
  code: string;
  career: CareerLinks;
  sources: readonly Source[];
}) {
  const named = CAREER_LINKS.filter(([, key]) => career[key].length > 0);
  if (named.length === 0) return null;
  return (
    <section aria-labelledby="career-h" data-section="career-links">
      <h2 id="career-h">Career moves the sources name</h2>
      <dl class="career-links">
        {named.map(([label, key]) => (
          <div>
            <dt>{label}</dt>
            <dd>
              <CitedStatements statements={career[key]} sources={sources} />
            </dd>
          </div>
        ))}
      </dl>
      <p class="small">
        <a href={`/profiles/${code}/career`}>All career paths →</a>
      </p>
    </section>
  );
}
