/**
 * npm run bench:company — how long `canon company import FILE --dry-run` takes, and how much memory it
 * holds, on a large HRIS export. The exports are written here, from a fixed seed (no ../shared needed):
 * one row per employee, as HR systems export a headcount report, so a job's title repeats over its
 * holders but titles vary as HR spells them ("Sr. Software Engineer II", "Software Engineer - Payments",
 * "Accounts Payable Specialist (EMEA)"), across a dozen functions, their departments, grades on two
 * ladders, locations, pay and currencies. Files: 10,000 and 50,000 rows as CSV and XLSX, and a CSV of as
 * many rows as fit just under the 50 MB limit.
 *
 * Each file is run as a user runs it: the built CLI in a child process (`node dist/cli/main.js company
 * import FILE --dry-run --out mapping.csv --json`), BENCH_RUNS times (default 3), the median wall time,
 * rows per second, CPU time and peak RSS printed (from /usr/bin/time). Beside it, the same files through
 * a baseline build: BENCH_BASELINE, a git ref (default `main`), unpacked with `git archive` into the temp
 * directory and built once. And in this process, planCompanyImport alone (no CLI start, no output), with the peak heap
 * sampled while it runs. The digest of each run's --out and --json is printed: the same for the build and
 * its baseline when a change kept every answer. Figures only: nothing here asserts a time.
 *
 * The XLSX is written with src/company/writeXlsx.ts.
 */
import { execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, symlinkSync } from 'node:fs';
import { mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadBuiltinTaxonomy } from '../src/builtin/loadBuiltinTaxonomy.js';
import { planCompanyImport } from '../src/company/planCompanyImport.js';
import { MAX_CATALOG_BYTES } from '../src/company/readCatalogFile.js';
import { writeXlsx, type XlsxCell } from '../src/company/writeXlsx.js';
import { PROJECT_ROOT } from '../src/config/readConfig.js';
import { Catalog } from '../src/core/catalog.js';
import { landingTable } from '../src/resolve/focusLanding.js';
import { buildResolver } from '../src/resolve/resolverSources.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const BASELINE = process.env.BENCH_BASELINE ?? 'main';
const DIR = join(tmpdir(), 'canon-bench-company');

const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** mulberry32: the same numbers every run. */
function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A function's departments, as HR names them, and its roles: a base title and the ladder's ranks it spans. */
interface Fn {
  departments: string[];
  roles: { title: string; low: number; high: number }[];
  specialties: string[];
}

