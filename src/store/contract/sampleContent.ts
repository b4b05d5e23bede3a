import type { ProfileContent } from '../../core/content/profileContent.js';

/** Profile content using every optional part, told apart by `word`. */
export function sampleContent(word: string): ProfileContent {
  return {
    responsibilities: [
      {
        text: `${word}: designs the services`,
        sources: ['test-source'],
        evidence: [{ source: 'doc-1', id: 3 }],
      },
      { text: `${word}: reviews the code`, sources: [] },
    ],
    rubric: {
      knowledge: `${word} knowledge`,
      complexity: 'Solves problems of some scope',
      collaboration: 'Works within the team',
      degreeYears: 'Degree and 2+ years',
      sources: ['test-source'],
      rows: [{ source: 'onet-29-3', file: 'Task Statements.txt', key: '8823' }],
    },
    career: {
      entryFrom: [],
      advancementTo: [{ text: 'Senior engineer', sources: ['test-source'] }],
      lateral: [],
    },
    aliases: [{ text: `${word} engineer`, sources: ['test-source'] }],
    skills: [{ name: 'Go', application: 'Writes services in it', kind: 'hard', sources: ['test-source'] }],
    experience: { min: 2, max: null, openEnded: true, text: '2+ years', sources: ['test-source'] },
  };
}
