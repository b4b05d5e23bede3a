import { describe, expect, it } from 'vitest';
import { weightedMedian } from './weightedMedian.js';

describe('weightedMedian', () => {
  it('is the middle person, counting each value as many times as its weight', () => {
    expect(
      weightedMedian([
        { value: 10, weight: 1 },
        { value: 20, weight: 3 },
        { value: 90, weight: 1 },
      ]),
    ).toBe(20);
    expect(
      weightedMedian([
        { value: 10, weight: 2 },
        { value: 30, weight: 2 },
      ]),
    ).toBe(20);
    expect(
      weightedMedian([
        { value: 50, weight: 1 },
        { value: 10, weight: 4 },
      ]),
    ).toBe(10);
    expect(weightedMedian([{ value: 5, weight: 0 }])).toBeNull();
    expect(weightedMedian([])).toBeNull();
  });
});
