/**
 * npm run bench:company-matrix — the job family matrix, pay against the market and equal-value
 * groups of a 50,000-job company, each built and rendered.
 *
 * The jobs are the Northwind dry run's (matched once, as a stored import holds them) repeated to
 * BENCH_JOBS (default 50,000): each copy has its own job codes and employee ids, and most copies a
 * variant of the title, so cells hold many titles as a per-person HRIS export's do. Times the
 * matrix built from the jobs, the page rendered from it, and the two together (what /w/:ws/matrix
 * does once it has the mapping), median of BENCH_RUNS (default 7) after one warm-up; then the
 * matrix CSV export; then the pay page (first page of its table, against the Northwind test pay
 * book), the pay CSV export and the equal-value page, each built and rendered.
 */
import { exportFile, matrixTable, payTable } from '../src/company/companyExports.js';
import type { CompanyJob } from '../src/company/companyJob.js';
import { equalValueGroups } from '../src/company/equalValueGroups.js';
import { northwindPayBook } from '../src/company/fixtures/northwindPayBook.js';
import { buildJobFamilyMatrix } from '../src/company/jobFamilyMatrix.js';
import { payAgainstMarket } from '../src/company/payAgainstMarket.js';
import { renderPage } from '../src/server/web/Layout.js';
import { EqualValuePage } from '../src/server/web/pages/company/EqualValuePage.js';
import { MatrixPage } from '../src/server/web/pages/company/MatrixPage.js';
import { PayPage } from '../src/server/web/pages/company/PayPage.js';
import { northwindDryRun } from '../src/testing/northwindDryRun.js';
import type { WorkspaceMapping } from '../src/workflow/companyWorkspace.js';

const JOBS = Number(process.env.BENCH_JOBS ?? 50_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const VARIANTS = ['', ' (Remote)', ' - EMEA', ' - Americas', ' (Contract)', ' - Night Shift', ' - Hub'];
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const time = (fn: () => unknown) => {
  const t = performance.now();
  fn();
  return performance.now() - t;
};

const { catalog, jobs: base, correlation } = await northwindDryRun();
const jobs: CompanyJob[] = [];
for (let copy = 0; jobs.length < JOBS; copy++)
  for (const job of base) {
    if (jobs.length >= JOBS) break;
    jobs.push({
      ...job,
      line: jobs.length + 3,
      jobCode: job.jobCode ? `${job.jobCode}-${copy}` : '',
      employeeId: `E${jobs.length}`,
      title: `${job.title}${VARIANTS[copy % VARIANTS.length]}`,
      headcount: 1 + (copy % 3),
    });
  }
const mapping: WorkspaceMapping = {
  import: null,
  jobs,
  correlation,
  decided: { person: 0, dictionary: 0, automatic: jobs.length },
};

const render = (matrix: ReturnType<typeof buildJobFamilyMatrix>) =>
  renderPage(MatrixPage({ workspace: 'bench', mapping, matrix }));
const warm = buildJobFamilyMatrix(jobs, catalog);
const html = render(warm);
const build: number[] = [];
const draw: number[] = [];
const both: number[] = [];
const csv: number[] = [];
for (let i = 0; i < RUNS; i++) {
  build.push(time(() => buildJobFamilyMatrix(jobs, catalog)));
  draw.push(time(() => render(warm)));
  both.push(time(() => render(buildJobFamilyMatrix(jobs, catalog))));
  csv.push(time(() => exportFile(matrixTable(warm), 'csv')));
}
const cells = warm.functions.reduce((s, f) => s + f.rows.length * f.levels.length, 0);
console.log(
  `Job family matrix — ${jobs.length.toLocaleString('en-US')} jobs (${warm.totals.headcount.toLocaleString('en-US')} people), ${warm.functions.length} functions, ${cells} cells, page ${(html.length / 1024).toFixed(0)} KB; median of ${RUNS}`,
);
console.log(`  build the matrix     ${median(build).toFixed(1)} ms`);
console.log(`  render the page      ${median(draw).toFixed(1)} ms`);
console.log(`  build + render       ${median(both).toFixed(1)} ms  (target < 1000 ms)`);
console.log(`  matrix CSV export    ${median(csv).toFixed(1)} ms`);

const { payBook } = northwindPayBook(catalog, base);
const payPage = () =>
  renderPage(PayPage({ workspace: 'bench', mapping, pay: payAgainstMarket(jobs, payBook), page: 1 }));
const equalPage = () =>
  renderPage(EqualValuePage({ workspace: 'bench', mapping, groups: equalValueGroups(jobs, catalog) }));
const kb = (html: string) => `${(Buffer.byteLength(html) / 1024).toFixed(0)} KB`;
const payHtml = payPage();
const equalHtml = equalPage();
const compare: number[] = [];
const payTimes: number[] = [];
const payCsv: number[] = [];
const equalTimes: number[] = [];
for (let i = 0; i < RUNS; i++) {
  compare.push(time(() => payAgainstMarket(jobs, payBook)));
  payTimes.push(time(payPage));
  payCsv.push(time(() => exportFile(payTable(payAgainstMarket(jobs, payBook)), 'csv')));
  equalTimes.push(time(equalPage));
}
console.log(`  pay: compare every job with its band  ${median(compare).toFixed(1)} ms`);
console.log(
  `  pay page: build + render ${median(payTimes).toFixed(1)} ms, page ${kb(payHtml)}  (target < 1000 ms)`,
);
console.log(`  pay CSV export (every job)  ${median(payCsv).toFixed(1)} ms`);
console.log(
  `  equal-value page: build + render ${median(equalTimes).toFixed(1)} ms, page ${kb(equalHtml)}  (target < 1000 ms)`,
);
