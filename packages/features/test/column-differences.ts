// Our rows beside openSMILE's, column by column, for the parity suites of one component against
// its columns of an LLD file (cHarmonics, cPitchJitter): each file's rows as flat row-major arrays
// of `dimension` values. A value ours lacks, or a NaN on either side, is infinitely far.

export interface FileRows {
  readonly file: string;
  readonly ours: Float32Array;
  readonly reference: Float32Array;
}

/** Each column's range over every file's reference rows. */
export function referenceRanges(files: readonly FileRows[], dimension: number): number[] {
  const low = new Array<number>(dimension).fill(Number.POSITIVE_INFINITY);
  const high = new Array<number>(dimension).fill(Number.NEGATIVE_INFINITY);
  for (const { reference } of files) {
    reference.forEach((value, index) => {
      const c = index % dimension;
      low[c] = Math.min(low[c] as number, value);
      high[c] = Math.max(high[c] as number, value);
    });
  }
  return high.map((value, c) => value - (low[c] as number));
}

/** |ours - openSMILE| of column `c`, one value per reference row. */
export function rowDifferences(
  { ours, reference }: FileRows,
  c: number,
  dimension: number,
): number[] {
  const differences: number[] = [];
  for (let index = c; index < reference.length; index += dimension) {
    const difference = Math.abs((ours[index] ?? Number.NaN) - (reference[index] as number));
    differences.push(Number.isNaN(difference) ? Number.POSITIVE_INFINITY : difference);
  }
  return differences;
}

/**
 * The suite's report, a row per column: the largest difference over the files, the (last) file it
 * is in, and how it compares with the column's range (`ranges`, from referenceRanges).
 */
export function differenceTable(
  files: readonly FileRows[],
  columns: readonly string[],
  ranges: readonly number[],
): { name: string; maxAbsDiff: string; range: string; relative: string; worstFile: string }[] {
  const dimension = columns.length;
  return columns.map((name, c) => {
    let worst = 0;
    let worstFile = "";
    for (const file of files) {
      const difference = Math.max(...rowDifferences(file, c, dimension));
      if (difference >= worst) {
        worst = difference;
        worstFile = file.file;
      }
    }
    const range = ranges[c] as number;
    return {
      name,
      maxAbsDiff: worst.toExponential(2),
      range: range.toPrecision(4),
      relative: (worst / range).toExponential(2),
      worstFile,
    };
  });
}
