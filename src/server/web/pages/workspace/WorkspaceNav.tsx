/** A workspace's sections, in the order a people team works through them; the path under /w/<workspace>. */
export const WORKSPACE_SECTIONS = [
  { section: 'overview', path: '', label: 'Overview' },
  { section: 'import', path: '/import', label: 'Import' },
  { section: 'review', path: '/review', label: 'Review' },
  { section: 'matrix', path: '/matrix', label: 'Job family matrix' },
  { section: 'grades', path: '/grades', label: 'Grades' },
  { section: 'level-guide', path: '/level-guide', label: 'Level guide' },
  { section: 'pay', path: '/pay', label: 'Pay' },
  { section: 'equal-value', path: '/equal-value', label: 'Equal value' },
  { section: 'exports', path: '/exports', label: 'Exports' },
] as const;

export type WorkspaceSection = (typeof WORKSPACE_SECTIONS)[number]['section'];

/** Where a workspace's section lives: the one place its paths are spelled. */
export function workspaceHref(workspace: string, section: WorkspaceSection = 'overview'): string {
  const path = WORKSPACE_SECTIONS.find((s) => s.section === section)?.path ?? '';
  return `/w/${encodeURIComponent(workspace)}${path}`;
}

/**
 * The nav every page of a workspace shows under its heading: its sections, the current one marked, and
 * signing out (a form, since it changes the browser's state and pages carry no scripts).
 */
export function WorkspaceNav({ workspace, current }: { workspace: string; current: WorkspaceSection }) {
  return (
    <nav class="workspace-nav" aria-label="Workspace">
      <ul>
        {WORKSPACE_SECTIONS.map((s) => (
          <li>
            <a
              href={workspaceHref(workspace, s.section)}
              aria-current={s.section === current ? 'page' : undefined}
              data-section={s.section}
            >
              {s.label}
            </a>
          </li>
        ))}
      </ul>
      <form method="post" action={`${workspaceHref(workspace)}/sign-out`} class="sign-out">
        <button type="submit">Sign out</button>
      </form>
    </nav>
  );
}
