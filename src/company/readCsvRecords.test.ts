import { describe, expect, it } from 'vitest';
import { readCsvRecords } from './readCsvRecords.js';

describe('readCsvRecords', () => {
  it('keeps the line each record starts on across quoted newlines, doubled quotes and any line ending', () => {
    const text =
      'Title,Grade\r\n"Senior Accountant\r\n(Revenue)",G5\n"Dir, FP&A",G8\r5" Pipe Fitter,"He said ""hi"""\r\n';
    expect(readCsvRecords(text)).toEqual({
      records: [
        { line: 1, cells: ['Title', 'Grade'] },
        { line: 2, cells: ['Senior Accountant\n(Revenue)', 'G5'] },
        { line: 4, cells: ['Dir, FP&A', 'G8'] },
        { line: 5, cells: ['5" Pipe Fitter', 'He said "hi"'] },
      ],
      unread: [],
      delimiter: ',',
    });
  });

  it('keeps an empty line as a record of one empty cell, and a last line without an ending', () => {
    expect(readCsvRecords('a,b\n\n1,2').records).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: [''] },
      { line: 3, cells: ['1', '2'] },
    ]);
  });

  it.each([
    ['semicolons', 'Title;Grade;Pay\nAnalyst;G4;61.000,50\n', ';', ['Analyst', 'G4', '61.000,50']],
    ['tabs', 'Title\tGrade\nAnalyst, Finance\tG4\n', '\t', ['Analyst, Finance', 'G4']],
    ['pipes', 'Title|Grade\nAnalyst|G4\n', '|', ['Analyst', 'G4']],
    [
      'commas, even with a semicolon in a quoted header',
      '"Title; as written",Grade\nAnalyst,G4\n',
      ',',
      ['Analyst', 'G4'],
    ],
  ])('finds the delimiter from the header: %s', (_, text, delimiter, second) => {
    const read = readCsvRecords(text);
    expect(read.delimiter).toBe(delimiter);
    expect(read.records[1]?.cells).toEqual(second);
  });

  it('reports a quote never closed on its line and reads on from the next', () => {
    const read = readCsvRecords('Title,Grade\n"Sr. Manager, Ops,G6\nAnalyst,G4\nClerk,G3\n');
    expect(read.unread).toEqual([
      {
        line: 2,
        message:
          'a quote opened on line 2 is never closed; the line is left unread and reading goes on from the next',
      },
    ]);
    expect(read.records).toEqual([
      { line: 1, cells: ['Title', 'Grade'] },
      { line: 3, cells: ['Analyst', 'G4'] },
      { line: 4, cells: ['Clerk', 'G3'] },
    ]);
  });
});
