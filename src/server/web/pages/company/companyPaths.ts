import { workspaceHref } from '../workspace/WorkspaceNav.js';

/** The addresses of a workspace's import and review pages, built in one place for pages and routes. */
export const companyPaths = (workspace: string) => {
  const upload = workspaceHref(workspace, 'import');
  const review = workspaceHref(workspace, 'review');
  return {
    import: upload,
    run: (id: string) => `${upload}/${encodeURIComponent(id)}`,
    review,
    decide: `${review}/decide`,
  };
};
