import { describe, expect, it } from 'vitest';
import { CanonError } from '../../core/errors.js';
import { OBJECT_MEMBER_WORDS } from '../../testing/objectMemberWords.js';
import { readCompanyPay } from './readCompanyPay.js';

const HEADER = 'title,profile_code,base_pay,currency,region';
const file = (...rows: string[]) => [HEADER, ...rows].join('\n');

describe('readCompanyPay', () => {
  it('reads plain amounts, with thousands separators, decimals and a currency sign', () => {
    const { rows, problems } = readCompanyPay(
      'pay.csv',
      file(
        'Engineer,,85000,USD,US',
        'Engineer,,"85,000.50",usd,US',
        'Engineer,,"$120,000",USD,US',
        ',X.Y.M3,€90000,EUR,DE',
      ),
    );
    expect(problems).toEqual([]);
    expect(rows.map((r) => [r.line, r.basePay, r.currency])).toEqual([
      [2, 85000, 'USD'],
      [3, 85000.5, 'USD'],
      [4, 120000, 'USD'],
      [5, 90000, 'EUR'],
    ]);
  });

  // Which amounts are plain and in range is payAmount's table; these are the file's side of it.
  it.each([
    ['1e300', 'not a plain amount'],
    ['0x10', 'not a plain amount'],
    ['', 'not a plain amount'],
    ['"250,000,000"', 'above 100,000,000 a year'],
  ])('refuses the whole file over the amount %s, naming file, line, column and value', (cell, problem) => {
    const value = cell.replace(/"/g, '');
    expect(() =>
      readCompanyPay('pay.csv', file('Engineer,,85000,USD,US', `Engineer,,${cell},USD,US`)),
    ).toThrow(`pay.csv:3: base_pay ${JSON.stringify(value)}: ${problem}`);
  });

  it('lists every bad line of a refused file, then counts the rest', () => {
    const refusal = (rows: string[]) => {
      try {
        readCompanyPay('pay.csv', file(...rows));
      } catch (error) {
        expect(error).toBeInstanceOf(CanonError);
        expect((error as CanonError).code).toBe('invalid_data');
        return (error as Error).message.split('\n');
      }
      throw new Error('the file was not refused');
    };
    const few = refusal([
      'Engineer,,85000,USD,US',
      'Engineer,,1e300,USD,US',
      'Nurse,,0x10,USD,US',
      ',,-1,USD,',
    ]);
    expect(few).toEqual([
      expect.stringMatching(/^pay\.csv: 3 bad amount\(s\); nothing was imported\. .*from 1 to 100,000,000:$/),
      '  pay.csv:3: base_pay "1e300": not a plain amount',
      '  pay.csv:4: base_pay "0x10": not a plain amount',
      '  pay.csv:5: base_pay "-1": not a plain amount',
    ]);
    const many = refusal(Array.from({ length: 25 }, () => 'Engineer,,1e300,USD,US'));
    expect(many).toHaveLength(22);
    expect(many[20]).toBe('  pay.csv:21: base_pay "1e300": not a plain amount');
    expect(many[21]).toBe('  … and 5 more');
  });

  it('keeps other bad rows apart from the amounts: reported by line, the rest read', () => {
    const { rows, problems } = readCompanyPay(
      'pay.csv',
      file(',,85000,USD,US', 'Engineer,,85000,dollars,US', 'Engineer,,85000,USD,', 'Engineer,,85000,USD,US'),
    );
    expect(problems.map((p) => p.line)).toEqual([2, 3, 4]);
    expect(rows.map((r) => r.line)).toEqual([5]);
  });

  it('reads titles and columns named like object members as any other', () => {
    const { rows } = readCompanyPay(
      'pay.csv',
      [
        'title,base_pay,currency,region,__proto__,constructor',
        ...OBJECT_MEMBER_WORDS.map((word) => `${word},85000,USD,US,x,y`),
      ].join('\n'),
    );
    expect(rows.map((r) => r.title)).toEqual([...OBJECT_MEMBER_WORDS]);
  });
});
