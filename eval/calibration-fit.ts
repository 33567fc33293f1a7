/**
 * Fitting the confidence's calibration map (src/drafts/calibration.ts): a logistic model from the events' evidence
 * to whether they matched a gold event, by Newton's method with an L2 penalty on the weights (not the intercept),
 * which keeps the weights of evidence seen on few events near zero.
 */
import { FEATURES, probability, type CalibrationMap, type Evidence } from '../src/drafts/calibration';

export interface Outcome {
  evidence: Evidence;
  right: boolean;
}

/** The penalty used for the stored map: about the weight of one event of each kind on either side of the line. */
export const PENALTY = 2;

export function fitCalibration(outcomes: Outcome[], penalty = PENALTY): Pick<CalibrationMap, 'intercept' | 'weights' | 'penalty'> {
  const n = FEATURES.length + 1;
  const rows = outcomes.map((o) => [1, ...FEATURES.map((f) => (o.evidence[f] ? 1 : 0))]);
  // a trace of penalty even when none is asked for: evidence never seen, or seen only right or only wrong, keeps a finite weight
  const ridge = Math.max(penalty, 1e-6);
  let beta = new Array<number>(n).fill(0);
  for (let step = 0; step < 100; step += 1) {
    const gradient = beta.map((b, j) => (j === 0 ? 0 : ridge * b));
    const hessian = beta.map((_, j) => beta.map((__, k) => (j === k && j > 0 ? ridge : 0)));
    rows.forEach((x, i) => {
      const p = 1 / (1 + Math.exp(-x.reduce((sum, v, j) => sum + v * (beta[j] as number), 0)));
      const y = outcomes[i]?.right ? 1 : 0;
      x.forEach((v, j) => {
        gradient[j] = (gradient[j] as number) + (p - y) * v;
        x.forEach((w, k) => {
          (hessian[j] as number[])[k] = ((hessian[j] as number[])[k] as number) + p * (1 - p) * v * w;
        });
      });
    });
    const delta = solve(hessian, gradient);
    beta = beta.map((b, j) => b - (delta[j] as number));
    if (Math.max(...delta.map(Math.abs)) < 1e-10) break;
  }
  const round = (x: number) => Math.round(x * 10000) / 10000;
  return {
    penalty,
    intercept: round(beta[0] as number),
    weights: Object.fromEntries(FEATURES.map((f, j) => [f, round(beta[j + 1] as number)])) as CalibrationMap['weights'],
  };
}

/** Each outcome's probability by a map: what the reliability tables bin. */
export function calibrated(map: Pick<CalibrationMap, 'intercept' | 'weights'>, outcomes: Outcome[]): Array<{ confidence: number; right: boolean }> {
  return outcomes.map((o) => ({ confidence: probability(map, o.evidence), right: o.right }));
}

/** Solves A x = b by Gaussian elimination with partial pivoting (A is small, symmetric and positive definite). */
function solve(a: number[][], b: number[]): number[] {
  const m = a.map((row, i) => [...row, b[i] as number]);
  const n = b.length;
  for (let col = 0; col < n; col += 1) {
    let pivot = col;
    for (let r = col + 1; r < n; r += 1) if (Math.abs(m[r]?.[col] as number) > Math.abs(m[pivot]?.[col] as number)) pivot = r;
    [m[col], m[pivot]] = [m[pivot] as number[], m[col] as number[]];
    for (let r = col + 1; r < n; r += 1) {
      const factor = (m[r]?.[col] as number) / (m[col]?.[col] as number);
      for (let c = col; c <= n; c += 1) (m[r] as number[])[c] = (m[r]?.[c] as number) - factor * (m[col]?.[c] as number);
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let r = n - 1; r >= 0; r -= 1) {
    let sum = m[r]?.[n] as number;
    for (let c = r + 1; c < n; c += 1) sum -= (m[r]?.[c] as number) * (x[c] as number);
    x[r] = sum / (m[r]?.[r] as number);
  }
  return x;
}
