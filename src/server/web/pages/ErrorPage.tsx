import { Layout } from '../Layout.js';

const TITLES: Record<number, string> = {
  400: 'Bad request',
  404: 'Not found',
  503: 'Temporarily unavailable',
};

/** Any error as a page: what happened, and the way back to the taxonomy. */
export function ErrorPage({ status, message }: { status: number; message: string }) {
  const title = TITLES[status] ?? 'Something went wrong';
  return (
    <Layout title={title}>
      <h1>{title}</h1>
      <p>{message}</p>
      <p>
        <a href="/">← Back to the Canon taxonomy</a> or search it:
      </p>
      {/* biome-ignore lint/a11y/useSemanticElements: <search> is too new for some screen readers; role="search" is understood everywhere */}
      <form class="search" method="get" action="/" role="search">
        <label for="q">Search profiles</label>
        <div class="search-row">
          <input id="q" name="q" type="search" maxlength={200} />
          <button type="submit">Search</button>
        </div>
      </form>
    </Layout>
  );
}
