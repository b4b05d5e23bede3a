import type { Child } from 'hono/jsx';
import type { DryRunStored } from '../../../../workflow/companyUploads.js';
import { Layout } from '../../Layout.js';
import { companyPaths } from './companyPaths.js';
import { DecidedCounts } from './DecidedCounts.js';

const count = (n: number) => n.toLocaleString('en-US');

/** Step 4 of an import: what was stored, how its rows were decided, and the way to the review queue. */
export function StoredImportPage(props: { workspace: string; nav?: Child; stored: DryRunStored }) {
  const { import: stored, diff } = props.stored;
  const s = stored.summary;
  return (
    <Layout title={`Stored ${stored.file}`}>
      {props.nav ?? null}
      <h1>Stored {stored.file}</h1>
      <p class="notice" data-section="stored">
        {diff.unchanged
          ? 'The workspace already held these jobs: nothing changed.'
          : `${count(diff.added)} jobs added, ${count(diff.removed)} removed, ${count(diff.changed)} changed.`}{' '}
        {count(s.read)} rows read, {count(s.problems)} problems; {count(s.needsReview)} need review and{' '}
        {count(s.unmatched)} are unmatched.
      </p>
      <section aria-labelledby="decided-h">
        <h2 id="decided-h">How the rows were decided</h2>
        <DecidedCounts
          decided={stored.decided}
          caption={`Import ${stored.id}, stored by ${stored.createdBy}.`}
        />
      </section>
      <p>
        <a href={companyPaths(props.workspace).review}>Go to the review queue</a> ·{' '}
        <a href={companyPaths(props.workspace).import}>Import another file</a>
      </p>
    </Layout>
  );
}
