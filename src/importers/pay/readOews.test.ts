import { describe, expect, it } from 'vitest';
import { oewsCell, readOews } from './readOews.js';

const HEADER = 'AREA,OCC_CODE,OCC_TITLE,O_GROUP,TOT_EMP,A_MEAN,A_PCT10,A_PCT25,A_MEDIAN,A_PCT75,A_PCT90';
const file = (...rows: string[]) => [HEADER, ...rows].join('\n');

describe('oewsCell', () => {
  it.each([
    ['171,200', { value: 171200 }],
    ['1,654,440', { value: 1654440 }],
    ['50.22', { value: 50.22 }],
    ['*', { marker: 'suppressed' }],
    ['**', { marker: 'suppressed' }],
    ['#', { marker: 'top-coded' }],
    ['', { marker: 'empty' }],
    ['12k', { bad: '12k' }],
    ['1e300', { bad: '1e300' }],
    ['0x10', { bad: '0x10' }],
    ['1,2,3', { bad: '1,2,3' }],
    ['-5', { bad: '-5' }],
  ])('reads %j', (raw, cell) => {
    expect(oewsCell(raw)).toEqual(cell);
  });
});

describe('readOews', () => {
  it('reads detailed occupations with thousands separators, suppressed and top-coded cells', () => {
    const { rows, problems } = readOews(
      'oews.csv',
      file(
        '99,11-0000,Management Occupations,major,"10,966,830","141,760","57,010","79,900","122,090","171,610",#',
        '99,11-3021,Computer and Information Systems Managers,detailed,"645,970","187,990","104,450","134,350","171,200","216,220",#',
        '99,13-1111,Management Analysts,detailed,**,*,"59,720","76,770","101,190","133,140","174,140"',
      ),
    );
    expect(problems).toEqual([]);
    expect(rows).toEqual([
      {
        socCode: '11-3021',
        title: 'Computer and Information Systems Managers',
        employment: 645970,
        mean: 187990,
        percentiles: { p10: 104450, p25: 134350, median: 171200, p75: 216220 },
        topCoded: ['p90'],
        line: 3,
      },
      expect.objectContaining({ socCode: '13-1111', employment: null, mean: null, topCoded: [] }),
    ]);
  });

  it('reports a row with a bad SOC code by line number and keeps the good ones', () => {
    const { rows, problems } = readOews(
      'oews.csv',
      file(
        '99,15-125,Broken,detailed,1,1,1,1,1,1,1',
        '99,15-1299,Computer Occupations,detailed,1,1,1,1,1,1,1',
      ),
    );
    expect(rows.map((r) => r.socCode)).toEqual(['15-1299']);
    expect(problems).toEqual([
      { line: 2, message: expect.stringMatching(/expected a SOC code like 11-3021/) },
    ]);
  });

  it('refuses the whole file over a bad amount, naming every bad cell by line and column', () => {
    expect(() =>
      readOews(
        'oews.csv',
        file(
          '99,15-1252,Software Developers,detailed,"1,654,440","144,570","79,850","103,050",lots,"169,000",1e300',
          '99,15-1299,Computer Occupations,detailed,1,1,1,1,1,1,1',
          '99,15-1211,Computer Systems Analysts,detailed,0x10,"500,000,000",1,1,1,1,1',
        ),
      ),
    ).toThrow(
      [
        'oews.csv:2: A_MEDIAN "lots": not a number or a BLS marker (*, **, #)',
        'oews.csv:2: A_PCT90 "1e300": not a number or a BLS marker (*, **, #)',
        'oews.csv:4: TOT_EMP "0x10": not a number or a BLS marker (*, **, #)',
        'oews.csv:4: A_MEAN "500,000,000": above 100,000,000 a year',
      ].join('\n  '),
    );
  });

  it('names the columns a file lacks', () => {
    expect(() => readOews('wrong.csv', 'a,b\n1,2')).toThrow(
      /wrong\.csv:1: expected the OEWS column\(s\) "OCC_CODE"/,
    );
  });
});
