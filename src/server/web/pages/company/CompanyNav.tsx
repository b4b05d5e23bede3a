import type { WorkspaceMapping } from '../../../../workflow/companyWorkspace.js';

/** The views of a workspace's mapping, in the order a people team reads them. */
export const COMPANY_VIEWS = [
  ['matrix', 'Job family matrix'],
  ['grades', 'Grades'],
  ['level-guide', 'Level guide'],
  ['pay', 'Pay against the market'],
  ['equal-value', 'Equal-value groups'],
  ['exports', 'Exports'],
] as const;

export type CompanyView = (typeof COMPANY_VIEWS)[number][0];

/** A workspace page's URL; the workspace id is the user's word, so it is encoded. */
export function workspaceHref(workspace: string, path: string): string {
  return `/w/${encodeURIComponent(workspace)}/${path}`;
}

/**
 * The heading every view of a workspace's mapping shares: which import it shows, how its jobs were
 * settled, and links to the other views.
 */
export function CompanyNav({
  workspace,
  mapping,
  current,
}: {
  workspace: string;
  mapping: WorkspaceMapping;
  current: CompanyView;
}) {
  const { decided } = mapping;
  return (
    <header class="company-head" data-section="company-head">
      <p class="small muted">
        Workspace <code>{workspace}</code>
        {mapping.import
          ? ` · ${mapping.import.file}, imported ${mapping.import.createdAt.slice(0, 10)} by ${mapping.import.createdBy}`
          : ' · no import stored yet'}
        {` · ${mapping.jobs.length} jobs: ${decided.person} decided by a person, ${decided.dictionary} by the dictionary, ${decided.automatic} automatically`}
      </p>
      <nav aria-label="Company views" class="company-nav no-print">
        <ul>
          {COMPANY_VIEWS.map(([path, label]) => (
            <li>
              {path === current ? (
                <a href={workspaceHref(workspace, path)} aria-current="page">
                  {label}
                </a>
              ) : (
                <a href={workspaceHref(workspace, path)}>{label}</a>
              )}
            </li>
          ))}
        </ul>
      </nav>
    </header>
  );
}
