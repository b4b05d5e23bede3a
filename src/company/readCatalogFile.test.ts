import { describe, expect, it } from 'vitest';
import { utf16, windows1252 } from './fixtures/encodings.js';
import { readCatalogFile } from './readCatalogFile.js';
import { writeXlsx } from './writeXlsx.js';

const utf8 = (text: string) => new TextEncoder().encode(text);

const CSV = [
  'Northwind job catalog — exported 2024-06-30',
  'Job Title,Dept,Grade',
  'Analyst,FP&A,G4',
  '"Senior Accountant',
  '(Revenue)",Accounting,G5',
  'Dir, FP&A,FP&A,G8',
  '',
  'Clerk,Accounting',
  '"=HYPERLINK(""x"",""Data Engineer"")",Data,L4',
  'Buyer,Procurement,G4,,',
  '',
].join('\r\n');

describe('readCatalogFile, CSV', () => {
  it('finds the header under a banner and accounts for every line after it', async () => {
    const table = await readCatalogFile(utf8(CSV), 'jobs.csv');
    expect(table).toMatchObject({
      format: 'CSV',
      unit: 'line',
      header: ['Job Title', 'Dept', 'Grade'],
      headerLine: 2,
    });
    expect(table.rows).toEqual([
      { line: 3, cells: ['Analyst', 'FP&A', 'G4'] },
      { line: 4, cells: ['Senior Accountant\n(Revenue)', 'Accounting', 'G5'] },
      { line: 8, cells: ['Clerk', 'Accounting', ''] },
      { line: 9, cells: ['=HYPERLINK("x","Data Engineer")', 'Data', 'L4'] },
      { line: 10, cells: ['Buyer', 'Procurement', 'G4'] },
    ]);
    expect(table.unread).toEqual([
      { line: 6, message: '4 cells where the header has 3 (a delimiter inside an unquoted cell?); not read' },
      { line: 7, message: 'empty line' },
    ]);
    expect(table.warnings).toEqual([
      { line: 8, message: '2 of 3 cells; the missing ones read as empty' },
      {
        line: 9,
        message:
          'the cell in column "Job Title" looks like a formula ("=HYPERLINK(\\"x\\",\\"Data Engineer\\")"); kept as text, never run',
      },
    ]);
    expect(table.dataLines).toBe(table.rows.length + table.unread.length);
    expect(table.notes).toEqual([
      'CSV, UTF-8 (valid UTF-8), comma-separated',
      '1 line above the header left out ("Northwind job catalog — exported 2024-06-30")',
      '1 empty line after the header reported, not read',
    ]);
  });

  it.each([
    [
      'Windows-1252',
      windows1252(CSV),
      'CSV, Windows-1252 (not valid UTF-8 (byte 0x97 on line 1), read as Windows-1252), comma-separated',
    ],
    ['UTF-16 LE', utf16(CSV, 'LE', true), 'CSV, UTF-16 LE (a UTF-16 LE byte order mark), comma-separated'],
    ['UTF-16 BE', utf16(CSV, 'BE', true), 'CSV, UTF-16 BE (a UTF-16 BE byte order mark), comma-separated'],
    [
      'UTF-8 with a BOM',
      Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8(CSV)]),
      'CSV, UTF-8 with BOM (a UTF-8 byte order mark), comma-separated',
    ],
  ])('reads the same rows from %s and says how', async (_, bytes, note) => {
    const table = await readCatalogFile(bytes, 'jobs.csv');
    const plain = await readCatalogFile(utf8(CSV), 'jobs.csv');
    expect(table.rows).toEqual(plain.rows);
    expect(table.unread).toEqual(plain.unread);
    expect(table.notes[0]).toBe(note);
  });

  it('refuses what it cannot read, with the reason', async () => {
    await expect(readCatalogFile(utf8(CSV), 'big.csv', { maxBytes: 100 })).rejects.toMatchObject({
      code: 'too_large',
      message: expect.stringMatching(
        /^big\.csv is 0 MB; Canon reads catalogs of up to 0 MB\. Split the file/,
      ),
    });
    await expect(readCatalogFile(new Uint8Array(0), 'e.csv')).rejects.toThrow('e.csv is empty.');
    await expect(readCatalogFile(Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1]), 'old.xls')).rejects.toThrow(
      'old.xls is a legacy Excel (.xls) workbook, which Canon does not read; save it as .xlsx or CSV.',
    );
    await expect(readCatalogFile(utf8('Name,Amount\nx,1\n'), 'pay.csv')).rejects.toThrow(
      /pay\.csv has no header line naming a job title in its first 20 lines/,
    );
    await expect(readCatalogFile(utf8(CSV), 'jobs.csv', { sheet: 'Jobs' })).rejects.toThrow(
      '--sheet applies to XLSX workbooks; jobs.csv is a text file.',
    );
  });

  it('finds the header by the title column the user names, whatever its spelling', async () => {
    const csv = utf8('Export 2024\nRole Name,Org\nAnalyst,Finance\n');
    await expect(readCatalogFile(csv, 'roles.csv')).rejects.toThrow(
      /roles\.csv has no header line naming a job title/,
    );
    const table = await readCatalogFile(csv, 'roles.csv', { titleColumn: 'role name' });
    expect(table).toMatchObject({
      headerLine: 2,
      header: ['Role Name', 'Org'],
      rows: [{ line: 3, cells: ['Analyst', 'Finance'] }],
    });
    await expect(readCatalogFile(csv, 'roles.csv', { titleColumn: 'Job' })).rejects.toThrow(
      /roles\.csv has no header line holding "Job" in its first 20 lines/,
    );
    expect((await readCatalogFile(csv, 'roles.csv', { titleColumn: '#1' })).headerLine).toBe(2);
  });
});

