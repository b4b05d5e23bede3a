import type { Child } from 'hono/jsx';
import type { StoredImport } from '../../../../workflow/companyWorkspace.js';
import { Layout } from '../../Layout.js';
import { companyPaths } from './companyPaths.js';
import { DecidedCounts } from './DecidedCounts.js';

/** The file types the upload takes: CSV (and the text exports that are CSV by another name) or XLSX. */
export const CATALOG_FILE_TYPES = '.csv,.tsv,.txt,.xlsx';

/**
 * Step 1 of an import: upload a job catalog or HRIS export. Nothing is stored until the user has
 * seen the columns and the dry run and asked for it.
 */
export function ImportPage(props: {
  workspace: string;
  /** The workspace's navigation, when the sign-in provides one. */
  nav?: Child;
  current: StoredImport | null;
  maxMegabytes: number;
  error?: string;
}) {
  const paths = companyPaths(props.workspace);
  return (
    <Layout title={`Import jobs · ${props.workspace}`} description="Upload a job catalog or HRIS export.">
      {props.nav ?? null}
      <h1>Import a job catalog</h1>
      <p class="lede">
        Upload a job catalog or HRIS export as CSV or XLSX. Next you check which column holds what, then a dry
        run shows every row's match and every problem by its line. Nothing is stored until you ask.
      </p>
      {props.error ? (
        <p class="error" role="alert" data-section="import-error">
          {props.error}
        </p>
      ) : null}
      <form class="upload" method="post" action={paths.import} enctype="multipart/form-data">
        <label for="file">Job catalog (CSV or XLSX, up to {props.maxMegabytes} MB)</label>
        <input id="file" name="file" type="file" accept={CATALOG_FILE_TYPES} required />
        <button type="submit">Upload and read the columns</button>
      </form>
      {props.current ? (
        <section aria-labelledby="current-h" data-section="current-import">
          <h2 id="current-h">Current mapping</h2>
          <p>
            {props.current.file}, stored {props.current.createdAt.slice(0, 16).replace('T', ' ')} UTC by{' '}
            {props.current.createdBy}: {props.current.summary.read.toLocaleString('en-US')} rows read.{' '}
            <a href={paths.review}>Review queue</a>
          </p>
          <DecidedCounts
            decided={props.current.decided}
            caption="Rows of this import, as they were decided when it was stored."
          />
        </section>
      ) : null}
    </Layout>
  );
}
