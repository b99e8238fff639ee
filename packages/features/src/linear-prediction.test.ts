import { describe, expect, it } from "vitest";
import { LinearPrediction } from "./linear-prediction.js";

/** Deterministic uniform noise in [-0.5, 0.5). */
function noise(length: number, seed: number): Float64Array {
  let state = seed;
  return Float64Array.from({ length }, () => {
    state = (state * 16807) % 2147483647;
    return state / 2147483647 - 0.5;
  });
}

/** a1..ap solving the Yule-Walker equations in double precision (Gaussian elimination). */
function yuleWalker(frame: Float32Array, order: number): number[] {
  const r = Array.from({ length: order + 1 }, (_, lag) => {
    let sum = 0;
    for (let i = lag; i < frame.length; i++)
      sum += (frame[i] as number) * (frame[i - lag] as number);
    return sum;
  });
  const m = Array.from({ length: order }, (_, i) => [
    ...Array.from({ length: order }, (_, j) => r[Math.abs(i - j)] as number),
    -(r[i + 1] as number),
  ]);
  for (let col = 0; col < order; col++) {
    for (let row = col + 1; row < order; row++) {
      const f = (m[row]?.[col] as number) / (m[col]?.[col] as number);
      const target = m[row] as number[];
      for (let k = col; k <= order; k++)
        target[k] = (target[k] as number) - f * (m[col]?.[k] as number);
    }
  }
  const a = new Array<number>(order).fill(0);
  for (let row = order - 1; row >= 0; row--) {
    let sum = m[row]?.[order] as number;
    for (let k = row + 1; k < order; k++) sum -= (m[row]?.[k] as number) * (a[k] as number);
    a[row] = sum / (m[row]?.[row] as number);
  }
  return a;
}

describe("LinearPrediction (cLpc, method acf)", () => {
  it("gives A(z) = 1 + a1 z^-1 + ...: an AR(1) process x_t = 0.9 x_(t-1) + e_t has a1 ~ -0.9", () => {
    const e = noise(4000, 3);
    const frame = new Float32Array(4000);
    for (let t = 1; t < frame.length; t++)
      frame[t] = 0.9 * (frame[t - 1] as number) + (e[t] as number);
    const [a1] = new LinearPrediction(1).compute(frame);
    expect(a1).toBeCloseTo(-0.9, 1);
  });

  it("solves the Yule-Walker equations of order 11 to float32 precision", () => {
    const e = noise(220, 11);
    const frame = new Float32Array(220);
    // Smooth the noise a little so the model has structure, as speech does.
    for (let t = 0; t < frame.length; t++) {
      frame[t] = (e[t] as number) + 0.5 * ((e[t - 1] ?? 0) as number);
    }
    const ours = Array.from(new LinearPrediction(11).compute(frame));
    const exact = yuleWalker(frame, 11);
    ours.forEach((a, i) => {
      expect(a).toBeCloseTo(exact[i] as number, 4);
    });
  });

  it("leaves every coefficient 0 for a silent frame", () => {
    expect(Array.from(new LinearPrediction(11).compute(new Float32Array(220)))).toEqual(
      new Array(11).fill(0),
    );
  });
});
