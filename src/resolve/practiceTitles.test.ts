import { describe, expect, it } from 'vitest';
import { practiceSpecialty } from './practiceTitles.js';

describe('practiceSpecialty', () => {
  it.each([
    [['assurance'], ['auditor']],
    [['assurance', 'associate'], ['auditor']],
    [
      ['advisory', 'associate'],
      ['management', 'consultant'],
    ],
    [
      ['advisory', 'consultant'],
      ['management', 'consultant'],
    ],
    [['tax'], ['tax', 'accountant']],
    [['audit', 'staff'], ['auditor']],
  ])('reads the practice title %j as %j', (specialty, words) => {
    expect(practiceSpecialty(specialty)).toEqual(words);
  });

  it.each([
    [['quality', 'assurance']],
    [['tax', 'attorney']],
    [['advisory', 'board', 'member']],
    [['associate']],
    [[]],
  ])('leaves %j alone: it names more than a practice, or no practice', (specialty) => {
    expect(practiceSpecialty(specialty)).toBeNull();
  });
});