const FUNCTIONS: Fn[] = [
  {
    departments: ['Engineering', 'Product Development', 'R&D', 'Platform Eng.'],
    roles: [
      { title: 'Software Engineer', low: 1, high: 6 },
      { title: 'Software Developer', low: 1, high: 4 },
      { title: 'Backend Engineer', low: 2, high: 5 },
      { title: 'Frontend Developer', low: 1, high: 5 },
      { title: 'QA Engineer', low: 1, high: 4 },
      { title: 'Site Reliability Engineer', low: 2, high: 5 },
      { title: 'Engineering Manager', low: 5, high: 7 },
      { title: 'DevOps Engineer', low: 2, high: 5 },
    ],
    specialties: ['Payments', 'Mobile', 'Platform', 'Search', 'Checkout', 'Infrastructure', 'iOS', 'Android'],
  },
  {
    departments: ['Sales', 'Commercial', 'Field Sales', 'Inside Sales'],
    roles: [
      { title: 'Account Executive', low: 2, high: 5 },
      { title: 'Sales Development Representative', low: 1, high: 2 },
      { title: 'Account Manager', low: 2, high: 5 },
      { title: 'Sales Manager', low: 4, high: 7 },
      { title: 'Sales Engineer', low: 2, high: 5 },
    ],
    specialties: ['Enterprise', 'Mid-Market', 'SMB', 'Public Sector', 'Channel', 'Strategic Accounts'],
  },
  {
    departments: ['Marketing', 'Brand & Comms', 'Growth Marketing'],
    roles: [
      { title: 'Marketing Specialist', low: 1, high: 4 },
      { title: 'Marketing Manager', low: 4, high: 6 },
      { title: 'Content Writer', low: 1, high: 4 },
      { title: 'Product Marketing Manager', low: 3, high: 6 },
      { title: 'Marketing Coordinator', low: 1, high: 2 },
    ],
    specialties: ['Digital', 'Events', 'Demand Generation', 'Brand', 'Social Media', 'Partner'],
  },
  {
    departments: ['Finance', 'FP&A', 'Accounting', 'Treasury'],
    roles: [
      { title: 'Financial Analyst', low: 1, high: 5 },
      { title: 'Accountant', low: 1, high: 5 },
      { title: 'Accounts Payable Specialist', low: 1, high: 3 },
      { title: 'Payroll Specialist', low: 1, high: 3 },
      { title: 'Controller', low: 5, high: 7 },
      { title: 'Finance Manager', low: 4, high: 6 },
    ],
    specialties: ['Revenue', 'Tax', 'Consolidation', 'Billing', 'Audit'],
  },
  {
    departments: ['Human Resources', 'People', 'Talent Acquisition', 'HR Ops'],
    roles: [
      { title: 'Recruiter', low: 1, high: 5 },
      { title: 'HR Business Partner', low: 3, high: 6 },
      { title: 'HR Generalist', low: 1, high: 4 },
      { title: 'Compensation Analyst', low: 2, high: 5 },
      { title: 'Learning and Development Specialist', low: 2, high: 4 },
    ],
    specialties: ['Technical', 'Campus', 'Benefits', 'Executive', 'EMEA'],
  },
  {
    departments: ['Legal', 'Legal & Compliance', 'Compliance'],
    roles: [
      { title: 'Counsel', low: 3, high: 6 },
      { title: 'Paralegal', low: 1, high: 3 },
      { title: 'Compliance Analyst', low: 1, high: 4 },
      { title: 'Contracts Manager', low: 3, high: 5 },
    ],
    specialties: ['Commercial', 'Privacy', 'Employment', 'Regulatory'],
  },
  {
    departments: ['Operations', 'Supply Chain', 'Logistics', 'Warehouse'],
    roles: [
      { title: 'Operations Analyst', low: 1, high: 4 },
      { title: 'Buyer', low: 1, high: 4 },
      { title: 'Warehouse Associate', low: 0, high: 2 },
      { title: 'Logistics Coordinator', low: 1, high: 3 },
      { title: 'Supply Chain Manager', low: 4, high: 6 },
      { title: 'Forklift Operator', low: 0, high: 1 },
    ],
    specialties: ['Inbound', 'Outbound', 'Procurement', 'Planning', 'Night Shift'],
  },
  {
    departments: ['Customer Support', 'Customer Success', 'Service Desk'],
    roles: [
      { title: 'Customer Support Representative', low: 0, high: 2 },
      { title: 'Customer Success Manager', low: 2, high: 5 },
      { title: 'Support Engineer', low: 1, high: 4 },
      { title: 'Call Center Agent', low: 0, high: 1 },
    ],
    specialties: ['Tier 1', 'Tier 2', 'Enterprise', 'Spanish', 'Onboarding'],
  },
  {
    departments: ['IT', 'Information Technology', 'Corporate IT'],
    roles: [
      { title: 'IT Support Specialist', low: 0, high: 3 },
      { title: 'Systems Administrator', low: 1, high: 4 },
      { title: 'Network Engineer', low: 2, high: 5 },
      { title: 'Security Analyst', low: 1, high: 5 },
      { title: 'IT Manager', low: 4, high: 6 },
    ],
    specialties: ['Helpdesk', 'Identity', 'Cloud', 'End User Computing'],
  },
  {
    departments: ['Data', 'Analytics', 'Data Science'],
    roles: [
      { title: 'Data Analyst', low: 1, high: 4 },
      { title: 'Data Scientist', low: 2, high: 6 },
      { title: 'Data Engineer', low: 2, high: 5 },
      { title: 'Business Intelligence Developer', low: 2, high: 4 },
    ],
    specialties: ['Marketing', 'Risk', 'Product', 'Pricing', 'Machine Learning'],
  },
  {
    departments: ['Product', 'Product Management', 'Design', 'UX'],
    roles: [
      { title: 'Product Manager', low: 2, high: 6 },
      { title: 'Product Designer', low: 1, high: 5 },
      { title: 'UX Researcher', low: 2, high: 4 },
      { title: 'Technical Writer', low: 1, high: 4 },
    ],
    specialties: ['Growth', 'Core', 'Platform', 'Consumer'],
  },
  {
    departments: ['Facilities', 'Workplace', 'Administration'],
    roles: [
      { title: 'Facilities Coordinator', low: 0, high: 2 },
      { title: 'Office Manager', low: 2, high: 4 },
      { title: 'Executive Assistant', low: 1, high: 3 },
      { title: 'Receptionist', low: 0, high: 1 },
    ],
    specialties: ['HQ', 'Campus', 'Events'],
  },
];

