// openSMILE's cFunctionalLpc (src/functionals/functionalLpc.cpp): linear prediction of the contour
// itself (autocorrelation and Levinson-Durbin in float32, as cLpc's `acf` method), giving the final
// prediction error over the frame count (lpgain; 0 for a contour of zeros) and the coefficients
// a[firstCoeff] .. a[order − 1] of A(z) = 1 + a0 z^-1 + …, named lpc<i>.
import { LinearPrediction } from "../linear-prediction.js";
import type { FunctionalSeries } from "./functional-series.js";

export interface LpcOptions {
  /** openSMILE's lpGain: the gain comes before the coefficients. */
  readonly gain: boolean;
  readonly order: number;
  readonly firstCoeff: number;
}

export function lpcOutputNames(options: LpcOptions): string[] {
  const coefficients = Array.from(
    { length: options.order - options.firstCoeff },
    (_, i) => `lpc${options.firstCoeff + i}`,
  );
  return options.gain ? ["lpgain", ...coefficients] : coefficients;
}

export function lpc(series: FunctionalSeries, options: LpcOptions): number[] {
  const predictor = new LinearPrediction(options.order);
  const coefficients = Array.from(
    predictor.compute(series.values).subarray(options.firstCoeff, options.order),
  );
  if (!options.gain) return coefficients;
  return [Math.fround(predictor.gain / series.values.length), ...coefficients];
}
