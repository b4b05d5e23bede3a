import type { WorkspaceMapping } from '../../../../workflow/companyWorkspace.js';
import { WorkspaceNav, type WorkspaceSection } from '../workspace/WorkspaceNav.js';

/** The sections that show a workspace's mapping. */
export type CompanyView = Extract<
  WorkspaceSection,
  'matrix' | 'grades' | 'level-guide' | 'pay' | 'equal-value' | 'exports'
>;

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
      <WorkspaceNav workspace={workspace} current={current} />
    </header>
  );
}