/** How HR writes rank on a title: a prefix, a Roman numeral after it, or nothing. */
const PREFIXES: readonly (readonly string[])[] = [
  ['Junior', 'Jr.', 'Associate', ''],
  ['', ''],
  ['', 'Intermediate'],
  ['Senior', 'Sr.', 'Sr', 'SENIOR'],
  ['Lead', 'Staff', 'Senior'],
  ['Principal', 'Lead'],
  ['Head of', 'Director,', 'Senior'],
  ['Director', 'Senior Director'],
];
const ROMAN = ['I', 'II', 'III', 'IV', 'V'];
const LOCATIONS: readonly [string, string, number][] = [
  ['New York, NY', 'USD', 1],
  ['Austin, TX', 'USD', 0.85],
  ['San Francisco, CA', 'USD', 1.15],
  ['Toronto, ON', 'CAD', 1.2],
  ['London, UK', 'GBP', 0.7],
  ['Berlin, DE', 'EUR', 0.75],
  ['Paris, FR', 'EUR', 0.75],
  ['Bangalore, IN', 'INR', 20],
  ['São Paulo, BR', 'BRL', 2.8],
  ['Remote - US', 'USD', 0.9],
  ['Kraków, PL', 'PLN', 2.1],
  ['Singapore', 'SGD', 1.1],
];
const HEADER = [
  'Employee ID',
  'Last Name',
  'First Name',
  'Job Code',
  'Business Title',
  'Department',
  'Cost Center',
  'Grade',
  'Location',
  'FTE',
  'Annual Base Salary',
  'Currency',
  'Hire Date',
  'Manager ID',
  'Employment Type',
];
const NAMES = [
  'Garcia',
  'Smith',
  'Nguyen',
  'Kowalski',
  'Müller',
  'Okafor',
  'Silva',
  'Tanaka',
  'Patel',
  'Dubois',
];
const FIRST = [
  'Ana',
  'Li',
  'Sam',
  'Priya',
  'Jonas',
  'Chidi',
  'Marta',
  'Yuki',
  'Omar',
  'Zoë',
  'Rafael',
  'Ines',
];

/**
 * The jobs of a company of `rows` employees: a larger company has more distinct titles (a title for
 * every two or three dozen employees, as HRIS exports run), each job a function's role at a rank with
 * its spelling, a specialty or location sometimes, its department and grade.
 */
