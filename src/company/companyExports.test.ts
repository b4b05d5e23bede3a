import { beforeAll, describe, expect, it } from 'vitest';
import { type NorthwindDryRun, northwindDryRun } from '../testing/northwindDryRun.js';
import { exportFile, MAPPING_EXPORT_COLUMNS, mappingTable, matrixTable } from './companyExports.js';
import { buildJobFamilyMatrix } from './jobFamilyMatrix.js';
import { looksLikeFormula } from './looksLikeFormula.js';
import { readCsvRecords } from './readCsvRecords.js';
import { readXlsxSheets } from './readXlsxSheets.js';

describe('company exports of the Northwind dry run', () => {
  let run: NorthwindDryRun;
  beforeAll(async () => {
    run = await northwindDryRun();
  });

  it("writes the mapping a row per job: the file's columns, the match and who decided it", () => {
    const { rows } = mappingTable(run.jobs);
    expect(rows[0]).toEqual([...MAPPING_EXPORT_COLUMNS]);
    expect(rows).toHaveLength(run.jobs.length + 1);
    const col = (name: (typeof MAPPING_EXPORT_COLUMNS)[number]) => MAPPING_EXPORT_COLUMNS.indexOf(name);
    run.jobs.forEach((job, i) => {
      const row = rows[i + 1] ?? [];
      expect([row[col('job_code')], row[col('title')], row[col('department')], row[col('grade')]]).toEqual([
        job.jobCode,
        job.title,
        job.department,
        job.grade,
      ]);
      expect([
        row[col('location')],
        row[col('headcount')],
        row[col('profile')],
        row[col('decided_by')],
      ]).toEqual([job.location, job.headcount, job.match.profile?.code ?? '', job.decidedBy]);
    });
  });

  it('neutralises formula-looking cells in both the CSV and the XLSX', async () => {
    const formula = run.jobs.find((j) => looksLikeFormula(j.title));
    if (!formula) throw new Error('the Northwind catalog plants a formula title');
    const table = mappingTable(run.jobs);
    const csv = exportFile(table, 'csv');
    const records = readCsvRecords(String(csv.body)).records;
    const titles = records.map((r) => r.cells[2]);
    expect(titles).toContain(`'${formula.title}`);
    expect(titles).not.toContain(formula.title);
    const xlsx = exportFile(table, 'xlsx');
    const [sheet] = await readXlsxSheets(xlsx.body as Uint8Array, 'mapping.xlsx');
    expect(sheet?.formulas).toEqual([]);
    expect(sheet?.rows.map((r) => r.cells[2])).toContain(`'${formula.title}`);
    expect(sheet?.rows).toHaveLength(run.jobs.length + 1);
  });

  it('writes the matrix a row per cell that holds jobs or that the focus offers, then the jobs not placed', () => {
    const matrix = buildJobFamilyMatrix(run.jobs, run.catalog);
    const [header, ...rows] = matrixTable(matrix).rows;
    const at = (name: string) => header?.indexOf(name) ?? -1;
    const people = rows.reduce((s, r) => s + Number(r[at('headcount')]), 0);
    expect(people).toBe(matrix.totals.headcount);
    const empty = rows.filter((r) => r[at('jobs')] === 0);
    expect(empty.length).toBeGreaterThan(0);
    for (const r of empty) expect([r[at('focus_offers_level')], r[at('titles')]]).toEqual(['yes', '']);
    expect(rows.filter((r) => r[at('focus')] === 'not placed: no focus or level')).toHaveLength(
      matrix.unmatched.length,
    );
  });
});
