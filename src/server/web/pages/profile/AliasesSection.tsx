import type { Source, Statement } from '../../../../core/taxonomy.js';
import { CitedStatements } from './Cite.js';

/** Other titles the role goes by, folded away. */
export function AliasesSection({
  aliases,
  sources,
}: {
  aliases: readonly Statement[];
  sources: readonly Source[];
}) {
  return (
    <section aria-labelledby="alias-h" data-section="aliases">
      <details>
        <summary>
          <h2 id="alias-h">Title aliases</h2>
        </summary>
        {aliases.length > 0 ? (
          <CitedStatements statements={aliases} sources={sources} />
        ) : (
          <p class="muted">No title aliases recorded for this profile yet.</p>
        )}
      </details>
    </section>
  );
}