function companyJobs(rows: number, random: () => number): string[][] {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)] as T;
  const jobs = new Map<string, string[]>();
  const wanted = Math.max(200, Math.round(rows / 12));
  let code = 1000;
  while (jobs.size < wanted) {
    const fn = pick(FUNCTIONS);
    const role = pick(fn.roles);
    const rank = role.low + Math.floor(random() * (role.high - role.low + 1));
    const style = random();
    let title: string;
    if (style < 0.25) title = `${role.title} ${ROMAN[Math.min(rank, 4)]}`;
    else {
      const prefix = pick(PREFIXES[rank] ?? ['']);
      title = prefix.endsWith(',') ? `${prefix} ${role.title}` : `${prefix} ${role.title}`.trim();
    }
    const twist = random();
    if (twist < 0.2) title = `${title} - ${pick(fn.specialties)}`;
    else if (twist < 0.3) title = `${title}, ${pick(fn.specialties)}`;
    else if (twist < 0.36) title = `${title} (${pick(['EMEA', 'APAC', 'Contract', 'Temp', 'NA', 'LATAM'])})`;
    else if (twist < 0.4) title = title.toUpperCase();
    else if (twist < 0.43) title = `  ${title.replace(' ', '  ')} `;
    const grade =
      random() < 0.7 ? `G${String(rank + 3).padStart(2, '0')}` : `Band ${Math.ceil((rank + 1) / 2)}`;
    const department = pick(fn.departments);
    const key = `${title}|${department}|${grade}`;
    if (!jobs.has(key)) jobs.set(key, [`J${code++}`, title, department, grade, String(rank)]);
  }
  return [...jobs.values()];
}

/** An HRIS export of `rows` employees: its header and rows, jobs drawn with a long tail (a few common, most rare). */
export function hrisExport(rows: number, seed = 42): string[][] {
  const random = seeded(seed);
  const jobs = companyJobs(rows, random);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)] as T;
  const out: string[][] = [HEADER];
  for (let i = 0; i < rows; i++) {
    const job = jobs[Math.floor(jobs.length * random() ** 2)] as string[];
    const [code, title, department, grade, rank] = job as [string, string, string, string, string];
    const [location, currency, factor] = pick(LOCATIONS);
    const pay = Math.round(((45_000 + Number(rank) * 22_000) * factor * (0.85 + random() * 0.3)) / 100) * 100;
    out.push([
      `E${String(100000 + i)}`,
      pick(NAMES),
      pick(FIRST),
      code,
      title,
      department,
      String(1000 + (code.charCodeAt(2) % 40) * 10),
      grade,
      location,
      random() < 0.9 ? '1.0' : '0.5',
      random() < 0.5 ? pay.toLocaleString('en-US') : String(pay),
      currency,
      `20${String(10 + Math.floor(random() * 15))}-0${1 + Math.floor(random() * 9)}-1${Math.floor(random() * 9)}`,
      `E${String(100000 + Math.floor(random() * Math.max(i, 1)))}`,
      random() < 0.93 ? 'Full-time' : pick(['Part-time', 'Contractor', 'Intern']),
    ]);
  }
  return out;
}

function toCsvText(rows: readonly string[][]): string {
  const cell = (c: string) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c);
  return `${rows.map((r) => r.map(cell).join(',')).join('\n')}\n`;
}

/** As many rows as fit in a CSV just under the size limit. */
function rowsUnderLimit(): string[][] {
  const sample = hrisExport(10_000, 7);
  const perRow = Buffer.byteLength(toCsvText(sample)) / sample.length;
  let rows = hrisExport(Math.floor((MAX_CATALOG_BYTES * 0.98) / perRow), 7);
  while (Buffer.byteLength(toCsvText(rows)) > MAX_CATALOG_BYTES) rows = rows.slice(0, -1000);
  return rows;
}

interface File {
  name: string;
  path: string;
  rows: number;
  bytes: number;
}

