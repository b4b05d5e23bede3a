import type { Focus, TaxonomyFunction } from '../../../../core/taxonomy.js';

/** The way back: the home page, then this focus on its function's grid. */
export function Breadcrumb({ fn, focus }: { fn: TaxonomyFunction; focus: Focus }) {
  return (
    <p data-section="back">
      <a class="back" href="/">
        ← Canon taxonomy
      </a>{' '}
      <span aria-hidden="true">›</span> <a href={`/functions/${fn.code}#focus-${focus.code}`}>{fn.name}</a>
    </p>
  );
}
