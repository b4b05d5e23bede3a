import pg from 'pg';
import type { PostgresTarget } from './testStore.js';

/** Titles a bulk job's tests code: common ones the resolver places, in a cycle so rows repeat as real files do. */
const TITLES = [
  'Senior Software Engineer',
  'Registered Nurse',
  'Staff Accountant',
  'VP of Engineering',
  'Data Scientist II',
  'Sales Manager',
  'Junior Graphic Designer',
  'Head of People',
];
const EMPLOYERS = ['Acme Bank', 'General Hospital', 'Initech', 'Globex'];

/** A CSV of `rows` job titles with a unique id per row (1, 2, …), so a result can be checked row by row. */
export function titleCsv(rows: number): string {
  const lines = ['id,job_title,employer'];
  for (let i = 1; i <= rows; i++)
    lines.push(`${i},${TITLES[i % TITLES.length]},${EMPLOYERS[i % EMPLOYERS.length]}`);
  return `${lines.join('\n')}\n`;
}

/** The ids of a coded CSV's rows, in the order the file has them (the id is each row's first cell). */
export function resultIds(csv: string): number[] {
  return csv
    .trimEnd()
    .split('\r\n')
    .slice(1)
    .map((line) => Number(line.slice(0, line.indexOf(','))));
}

/**
 * Reads a job until it is done or failed and returns it then. Not a timed assertion: the deadline
 * only stops a test that would otherwise wait for ever, and says where the job stood.
 */
export async function untilFinished<T extends { status: string }>(
  read: () => Promise<T>,
  deadlineMs = 240_000,
): Promise<T> {
  const until = Date.now() + deadlineMs;
  for (;;) {
    const job = await read();
    if (job.status === 'done' || job.status === 'failed') return job;
    if (Date.now() > until)
      throw new Error(`the job did not finish in ${deadlineMs / 1000} s: ${JSON.stringify(job)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * A Canon schema of its own on the test PostgreSQL (`target.open()`), with the URL that selects it
 * (for child processes and pg-boss); `drop` also removes the pg-boss schema made beside it.
 */
export async function jobDatabase(target: PostgresTarget) {
  const opened = await target.open();
  if (opened.options.kind !== 'postgres' || !opened.options.schema)
    throw new Error('a PostgreSQL test store opens in a schema of its own');
  const schema = opened.options.schema;
  const url = new URL(target.url);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return {
    store: opened.store,
    url: url.toString(),
    queueSchema: `${schema}_pgboss`,
    async drop() {
      await opened.drop();
      const admin = new pg.Client({ connectionString: target.url });
      await admin.connect();
      await admin.query(`DROP SCHEMA IF EXISTS ${schema}_pgboss CASCADE`);
      await admin.end();
    },
  };
}
