import type { Child } from 'hono/jsx';
import type { ColumnChoice } from '../../../../company/guessColumns.js';
import type { CatalogTable } from '../../../../company/readCatalogFile.js';
import { Layout } from '../../Layout.js';
import { companyPaths } from './companyPaths.js';
import { workbookSheets } from './workbookSheets.js';

/** How each role reads on the page. */
export const ROLE_LABELS: ReadonlyMap<string, string> = new Map([
  ['title', 'Job title'],
  ['department', 'Department or function'],
  ['grade', 'Internal grade or level'],
  ['location', 'Location'],
  ['job_code', 'Job code'],
  ['employee_id', 'Employee id'],
  ['headcount', 'Headcount'],
  ['base_pay', 'Base pay'],
  ['currency', 'Currency'],
]);

/**
 * How a column is named in the form: as "#N" (1-based), which names exactly one column whatever the
 * headers repeat — except the title's, which is named by its header: the reader finds the header row
 * by the title's name (a number would take the first row of two cells, a banner perhaps).
 */
export function columnValue(header: readonly string[], column: number, role: string): string {
  const name = header[column] ?? '';
  const repeated = header.filter((h) => h.trim().toLowerCase() === name.trim().toLowerCase()).length > 1;
  return role === 'title' && name.trim() && !repeated ? name : `#${column + 1}`;
}

/**
 * Step 2 of an import: which column holds each of Canon's roles, preselected from the guess with
 * its reason, and the sheet of a workbook. Submitting runs the dry run with these columns.
 */
export function MappingStep(props: {
  workspace: string;
  nav?: Child;
  run: string;
  table: CatalogTable;
  columns: readonly ColumnChoice[];
  error?: string;
}) {
  const { table } = props;
  const sheets = workbookSheets(table);
  const action = `${companyPaths(props.workspace).run(props.run)}/columns`;
  return (
    <Layout title={`Columns of ${table.file}`}>
      {props.nav ?? null}
      <h1>Which column holds what</h1>
      <p class="lede">
        {table.file}: {table.rows.length.toLocaleString('en-US')} rows under the header on {table.unit}{' '}
        {table.headerLine}. Check the guesses below; only the job title is required.
      </p>
      {props.error ? (
        <p class="error" role="alert" data-section="import-error">
          {props.error}
        </p>
      ) : null}
      <ul class="small muted" data-section="reading-notes">
        {table.notes.map((n) => (
          <li>{n}</li>
        ))}
      </ul>
      <form class="mapping" method="post" action={action} data-section="mapping">
        {sheets ? (
          <p>
            <label for="sheet">Sheet</label>{' '}
            <select id="sheet" name="sheet">
              {[sheets.read, ...sheets.others].map((name) => (
                <option value={name} selected={name === sheets.read}>
                  {name}
                </option>
              ))}
            </select>{' '}
            <span class="small muted">Another sheet is read afresh, its columns guessed again.</span>
          </p>
        ) : null}
        <div class="table-wrap">
          <table>
            <caption class="visually-hidden">Canon's column roles and the file's column for each</caption>
            <thead>
              <tr>
                <th scope="col">Canon reads</th>
                <th scope="col">from the file's column</th>
                <th scope="col">Why</th>
              </tr>
            </thead>
            <tbody>
              {props.columns.map((choice) => (
                <tr data-role={choice.role}>
                  <th scope="row">
                    <label for={`col-${choice.role}`}>{ROLE_LABELS.get(choice.role) ?? choice.role}</label>
                  </th>
                  <td>
                    <select id={`col-${choice.role}`} name={`col_${choice.role}`}>
                      {choice.role === 'title' ? null : (
                        <option value="" selected={choice.column === null}>
                          (none)
                        </option>
                      )}
                      {table.header.map((h, column) => (
                        <option
                          value={columnValue(table.header, column, choice.role)}
                          selected={choice.column === column}
                        >
                          {h.trim() || `column ${column + 1}`}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td class="small">{choice.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <button type="submit">Run the dry run with these columns</button>
      </form>
    </Layout>
  );
}
