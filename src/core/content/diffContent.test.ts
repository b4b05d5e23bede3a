import { describe, expect, it } from 'vitest';
import { applyProposal } from './applyProposal.js';
import { diffContent, formatDiff } from './diffContent.js';
import type { ProfileContent } from './profileContent.js';

const s = (text: string, sources = ['a']) => ({ text, sources });
const base: ProfileContent = {
  responsibilities: [s('One'), s('Two'), s('Three')],
  rubric: { knowledge: 'K', complexity: 'C', collaboration: 'L', degreeYears: '5+ years', sources: ['a'] },
  career: { entryFrom: [s('Engineer')], advancementTo: [], lateral: [] },
  aliases: [s('Head of X')],
};

describe('diffContent', () => {
  it('shows removed, added and re-sourced statements with unchanged ones for context', () => {
    const after = applyProposal(base, {
      remove: { responsibilities: ['Two'] },
      add: { responsibilities: [s('Four')] },
      set: { rubric: { ...base.rubric, degreeYears: '6+ years' }, aliases: [s('Head of X', ['a', 'b'])] },
    });
    expect(formatDiff(diffContent(base, after))).toBe(
      [
        'Responsibilities',
        '  One [a]',
        '- Two [a]',
        '  Three [a]',
        '+ Four [a]',
        '',
        'Rubric: Typical Degree & Years',
        '- 5+ years',
        '+ 6+ years',
        '',
        'Title aliases',
        '- Head of X [a]',
        '+ Head of X [a, b]',
        '',
      ].join('\n'),
    );
  });

  it('says so when nothing changed', () => {
    expect(diffContent(base, structuredClone(base))).toEqual([]);
    expect(formatDiff([])).toBe('No differences.\n');
  });
});

describe('applyProposal', () => {
  it('refuses to add a statement twice or remove one that is not there, naming it', () => {
    expect(() => applyProposal(base, { add: { aliases: [s('Head of X')] } })).toThrow(
      /"Head of X" is already there/,
    );
    expect(() => applyProposal(base, { remove: { responsibilities: ['Zero'] } })).toThrow(
      /no statement reads "Zero"/,
    );
  });

  it('leaves the input untouched', () => {
    const copy = structuredClone(base);
    applyProposal(base, { add: { responsibilities: [s('Five')] }, remove: { aliases: ['Head of X'] } });
    expect(base).toEqual(copy);
  });
});
