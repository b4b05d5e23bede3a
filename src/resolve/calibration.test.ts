import { describe, expect, it } from 'vitest';
import { calibrate, expectedCalibrationError, fitCalibration, reliability } from './calibration.js';

/** Answers right with probability `truth(probability)`, on a grid of probabilities, drawn deterministically. */
function outcomes(truth: (probability: number) => number) {
  const out: { probability: number; correct: boolean }[] = [];
  for (let i = 1; i < 100; i++) {
    const probability = i / 100;
    // Of 100 answers with this probability, round(100 p) are right.
    for (let k = 0; k < 100; k++)
      out.push({ probability, correct: k < Math.round(100 * truth(probability)) });
  }
  return out;
}

const logistic = (z: number) => 1 / (1 + Math.exp(-z));
const logit = (p: number) => Math.log(p / (1 - p));

describe('calibration', () => {
  it('leaves probabilities that are already right as they are', () => {
    const calibration = fitCalibration(outcomes((p) => p));
    expect(calibration.weights[0]).toBeCloseTo(1, 1);
    expect(calibration.weights[1]).toBeCloseTo(0, 1);
    for (const p of [0.1, 0.5, 0.9]) expect(calibrate(calibration, p)).toBeCloseTo(p, 1);
  });

  it('learns how far the score tells right from wrong, and rises with it', () => {
    const calibration = fitCalibration(outcomes((p) => logistic(0.3 * logit(p) - 0.6)));
    expect(calibration.weights[0]).toBeCloseTo(0.3, 1);
    expect(calibration.weights[1]).toBeCloseTo(-0.6, 1);
    const values = [0.2, 0.4, 0.6, 0.8].map((p) => calibrate(calibration, p));
    expect(values).toEqual([...values].sort((a, b) => a - b));
    expect(calibrate(calibration, 0.99)).toBeLessThan(0.75);
  });

  it('bins answers by stated confidence and weighs each gap by its share of answers', () => {
    const bins = reliability([
      { confidence: 0.95, correct: true },
      { confidence: 0.85, correct: false },
      { confidence: 0.15, correct: false },
      { confidence: 1, correct: true },
    ]);
    expect(bins.map((b) => [b.from, b.count])).toEqual([
      [0.1, 1],
      [0.8, 1],
      [0.9, 2],
    ]);
    expect(bins[2]?.confidence).toBeCloseTo(0.975);
    expect(bins[2]?.accuracy).toBe(1);
    expect(expectedCalibrationError(bins)).toBeCloseTo((0.15 + 0.85 + 2 * 0.025) / 4);
    expect(expectedCalibrationError([])).toBe(0);
  });
});
