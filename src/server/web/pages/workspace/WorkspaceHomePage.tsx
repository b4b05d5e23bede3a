import type { Workspace } from '../../../../workflow/workspaces.js';
import { Layout } from '../../Layout.js';
import { WORKSPACE_SECTIONS, WorkspaceNav, workspaceHref } from './WorkspaceNav.js';

const WHAT_EACH_HOLDS: ReadonlyMap<string, string> = new Map([
  ['import', 'Bring in a job catalog or HRIS export: map its columns, see the dry run, then store it.'],
  ['review', 'Confirm or correct the matches Canon was unsure of; each decision teaches the next import.'],
  ['matrix', 'Functions and focuses against Canon levels, with your titles, codes and headcount.'],
  ['grades', 'Your grades beside Canon levels, and where they disagree.'],
  ['level-guide', 'Your grades with the level definitions and responsibilities, to print or share.'],
  ['pay', "Your pay against the market band of each job's profile."],
  ['equal-value', 'Jobs of equal value grouped for pay-transparency reporting, with the gap in each.'],
  ['exports', 'The mapping and the matrix as CSV or XLSX.'],
]);

/** A workspace's home: its name, and what each section holds. */
export function WorkspaceHomePage({ workspace }: { workspace: Workspace }) {
  return (
    <Layout title={workspace.name} description={`The ${workspace.name} workspace in Canon.`}>
      <h1>{workspace.name}</h1>
      <p class="lede">
        Workspace <code>{workspace.id}</code>: this company's jobs mapped onto Canon's shared taxonomy. Only
        keys of this workspace see it.
      </p>
      <WorkspaceNav workspace={workspace.id} current="overview" />
      <dl class="workspace-sections">
        {WORKSPACE_SECTIONS.filter((s) => WHAT_EACH_HOLDS.has(s.section)).map((s) => (
          <>
            <dt>
              <a href={workspaceHref(workspace.id, s.section)}>{s.label}</a>
            </dt>
            <dd>{WHAT_EACH_HOLDS.get(s.section)}</dd>
          </>
        ))}
      </dl>
      <p class="small muted">
        Created {workspace.createdAt.slice(0, 10)} by {workspace.createdBy}.
      </p>
    </Layout>
  );
}
