import { describe, expect, it } from 'vitest';
import { looksLikeFormula } from './looksLikeFormula.js';

describe('looksLikeFormula', () => {
  it.each([
    ['=HYPERLINK("https://x.example","Data Engineer")', true],
    [' =1+2', true],
    ['+SUM(A1:A3)', true],
    ['-A1', true],
    ['@INDIRECT("A1")', true],
    ['-5', false],
    ['+44 20 7946 0000', false],
    ['- 1,500.00', false],
    ['Data Engineer', false],
    ['Sr. Acct Exec', false],
    ['R&D - Platform Eng', false],
  ])('%j → %s', (text, expected) => {
    expect(looksLikeFormula(text)).toBe(expected);
  });
});
