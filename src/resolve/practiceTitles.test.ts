import { describe, expect, it } from 'vitest';
import { OBJECT_MEMBER_WORDS } from '../testing/objectMemberWords.js';
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
    ...[...new Set(OBJECT_MEMBER_WORDS.map((word) => word.toLowerCase()))].map((word) => [
      [word, 'associate'],
    ]),
  ])('leaves %j alone: it names more than a practice, or no practice', (specialty) => {
    expect(practiceSpecialty(specialty)).toBeNull();
  });
});
