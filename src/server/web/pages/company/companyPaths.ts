/** The addresses of a workspace's import and review pages, built in one place for pages and routes. */
export const companyPaths = (workspace: string) => {
  const base = `/w/${encodeURIComponent(workspace)}`;
  return {
    import: `${base}/import`,
    run: (id: string) => `${base}/import/${encodeURIComponent(id)}`,
    review: `${base}/review`,
    decide: `${base}/review/decide`,
  };
};
