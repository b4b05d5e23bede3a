import { Layout } from '../Layout.js';

export function NotFoundPage({ message }: { message: string }) {
  return (
    <Layout title="Not found">
      <h1>Not found</h1>
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
