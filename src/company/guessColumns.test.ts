import { describe, expect, it } from 'vitest';
import { type ColumnRole, guessColumns, isCatalogHeader, parseColumnMap } from './guessColumns.js';

const roleOf = (header: string[], sample: string[][], role: ColumnRole) =>
  guessColumns(header, sample).find((c) => c.role === role)?.header ?? null;

describe('guessColumns', () => {
  it.each([
    ['Job Title', 'title'],
    ['Position', 'title'],
    ['Business Title', 'title'],
    ['Position Title', 'title'],
    ['Dept', 'department'],
    ['Department', 'department'],
    ['Function', 'department'],
    ['Job Family', 'department'],
    ['Grade', 'grade'],
    ['Level', 'grade'],
    ['Band', 'grade'],
    ['Job Level', 'grade'],
    ['Pay Grade', 'grade'],
    ['Location', 'location'],
    ['Job Code', 'job_code'],
    ['Employee ID', 'employee_id'],
    ['Emp #', 'employee_id'],
    ['Headcount', 'headcount'],
    ['HC', 'headcount'],
    ['Base Salary', 'base_pay'],
    ['Annual Base', 'base_pay'],
    ['Currency', 'currency'],
  ] as const)('reads the header %j as %s', (name, role) => {
    const values: Record<ColumnRole, string[]> = {
      title: ['Senior Accountant', 'Warehouse Associate', 'Recruiter'],
      department: ['Finance', 'Finance', 'People Ops'],
      grade: ['G5', 'Band 2', 'G4'],
      location: ['Seattle, WA', 'Seattle, WA', 'Köln, DE'],
      job_code: ['NW-100', 'NW-101', 'NW-102'],
      employee_id: ['E1001', 'E1002', 'E1003'],
      headcount: ['3', '12', '1'],
      base_pay: ['85,000', '$41,500', '66000'],
      currency: ['USD', 'USD', 'EUR'],
    };
    // Beside a title column, as every catalog has one; a title header alone.
    const header = role === 'title' ? [name] : ['Job Title', name];
    const sample = values[role].map((v, i) => (role === 'title' ? [v] : [values.title[i] ?? '', v]));
    expect(roleOf(header, sample, role)).toBe(name);
  });

  it('gives each column one role, the surest name first, and says what it passed over', () => {
    const choices = guessColumns(
      ['Job Title', 'Cost Center', 'Department', 'Grade'],
      [
        ['Analyst', '1100', 'FP&A', 'G4'],
        ['Clerk', '1100', 'FP&A', 'G3'],
      ],
    );
    expect(choices.find((c) => c.role === 'department')).toEqual({
      role: 'department',
      column: 2,
      header: 'Department',
      reason:
        'header "Department" is a usual name for the department or function; 1 distinct values over 2 rows (also possible: "Cost Center")',
      by: 'guess',
    });
    expect(choices.find((c) => c.role === 'employee_id')).toMatchObject({
      column: null,
      reason: 'no header names it',
    });
  });

  it('sinks a name whose values do not fit: a "Level" column of prose is not the grade', () => {
    const header = ['Title', 'Level', 'Band'];
    const sample = [
      ['Analyst', 'Individual contributor, mid career', 'B4'],
      ['Director', 'Leads a department', 'B7'],
    ];
    expect(roleOf(header, sample, 'grade')).toBe('Band');
  });

  it('finds the title from its values when no header names it', () => {
    const choices = guessColumns(
      ['Col A', 'Col B'],
      [
        ['1', 'Senior Software Engineer'],
        ['2', 'Warehouse Associate'],
        ['3', 'Payroll Specialist'],
      ],
    );
    expect(choices[0]).toEqual({
      role: 'title',
      column: 1,
      header: 'Col B',
      reason: "no header names the title; 100% of this column's values name a kind of job",
      by: 'guess',
    });
  });

  it('takes the columns it is given, and refuses a title it cannot find', () => {
    const given = guessColumns(
      ['Role Name', 'Org', 'Pay Level'],
      [['Analyst', 'Finance', 'G4']],
      parseColumnMap('title=role name, grade=#3, department='),
    );
    expect(given.filter((c) => c.by === 'given').map((c) => [c.role, c.header])).toEqual([
      ['title', 'Role Name'],
      ['department', null],
      ['grade', 'Pay Level'],
    ]);
    expect(() => guessColumns(['Name', 'Amount'], [['x', '1']])).toThrow(
      'No column holds the job title: the headers are "Name", "Amount". Name it with --map title=COLUMN.',
    );
    expect(() => guessColumns(['Title'], [], new Map([['grade', 'Band']]))).toThrow(
      'No column "Band"; the headers are "Title" (or give a column number as #N).',
    );
  });
});

describe('parseColumnMap', () => {
  it('reads role=column pairs, with aliases and an empty column for none', () => {
    expect(parseColumnMap('title=Business Title,dept=Org Unit,level=Band,pay=')).toEqual(
      new Map([
        ['title', 'Business Title'],
        ['department', 'Org Unit'],
        ['grade', 'Band'],
        ['base_pay', null],
      ]),
    );
    expect(() => parseColumnMap('salary')).toThrow(
      '--map takes ROLE=COLUMN pairs separated by commas; got "salary".',
    );
    expect(() => parseColumnMap('boss=Manager')).toThrow(
      /--map names no role "boss"; the roles are title, department/,
    );
  });
});

describe('isCatalogHeader', () => {
  it.each([
    [['Job Title', 'Grade'], true],
    [['Position', 'Dept', 'Band'], true],
    [['Title'], false],
    [['Northwind job catalog — exported 2024-06-30'], false],
    [['Job', 'Job', 'Pay', 'Pay'], false],
  ])('%j → %s', (cells, expected) => {
    expect(isCatalogHeader(cells)).toBe(expected);
  });
});
