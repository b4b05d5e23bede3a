import { describe, expect, it } from 'vitest';
import { CanonError } from './errors.js';
import { SEARCH_QUERY_LIMIT, type SearchDocument, SearchIndex, searchWords } from './searchIndex.js';

const docs: SearchDocument[] = [
  {
    key: 'a',
    phrases: [
      { field: 'name', text: 'Registered Nurse — Senior Professional' },
      { field: 'soc', text: '29-1141' },
      { field: 'soc', text: '29-1141.00' },
      { field: 'function', text: 'Healthcare' },
    ],
  },
  {
    key: 'b',
    phrases: [
      { field: 'name', text: 'Nursery Teacher — Entry Professional' },
      { field: 'alias', text: 'Charge Nurse' },
    ],
  },
  { key: 'c', phrases: [{ field: 'function', text: 'Nurse staffing' }] },
  {
    key: 'd',
    phrases: [
      { field: 'name', text: 'Enfermería — Jefa de planta' },
      { field: 'alias', text: '看護師長' },
      { field: 'alias', text: 'मुख्य नर्स' },
      { field: 'alias', text: 'Résumé Écrivain' },
    ],
  },
];
const index = new SearchIndex(docs);
const keys = (q: string) => index.search(q).hits.map((h) => h.key);

describe('SearchIndex', () => {
  it('needs every word, whole or by its beginning', () => {
    expect(keys('charge nurse')).toEqual(['b']);
    expect(keys('nursery')).toEqual(['b']);
    expect(keys('teach nurs')).toEqual(['b']);
    expect(keys('charge registered')).toEqual([]);
  });

  it('ranks by the field a word matched in, and an exact word above a word it begins', () => {
    expect(keys('nurse')).toEqual(['a', 'b', 'c']);
    expect(keys('nurse healthcare')).toEqual(['a']);
    // "nurse" is a whole word of b ("Charge Nurse"); "nurser" only begins one ("Nursery").
    const whole = index.search('nurse').hits.find((h) => h.key === 'b');
    const begun = index.search('nurser').hits.find((h) => h.key === 'b');
    expect(begun?.score).toBeLessThan(whole?.score ?? 0);
  });

  it('says which phrase matched best', () => {
    expect(index.search('charge nurse').hits[0]?.matched).toEqual({ field: 'alias', text: 'Charge Nurse' });
    expect(index.search('29-1141.00').hits[0]?.matched).toEqual({ field: 'soc', text: '29-1141.00' });
  });

  it('takes a SOC code whole, in either form, or by its beginning', () => {
    expect(keys('29-1141')).toEqual(['a']);
    expect(keys('29-1141.00')).toEqual(['a']);
    expect(keys('29-11')).toEqual(['a']);
    expect(keys('29-1142')).toEqual([]);
    expect(searchWords('SOC 29-1141.00, code 129-11410')).toEqual([
      'soc',
      '29-1141.00',
      'code',
      '129',
      '11410',
    ]);
  });

  it('finds words of any script, and folds case and accents', () => {
    expect(keys('看護師')).toEqual(['d']);
    expect(keys('नर्स')).toEqual(['d']);
    expect(keys('ENFERMERIA jefa')).toEqual(['d']);
    expect(keys('resume ecrivain')).toEqual(['d']);
  });

  it('answers a query with no letters or digits with no words and no hits', () => {
    for (const q of ['🙂🙂', '—', '   ', '%%%']) expect(index.search(q)).toEqual({ hits: [], terms: [] });
  });

  it('answers a query up to the limit of any length and refuses a longer one, quoting it', () => {
    const long = `${'charge '.repeat(27)}nurse`.padEnd(SEARCH_QUERY_LIMIT, '!');
    expect(long).toHaveLength(SEARCH_QUERY_LIMIT);
    expect(keys(long)).toEqual(['b']);
    const over = `${'看'.repeat(SEARCH_QUERY_LIMIT)}x`;
    const refused = (() => {
      try {
        index.search(over);
      } catch (error) {
        return error as CanonError;
      }
    })();
    expect(refused).toBeInstanceOf(CanonError);
    expect(refused?.code).toBe('invalid_input');
    expect(refused?.message).toContain(`"${'看'.repeat(80)}…"`);
    expect(refused?.message).toContain(`${SEARCH_QUERY_LIMIT + 1} characters`);
  });
});
