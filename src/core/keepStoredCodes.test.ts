import { describe, expect, it } from 'vitest';
import { draftProfile } from '../testing/draftProfile.js';
import { keepStoredCodes } from './keepStoredCodes.js';
import type { Taxonomy } from './taxonomy.js';

const taxonomy: Taxonomy = {
  sources: [],
  functions: [],
  focuses: [
    {
      code: 'ENGINEERAAAA',
      key: 'engineering-management',
      functionCode: 'TECHNO',
      name: 'Engineering Management',
      description: 'd',
      distinctFrom: [],
      differential: { pay: false, skill: false, sources: [] },
      levelCodes: ['M2'],
      levels: {},
      skills: [],
      mappings: [],
      transitions: [],
      titleCues: [],
      sources: [],
    },
  ],
  profiles: [draftProfile('TECHNO', 'ENGINEERAAAA', 'M2')],
};

describe('keepStoredCodes', () => {
  it('keeps the code the store assigned to a focus key, and re-codes its profiles', () => {
    const kept = keepStoredCodes(taxonomy, new Map([['engineering-management', 'ENGINEERBBBB']]));
    expect(kept.focuses[0]?.code).toBe('ENGINEERBBBB');
    expect(kept.profiles[0]).toMatchObject({ code: 'TECHNO.ENGINEERBBBB.M2', focusCode: 'ENGINEERBBBB' });
  });

  it('changes nothing for keys the store has not seen', () => {
    expect(keepStoredCodes(taxonomy, new Map([['other', 'OTHERXXX0000']]))).toBe(taxonomy);
  });
});