async function writeFiles(): Promise<File[]> {
  await mkdir(DIR, { recursive: true });
  const files: File[] = [];
  const add = async (name: string, data: string | Uint8Array, rows: number) => {
    const path = join(DIR, name);
    await writeFile(path, data);
    files.push({ name, path, rows, bytes: (await stat(path)).size });
  };
  for (const n of [10_000, 50_000]) {
    const rows = hrisExport(n);
    await add(`hris-${n / 1000}k.csv`, toCsvText(rows), n);
    await add(
      `hris-${n / 1000}k.xlsx`,
      writeXlsx([{ name: 'Headcount', rows: rows.map((r) => r.map((c): XlsxCell => c)) }]),
      n,
    );
  }
  const big = rowsUnderLimit();
  await add('hris-50MB.csv', toCsvText(big), big.length - 1);
  return files;
}

/**
 * A build of the baseline ref: its tracked files unpacked from `git archive` (no worktree registered
 * in the repository) and compiled, once per commit; null when it is this build's commit.
 */
function baselineRoot(): string | null {
  const head = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: PROJECT_ROOT }).toString().trim();
  const commit = execFileSync('git', ['rev-parse', BASELINE], { cwd: PROJECT_ROOT }).toString().trim();
  if (commit === head) return null;
  const root = join(DIR, `baseline-${commit.slice(0, 12)}`);
  if (!existsSync(join(root, 'dist/cli/main.js'))) {
    mkdirSync(root, { recursive: true });
    execFileSync('tar', ['-x', '-C', root], {
      input: execFileSync('git', ['archive', commit], { cwd: PROJECT_ROOT, maxBuffer: 1 << 30 }),
    });
    if (!existsSync(join(root, 'node_modules')))
      symlinkSync(join(PROJECT_ROOT, 'node_modules'), join(root, 'node_modules'));
    execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
  }
  return root;
}

interface Run {
  ms: number;
  /** User and system CPU time: on a shared machine, what the run itself cost. */
  cpuMs: number;
  rssBytes: number;
  digest: string;
}

