import { describe, expect, it } from 'vitest';
import { Catalog } from '../core/catalog.js';
import { buildTaxonomy } from '../testing/buildTaxonomy.js';
import { DepartmentFunctions } from './departmentFunctions.js';

const fn = (code: string, name: string, focuses: string[]) => ({
  code,
  name,
  focuses: focuses.map((f) => ({ key: f.toLowerCase().replace(/\W+/g, '-'), name: f, levels: { P2: {} } })),
});

const catalog = new Catalog(
  buildTaxonomy([
    fn('FINANC', 'Finance & Accounting', ['Accountants and Auditors', 'Payroll and Timekeeping Clerks']),
    fn('PEOPLE', 'People & HR', ['Human Resources Workers']),
    fn('ENGINE', 'Engineering', ['Software Developers']),
    fn('TECHNO', 'Technology Leadership & Consulting', ['Engineering Management']),
    fn('TRANSP', 'Transportation & Logistics', ['Laborers and Material Movers']),
    fn('OPERAT', 'Operations & Supply Chain', ['Buyers and Purchasing Agents']),
    fn('CUSTSP', 'Customer Success & Support', ['Customer Service Representatives']),
    fn('ADMINS', 'Administrative Support', ['Office Clerks']),
    fn('SALESF', 'Sales', ['Sales Representatives']),
    fn('MARKET', 'Marketing & Communications', ['Marketing and Sales Managers']),
  ]),
);
const departments = new DepartmentFunctions(catalog);
const codes = (department: string) => departments.read(department).functions.map((f) => f.code);

describe('DepartmentFunctions', () => {
  it.each([
    ['Finance', ['FINANC']],
    ['1100 - Finance & Acctg', ['FINANC']],
    ['FP&A', ['FINANC']],
    ['People Ops', ['PEOPLE']],
    ['G&A - People Ops', ['PEOPLE']],
    ['Talent Acquisition', ['PEOPLE']],
    ['HR', ['PEOPLE']],
    ['R&D - Platform Eng', ['ENGINE', 'TECHNO']],
    ['Whse Ops - DC2', ['TRANSP', 'OPERAT']],
    ['Customer Support', ['CUSTSP']],
    ['Sales - EMEA', ['SALESF']],
    ['Mktg', ['MARKET']],
    ['Payroll', ['FINANC', 'PEOPLE']],
  ])('reads %j as %j', (department, expected) => {
    expect(codes(department)).toEqual(expected);
  });

  it("reads a word found only in one function's focus names when no function name matches", () => {
    expect(departments.read('Auditors Pool')).toMatchObject({
      functions: [{ code: 'FINANC', name: 'Finance & Accounting' }],
      reason: "“auditors”, a word of one function's focuses → Finance & Accounting",
    });
  });

  it('says when a department names no function, and does not steer on words every support function shares', () => {
    expect(departments.read('Team 7 - EMEA')).toMatchObject({
      functions: [],
      reason: 'no word of "Team 7 - EMEA" names a Canon function',
    });
    expect(codes('Support')).toEqual([]);
    expect(departments.read('')).toMatchObject({ functions: [], reason: 'no department' });
  });

  it("writes out the department's words for the resolver, per function", () => {
    expect(departments.read('FP&A').phrases).toEqual(new Map([['FINANC', 'financial planning']]));
    expect(departments.read('Whse Ops - DC2').phrases).toEqual(
      new Map([
        ['TRANSP', 'warehouse'],
        ['OPERAT', 'warehouse'],
      ]),
    );
  });

  it('agrees with a focus in its functions, or named with its words in another function', () => {
    const sales = departments.read('Sales - NA');
    const focus = (name: string) => catalog.taxonomy.focuses.find((f) => f.name === name);
    const managers = focus('Marketing and Sales Managers');
    const reps = focus('Sales Representatives');
    const clerks = focus('Office Clerks');
    expect(managers && departments.agrees(sales, managers.code, managers.functionCode)).toBe(true);
    expect(reps && departments.agrees(sales, reps.code, reps.functionCode)).toBe(true);
    expect(clerks && departments.agrees(sales, clerks.code, clerks.functionCode)).toBe(false);
  });
});
