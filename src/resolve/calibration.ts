/**
 * Platt scaling of the first candidate: the probability that it is right, as a logistic function of
 * the logit of the learned blend's probability for it. One input and a constant, fitted by
 * cross-validation, vary far less from fold to fold than an isotonic map does on data where one title
 * can fill a tenth of the rows. Adding the runner-up's probability or the index's confidence fitted the
 * folds a little better, but with weights that would lower the confidence of a clear, common title whose
 * runner-up is far behind; the margin is left to the review rule instead.
 */
export interface Calibration {
  /** Weights of logit(probability) and the constant. */
  weights: [number, number];
}

/** Probabilities as the resolver states them, to the hundredth, kept off 0 and 1. */
const logit = (probability: number) => {
  const p = Math.min(0.995, Math.max(0.005, Math.round(probability * 100) / 100));
  return Math.log(p / (1 - p));
};

const inputs = (probability: number): [number, number] => [logit(probability), 1];

/** The probability that a first candidate with this blend probability is right. */
export function calibrate(calibration: Calibration, probability: number): number {
  const [x, one] = inputs(probability);
  return 1 / (1 + Math.exp(-(x * calibration.weights[0] + one * calibration.weights[1])));
}

/** Logistic regression of right/wrong on the input: Newton's method, each step halved until the loss falls. */
export function fitCalibration(outcomes: readonly { probability: number; correct: boolean }[]): Calibration {
  const xs = outcomes.map((o) => inputs(o.probability));
  const ys = outcomes.map((o) => (o.correct ? 1 : 0));
  const loss = (w: readonly number[]) =>
    xs.reduce((sum, x, i) => {
      const z = dot(x, w);
      // log(1 + e^z) − y·z, without overflow.
      return sum + Math.max(0, z) + Math.log1p(Math.exp(-Math.abs(z))) - (ys[i] ?? 0) * z;
    }, 0);
  let w = [1, 0];
  for (let iteration = 0; iteration < 50; iteration++) {
    const gradient = [0, 0];
    const hessian = [
      [1e-9, 0],
      [0, 1e-9],
    ];
    xs.forEach((x, i) => {
      const p = 1 / (1 + Math.exp(-dot(x, w)));
      for (let j = 0; j < 2; j++) {
        gradient[j] = (gradient[j] ?? 0) + (p - (ys[i] ?? 0)) * (x[j] ?? 0);
        const row = hessian[j] ?? [];
        for (let k = 0; k < 2; k++) row[k] = (row[k] ?? 0) + p * (1 - p) * (x[j] ?? 0) * (x[k] ?? 0);
      }
    });
    const step = solve(hessian, gradient);
    const before = loss(w);
    let scale = 1;
    while (scale > 1e-6 && loss(w.map((v, j) => v - scale * (step[j] ?? 0))) > before) scale /= 2;
    const next = w.map((v, j) => v - scale * (step[j] ?? 0));
    const moved = Math.max(...next.map((v, j) => Math.abs(v - (w[j] ?? 0))));
    w = next;
    if (moved < 1e-7) break;
  }
  return { weights: [round(w[0] ?? 1), round(w[1] ?? 0)] };
}

const dot = (x: readonly number[], w: readonly number[]) => x.reduce((s, v, j) => s + v * (w[j] ?? 0), 0);

/** Gaussian elimination with partial pivoting, for the Newton step. */
function solve(matrix: number[][], vector: number[]): number[] {
  const n = vector.length;
  const a = matrix.map((row, i) => [...row, vector[i] ?? 0]);
  for (let c = 0; c < n; c++) {
    let pivot = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(a[r]?.[c] ?? 0) > Math.abs(a[pivot]?.[c] ?? 0)) pivot = r;
    [a[c], a[pivot]] = [a[pivot] ?? [], a[c] ?? []];
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = (a[r]?.[c] ?? 0) / (a[c]?.[c] ?? 1);
      for (let k = c; k <= n; k++) (a[r] ?? [])[k] = (a[r]?.[k] ?? 0) - f * (a[c]?.[k] ?? 0);
    }
  }
  return a.map((row, i) => (row[n] ?? 0) / (row[i] ?? 1));
}

export interface ReliabilityBin {
  from: number;
  to: number;
  count: number;
  /** Mean stated confidence in the bin. */
  confidence: number;
  /** Share right in the bin. */
  accuracy: number;
}

/** Answers binned by stated confidence (ten bins of 0.1), with the share right in each. */
export function reliability(outcomes: readonly { confidence: number; correct: boolean }[]): ReliabilityBin[] {
  const bins = Array.from({ length: 10 }, (_, i) => ({
    from: i / 10,
    to: (i + 1) / 10,
    n: 0,
    sum: 0,
    right: 0,
  }));
  for (const o of outcomes) {
    const bin = bins[Math.min(9, Math.max(0, Math.floor(o.confidence * 10)))];
    if (!bin) continue;
    bin.n++;
    bin.sum += o.confidence;
    if (o.correct) bin.right++;
  }
  return bins
    .filter((b) => b.n > 0)
    .map((b) => ({ from: b.from, to: b.to, count: b.n, confidence: b.sum / b.n, accuracy: b.right / b.n }));
}

/** Expected calibration error: the count-weighted mean gap between stated confidence and share right. */
export function expectedCalibrationError(bins: readonly ReliabilityBin[]): number {
  const total = bins.reduce((n, b) => n + b.count, 0) || 1;
  return bins.reduce((e, b) => e + (b.count / total) * Math.abs(b.confidence - b.accuracy), 0);
}

const round = (n: number) => Math.round(n * 1e6) / 1e6;