/** One CLI dry run under /usr/bin/time: wall time, peak RSS, and a digest of its --out and --json. */
async function cliRun(root: string, file: File, dataDir: string): Promise<Run> {
  const out = join(DIR, `out-${process.pid}.csv`);
  const timing = join(DIR, `time-${process.pid}.txt`);
  const args = ['-f', '%U %S %M', '-o', timing, process.execPath, join(root, 'dist/cli/main.js')];
  args.push('company', 'import', file.path, '--dry-run', '--out', out, '--json', '--data-dir', dataDir);
  const hash = createHash('sha256');
  const started = performance.now();
  const child = spawn('/usr/bin/time', args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.on('data', (chunk: Buffer) => hash.update(chunk));
  let err = '';
  child.stderr.on('data', (chunk: Buffer) => {
    err += chunk.toString();
  });
  const code = await new Promise<number | null>((done) => child.on('close', done));
  const ms = performance.now() - started;
  if (code !== 0) throw new Error(`${file.name}: exit ${code}\n${err}`);
  hash.update(await readFile(out));
  const [user = 0, system = 0, rssKb = 0] = ((await readFile(timing, 'utf8')).trim().split('\n').pop() ?? '')
    .split(' ')
    .map(Number);
  await rm(out, { force: true });
  await rm(timing, { force: true });
  return {
    ms,
    cpuMs: (user + system) * 1000,
    rssBytes: rssKb * 1024,
    digest: hash.digest('hex').slice(0, 16),
  };
}

async function cliRuns(label: string, root: string, files: readonly File[]): Promise<void> {
  const dataDir = join(DIR, `store-${label.replace(/\W+/g, '-')}`);
  // The first run creates the store: outside the figures.
  await cliRun(
    root,
    {
      name: 'northwind',
      path: join(PROJECT_ROOT, 'src/company/fixtures/northwind-catalog.csv'),
      rows: 0,
      bytes: 0,
    },
    dataDir,
  );
  console.log(`\nCLI dry run, ${label} (${root}), median of ${RUNS}:`);
  for (const file of files) {
    const runs: Run[] = [];
    for (let i = 0; i < RUNS; i++) runs.push(await cliRun(root, file, dataDir));
    const ms = median(runs.map((r) => r.ms));
    const digests = [...new Set(runs.map((r) => r.digest))].join(' ≠ ');
    console.log(
      `  ${file.name.padEnd(16)} ${fmt(file.rows).padStart(7)} rows ${mb(file.bytes).padStart(6)}  ${(ms / 1000).toFixed(1).padStart(5)} s  ${fmt(file.rows / (ms / 1000)).padStart(6)} rows/s  CPU ${(median(runs.map((r) => r.cpuMs)) / 1000).toFixed(1)} s  peak RSS ${mb(median(runs.map((r) => r.rssBytes)))}  digest ${digests}`,
    );
  }
}

/** planCompanyImport in this process: its time, and the peak heap and RSS sampled every 20 ms while it runs. */
async function inProcess(files: readonly File[]): Promise<void> {
  const { taxonomy } = await loadBuiltinTaxonomy(join(PROJECT_ROOT, 'data'));
  const catalog = new Catalog(taxonomy);
  const landing = landingTable(catalog);
  console.log(`\nIn process, planCompanyImport alone (a fresh resolver each run), median of ${RUNS}:`);
  for (const file of files) {
    const bytes = await readFile(file.path);
    const times: number[] = [];
    const cpu: number[] = [];
    let heap = 0;
    let rss = 0;
    for (let i = 0; i < RUNS; i++) {
      const resolver = await buildResolver({ occupations: null, landing });
      globalThis.gc?.();
      const base = process.memoryUsage();
      let peakHeap = base.heapUsed;
      let peakRss = base.rss;
      const sample = setInterval(() => {
        const m = process.memoryUsage();
        peakHeap = Math.max(peakHeap, m.heapUsed);
        peakRss = Math.max(peakRss, m.rss);
      }, 20);
      const started = performance.now();
      const cpuBefore = process.cpuUsage();
      const plan = await planCompanyImport(
        bytes,
        file.name,
        { resolver, catalog },
        {
          // Progress is called between rows: it lets the sampler run while titles are matched.
          progress: () => {
            const m = process.memoryUsage();
            peakHeap = Math.max(peakHeap, m.heapUsed);
            peakRss = Math.max(peakRss, m.rss);
          },
        },
      );
      times.push(performance.now() - started);
      const used = process.cpuUsage(cpuBefore);
      cpu.push((used.user + used.system) / 1000);
      clearInterval(sample);
      const m = process.memoryUsage();
      heap = Math.max(heap, Math.max(peakHeap, m.heapUsed) - base.heapUsed);
      rss = Math.max(rss, Math.max(peakRss, m.rss) - base.rss);
      if (plan.matches.length === 0) throw new Error(`${file.name}: nothing matched`);
    }
    const ms = median(times);
    console.log(
      `  ${file.name.padEnd(16)} ${fmt(file.rows).padStart(7)} rows  ${(ms / 1000).toFixed(1).padStart(5)} s  ${fmt(file.rows / (ms / 1000)).padStart(6)} rows/s  CPU ${(median(cpu) / 1000).toFixed(1)} s  heap +${mb(heap)}  RSS +${mb(rss)}`,
    );
  }
}

const files = await writeFiles();
console.log(
  `Files in ${DIR}: ${files.map((f) => `${f.name} (${fmt(f.rows)} rows, ${mb(f.bytes)})`).join(', ')}`,
);
// BENCH_WRITE_ONLY=1: the files alone, to profile a run by hand (node --cpu-prof dist/cli/main.js …).
if (process.env.BENCH_WRITE_ONLY) process.exit(0);
const only = process.env.BENCH_FILES?.split(',');
const chosen = only ? files.filter((f) => only.includes(f.name)) : files;
const baseline = baselineRoot();
await cliRuns('this build', PROJECT_ROOT, chosen);
if (baseline) await cliRuns(`baseline ${BASELINE}`, baseline, chosen);
else console.log(`\nBaseline ${BASELINE} is this build's commit: no baseline run.`);
await inProcess(chosen);
