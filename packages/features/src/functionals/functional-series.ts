// One column of a level over a whole segment, as openSMILE's cFunctionals hands it to each
// functional component: the float32 values, their minimum and maximum, and their arithmetic mean
// (summed in double from the first value, then stored as float32, as cFunctionals::doProcessMatrix
// does before calling the components).

export interface FunctionalSeries {
  readonly values: Float32Array;
  readonly min: number;
  readonly max: number;
  /** float32, like every value openSMILE passes between components. */
  readonly mean: number;
}

export function functionalSeries(values: Float32Array): FunctionalSeries {
  let min = values[0] ?? 0;
  let max = min;
  let sum = min;
  for (let i = 1; i < values.length; i++) {
    const value = values[i] as number;
    if (value < min) min = value;
    if (value > max) max = value;
    sum += value;
  }
  return { values, min, max, mean: Math.fround(sum / values.length) };
}
