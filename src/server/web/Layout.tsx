import type { Child } from 'hono/jsx';

export const STYLESHEET = '/assets/canon.css';
export const FAVICON = '/assets/favicon.svg';
/** The content type a rendered page is served with. */
export const HTML = 'text/html; charset=utf-8';

/** The page shell: landmarks, navigation and the stylesheet. No scripts: every page works without JavaScript. */
export function Layout(props: { title: string; children: Child; description?: string }) {
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${props.title} · Canon`}</title>
        {props.description ? <meta name="description" content={props.description} /> : null}
        <link rel="stylesheet" href={STYLESHEET} />
        <link rel="icon" href={FAVICON} type="image/svg+xml" />
      </head>
      <body>
        <a class="skip" href="#main">
          Skip to content
        </a>
        <header class="site-header">
          <a class="brand" href="/">
            Canon
          </a>
          <nav aria-label="Main">
            <ul>
              <li>
                <a href="/">Taxonomy</a>
              </li>
              <li>
                <a href="/levels">Levels</a>
              </li>
              <li>
                <a href="/resolve">Level a title</a>
              </li>
              <li>
                <a href="/ingest">Map a ladder</a>
              </li>
              <li>
                <a href="/sources">Sources</a>
              </li>
              <li>
                <a href="/review-queue">Review queue</a>
              </li>
              <li>
                <a href="/api/docs">API</a>
              </li>
            </ul>
          </nav>
        </header>
        <main id="main">{props.children}</main>
        <footer class="site-footer">
          <p>
            Canon — a canonical taxonomy of roles. Every statement is sourced; see each profile's provenance.
          </p>
        </footer>
      </body>
    </html>
  );
}

export function renderPage(node: unknown): string {
  return `<!doctype html>${String(node)}`;
}