describe('readCatalogFile, XLSX', () => {
  const workbook = writeXlsx([
    { name: 'Read me', rows: [['This export lists every job.'], ['Owner', 'People Analytics']] },
    { name: 'Titles', hidden: true, rows: [['Title', 'Family']] },
    {
      name: 'Jobs',
      rows: [
        ['Job catalog'],
        ['Job', null, 'Pay', null, null],
        ['Title', 'Code', 'Base', 'Currency', 'Grade'],
        [
          { formula: '=HYPERLINK("https://x.example/7","Data Engineer")', cached: 'Data Engineer' },
          'NW-7',
          118000,
          'USD',
          'L4',
        ],
        ['Buyer', 'NW-8', 61000, 'USD'],
      ],
      merges: ['A1:E1', 'A2:B2', 'C2:D2'],
    },
    {
      name: 'Old jobs',
      rows: [
        ['Title', 'Grade'],
        ['Clerk', 'G2'],
      ],
    },
  ]);

  it('picks the first visible sheet whose header names a title, says why, and names the header after its merged groups', async () => {
    const table = await readCatalogFile(workbook, 'jobs.xlsx');
    expect(table.notes).toEqual([
      'XLSX, sheet "Jobs": the first sheet with a header naming a job title ("Read me", "Titles" have none); also in the workbook: "Read me", "Titles", "Old jobs"',
      '2 rows above the header left out ("Job catalog", "Job Pay")',
      "merged cells A1:E1, A2:B2, C2:D2 read as their first cell's value in every cell they cover",
    ]);
    expect(table).toMatchObject({
      unit: 'row',
      headerLine: 3,
      header: ['Job Title', 'Job Code', 'Pay Base', 'Pay Currency', 'Grade'],
    });
    expect(table.rows).toEqual([
      { line: 4, cells: ['Data Engineer', 'NW-7', '118000', 'USD', 'L4'] },
      { line: 5, cells: ['Buyer', 'NW-8', '61000', 'USD', ''] },
    ]);
    expect(table.warnings).toEqual([
      {
        line: 4,
        message:
          'the cell in column "Job Title" is a formula ("=HYPERLINK(\\"https://x.example/7\\",\\"Data Engineer\\")"); its cached value is read, the formula never run',
      },
    ]);
  });

  it('reads a sheet named with --sheet, and names the sheets when there is no such sheet', async () => {
    const table = await readCatalogFile(workbook, 'jobs.xlsx', { sheet: 'old JOBS' });
    expect(table.notes[0]).toBe(
      'XLSX, sheet "Old jobs": named with --sheet; also in the workbook: "Read me", "Titles", "Jobs"',
    );
    expect(table.rows).toEqual([{ line: 2, cells: ['Clerk', 'G2'] }]);
    await expect(readCatalogFile(workbook, 'jobs.xlsx', { sheet: 'Staff' })).rejects.toThrow(
      'jobs.xlsx has no sheet "Staff"; its sheets are "Read me", "Titles", "Jobs", "Old jobs".',
    );
  });
});
