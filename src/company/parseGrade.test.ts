import { describe, expect, it } from 'vitest';
import { parseGrade } from './parseGrade.js';

describe('parseGrade', () => {
  it.each([
    ['7', '7', '#', 7],
    ['07', '7', '#', 7],
    ['G7', 'G7', 'G', 7],
    ['G07', 'G7', 'G', 7],
    ['Grade 7', 'G7', 'G', 7],
    ['g7', 'G7', 'G', 7],
    ['G7A', 'G7A', 'G', 7.01],
    ['L4', 'L4', 'L', 4],
    ['L-4', 'L4', 'L', 4],
    ['Level 4', 'L4', 'L', 4],
    ['Band 5', 'Band 5', 'Band', 5],
    ['BAND 5', 'Band 5', 'Band', 5],
    ['band-5', 'Band 5', 'Band', 5],
    ['Band IV', 'Band 4', 'Band', 4],
    ['IC3', 'IC3', 'IC', 3],
    ['M1', 'M1', 'M', 1],
    ['PG 12', 'PG12', 'PG', 12],
    ['C', 'C', 'A–Z', 3],
    ['IC2/M1', 'IC2/M1', 'IC', 2],
    ['IC2 / M1', 'IC2/M1', 'IC', 2],
  ])('reads %j as %s on ladder %s at %d', (raw, key, ladder, position) => {
    expect(parseGrade(raw)).toEqual({ key, ladder, position });
  });

  it.each(['Exec', 'Intern', 'Contractor', 'Senior Professional'])(
    'keeps %j as a text grade with no order',
    (raw) => {
      expect(parseGrade(raw)).toEqual({ key: raw, ladder: 'text', position: null });
    },
  );

  it.each(['', '  ', 'N/A', 'n/a', '-', 'none', 'TBD'])('reads %j as no grade', (raw) => {
    expect(parseGrade(raw)).toBeNull();
  });
});
