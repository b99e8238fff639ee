// openSMILE's cLpc with method `acf`: the frame's autocorrelation (smileDsp_autoCorr) and the
// Levinson-Durbin recursion (smileDsp_calcLpcAcf), both in float32 steps as openSMILE runs them.
// Coefficients are those of A(z) = 1 + a1 z^-1 + ... + ap z^-p, openSMILE's sign.

export class LinearPrediction {
  /** a1..ap of the last `compute` (all zero for a silent frame). */
  readonly coefficients: Float32Array;
  private readonly autocorrelation: Float32Array;
  private predictionError = 0;

  constructor(readonly order: number) {
    this.coefficients = new Float32Array(order);
    this.autocorrelation = new Float32Array(order + 1);
  }

  /** The prediction error the last `compute` left (openSMILE's LP gain; 0 for a silent frame). */
  get gain(): number {
    return this.predictionError;
  }

  compute(frame: Float32Array): Float32Array {
    const { order, coefficients: a } = this;
    const r = this.autocorrelation;
    // Three lags per pass: three independent float32 chains, each summed in its own order.
    for (let lag = 0; lag <= order; lag += 3) {
      let sum0 = 0;
      let sum1 = 0;
      let sum2 = 0;
      for (let i = lag; i < frame.length; i += 1) {
        const value = frame[i] as number;
        sum0 = Math.fround(sum0 + Math.fround(value * (frame[i - lag] as number)));
        if (i > lag) sum1 = Math.fround(sum1 + Math.fround(value * (frame[i - lag - 1] as number)));
        if (i > lag + 1) {
          sum2 = Math.fround(sum2 + Math.fround(value * (frame[i - lag - 2] as number)));
        }
      }
      r[lag] = sum0;
      if (lag + 1 <= order) r[lag + 1] = sum1;
      if (lag + 2 <= order) r[lag + 2] = sum2;
    }
    a.fill(0);
    let error = r[0] as number;
    this.predictionError = error;
    if (error === 0) return a;
    for (let m = 1; m <= order; m += 1) {
      let sum = r[m] as number;
      for (let i = 1; i < m; i += 1) {
        sum = Math.fround(sum + Math.fround((a[i - 1] as number) * (r[m - i] as number)));
      }
      const reflection = Math.fround(Math.fround(-1 / error) * sum);
      a[m - 1] = reflection;
      // a_i += k a_(m-i), both halves at once, the middle one (m even) updated once.
      const half = Math.trunc(m / 2);
      for (let i = 1; i <= half; i += 1) {
        const previous = a[i - 1] as number;
        a[i - 1] = Math.fround(previous + Math.fround(reflection * (a[m - i - 1] as number)));
        if (i < half || m % 2 === 1) {
          a[m - i - 1] = Math.fround((a[m - i - 1] as number) + Math.fround(reflection * previous));
        }
      }
      error = Math.fround(error * Math.fround(1 - Math.fround(reflection * reflection)));
      if (error === 0) {
        a.fill(0, m);
        break;
      }
    }
    this.predictionError = error;
    return a;
  }
}
