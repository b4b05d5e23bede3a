import type { WorkspaceMapping } from '../../../../workflow/companyWorkspace.js';
import { Layout } from '../../Layout.js';
import { workspaceHref } from '../workspace/WorkspaceNav.js';
import { CompanyNav } from './CompanyNav.js';

const FILES = [
  [
    'mapping',
    'The mapping',
    "every job: the file's job code, title, department, grade, location and headcount, its match and who decided it",
  ],
  [
    'matrix',
    'The job family matrix',
    'every cell: function, focus, level, titles, job codes and headcount, then the jobs not placed',
  ],
] as const;

/** Downloads of the workspace's mapping and matrix, as CSV and XLSX. Formula-looking cells are neutralised in both. */
export function ExportsPage({ workspace, mapping }: { workspace: string; mapping: WorkspaceMapping }) {
  return (
    <Layout title="Exports" description="The mapping and the matrix as CSV and XLSX.">
      <CompanyNav workspace={workspace} mapping={mapping} current="exports" />
      <h1>Exports</h1>
      <ul data-section="exports">
        {FILES.map(([name, label, what]) => (
          <li>
            <strong>{label}</strong> — {what}:{' '}
            <a href={`${workspaceHref(workspace)}/exports/${name}.csv`} download={`${name}.csv`}>
              CSV
            </a>{' '}
            ·{' '}
            <a href={`${workspaceHref(workspace)}/exports/${name}.xlsx`} download={`${name}.xlsx`}>
              XLSX
            </a>
          </li>
        ))}
        <li>
          <strong>Pay against the market</strong> — every compared job: its pay, band, region, compa-ratio and
          position, or why it has none:{' '}
          <a href={`${workspaceHref(workspace)}/exports/pay.csv`} download="pay.csv">
            CSV
          </a>
        </li>
        <li>
          <strong>The level guide</strong> —{' '}
          <a href={`${workspaceHref(workspace)}/level-guide.md`} download="level-guide.md">
            Markdown
          </a>
        </li>
      </ul>
      <p class="small muted">
        A cell that a spreadsheet would run as a formula (it starts with =, +, -, @) is written with an
        apostrophe before it, so opening the file runs nothing.
      </p>
    </Layout>
  );
}
