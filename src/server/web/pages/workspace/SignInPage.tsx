import { Layout } from '../../Layout.js';

/**
 * The form a workspace's pages send a browser to without a key. It names the workspace only by the id
 * in the address, so it tells nobody whether that workspace exists.
 */
export function SignInPage({ workspace, error }: { workspace: string; error?: string }) {
  return (
    <Layout title={`Sign in to ${workspace}`}>
      <h1>Sign in to workspace {workspace}</h1>
      <p class="lede">
        Give an API key of this workspace. The browser keeps it in a cookie for this workspace's pages only
        until you sign out.
      </p>
      {error ? (
        <p class="error" role="alert">
          {error}
        </p>
      ) : null}
      <form class="search" method="post" action={`/w/${encodeURIComponent(workspace)}/sign-in`}>
        <label for="key">API key</label>
        <div class="search-row">
          <input
            id="key"
            name="key"
            type="password"
            autocomplete="off"
            maxlength={200}
            placeholder="canon_…"
            required
          />
          <button type="submit">Sign in</button>
        </div>
      </form>
      <p class="small muted">
        An admin of the workspace makes keys with{' '}
        <code>canon keys create --workspace {workspace} --role viewer --name &lt;who&gt;</code>.
      </p>
    </Layout>
  );
}
