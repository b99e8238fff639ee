// openSMILE's functionals parity rule: `-csvoutput` prints 7 significant digits, so each of our
// values must agree to that (5e-7 of openSMILE's value), or, where the value is near 0, to 1e-6 of
// its column's scale over the files (the range, or the largest magnitude of a constant column).

/** One file's functionals row, ours and openSMILE's, in the order of the columns. */
export interface FunctionalsRows {
  readonly wav: string;
  readonly ours: ArrayLike<number>;
  readonly theirs: ArrayLike<number>;
}

/** `<wav> <column>: ours .., openSMILE ..` for every value off by more than the rule allows. */
export function printedPrecisionFailures(
  columns: readonly string[],
  rows: readonly FunctionalsRows[],
): string[] {
  const failures: string[] = [];
  columns.forEach((column, c) => {
    const values = rows.map((row) => row.theirs[c] as number);
    const scale = Math.max(...values) - Math.min(...values) || Math.max(...values.map(Math.abs));
    for (const { wav, ours, theirs } of rows) {
      const ourValue = ours[c] as number;
      const theirValue = theirs[c] as number;
      const difference = Math.abs(ourValue - theirValue);
      // Written so that a NaN on either side fails.
      if (!(difference <= 5e-7 * Math.abs(theirValue) || difference <= 1e-6 * scale)) {
        failures.push(`${wav} ${column}: ours ${ourValue}, openSMILE ${theirValue}`);
      }
    }
  });
  return failures;
}
