import type { Child } from 'hono/jsx';
import { Layout } from '../../Layout.js';

/**
 * A dry run or a store at work. The page asks to be loaded again every second (the route sends a
 * Refresh header): progress without any script, which the pages' Content-Security-Policy forbids.
 */
export function ImportProgressPage(props: {
  nav?: Child;
  file: string;
  doing: 'dry run' | 'store';
  progress: { stage: string; done: number; total: number } | null;
  /** This page's own address, for a browser that does not follow the Refresh header. */
  self: string;
}) {
  const { progress } = props;
  const title = props.doing === 'dry run' ? `Reading ${props.file}` : `Storing ${props.file}`;
  return (
    <Layout title={title}>
      {props.nav ?? null}
      <h1>{title}</h1>
      <section aria-labelledby="progress-h" data-section="progress">
        <h2 id="progress-h">{progress ? progress.stage : 'Starting'}</h2>
        {progress && progress.total > 0 ? (
          <>
            <progress max={progress.total} value={progress.done} aria-labelledby="progress-h" />
            <p>
              {progress.done.toLocaleString('en-US')} of {progress.total.toLocaleString('en-US')} rows
            </p>
          </>
        ) : (
          <progress aria-labelledby="progress-h" />
        )}
        <p class="small muted">
          This page reloads itself every second. <a href={props.self}>Reload now</a>
        </p>
      </section>
    </Layout>
  );
}
