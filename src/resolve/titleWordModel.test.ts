import { describe, expect, it } from 'vitest';
import { TitleWordModel } from './titleWordModel.js';

function model(): TitleWordModel {
  const m = new TitleWordModel();
  for (const t of ['software developers', 'application developer', 'web application developer', 'developer'])
    m.add('15-1252', t.split(' '));
  for (const t of ['computer programmers', 'java developer', 'mainframe programmer', 'java programmer'])
    m.add('15-1251', t.split(' '));
  m.add('13-1111', 'management analysts'.split(' '));
  return m;
}

describe('TitleWordModel', () => {
  it('leans to the occupation whose titles use the words more, plurals and all', () => {
    const [software, programmers] = model().posterior(['developers'], ['15-1252', '15-1251']);
    expect(software).toBeGreaterThan(0.6);
    expect((software ?? 0) + (programmers ?? 0)).toBeCloseTo(1);
    const [, programming] = model().posterior(['java', 'programmer'], ['15-1252', '15-1251']);
    expect(programming).toBeGreaterThan(0.9);
  });

  it('weighs only the codes it is asked about, and any code it never saw lowest', () => {
    const [analysts, unknown] = model().posterior(['management', 'analyst'], ['13-1111', '99-9999']);
    expect(analysts).toBeGreaterThan(0.8);
    expect(unknown).toBeLessThan(0.2);
  });

  it('gives no preference when no word is known (or there are none)', () => {
    expect(model().posterior(['zymurgist'], ['15-1252', '15-1251'])).toEqual([0.5, 0.5]);
    expect(model().posterior(['of', 'the'], ['15-1252', '15-1251', '13-1111'])).toEqual([
      1 / 3,
      1 / 3,
      1 / 3,
    ]);
  });
});
