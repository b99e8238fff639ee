import { describe, expect, it } from "vitest";
import { stageRows } from "../test/stage-rows.js";
import {
  type ContextualStage,
  ContextualStageRunner,
  trailingRowCount,
} from "./contextual-stage.js";
import { createContourSmootherStage } from "./contour-smoother.js";
import { createDeltaRegressionStage } from "./delta-regression.js";

/** Scalar rows through one stage, the rows past the end included. */
const runStage = (stage: ContextualStage, values: readonly number[]) =>
  stageRows(
    stage,
    values.map((value) => [value]),
  );

describe("contour smoother stage", () => {
  it("averages 3 rows with the edges padded, and runs one row past the end", () => {
    const rows = runStage(createContourSmootherStage({ inputDimension: 1, smaWin: 3 }), [3, 6, 0]);
    expect(rows.map((row) => row[0])).toEqual([4, 3, 2, 0].map(Math.fround));
  });

  it("with noZeroSma keeps zeros and leaves them out of its neighbours' averages", () => {
    const rows = runStage(
      createContourSmootherStage({ inputDimension: 1, smaWin: 3, noZeroSma: true }),
      [3, 6, 0, 0, 5, 1],
    );
    // 3 | 3 3 6 -> 4; 6 | 3 6 0 -> 4.5; zeros stay; 5 | 0 5 1 -> 3; 1 | 5 1 1 -> 7/3; past end 1.
    expect(rows.map((row) => row[0])).toEqual([4, 4.5, 0, 0, 3, 7 / 3, 1].map(Math.fround));
  });
});

describe("delta regression stage", () => {
  it("pads both edges with the first and last row and runs `deltawin` rows past the end", () => {
    const rows = runStage(
      createDeltaRegressionStage({ inputDimension: 1, deltaWindow: 2 }),
      [1, 2, 4, 8],
    );
    // Padded input: 1 1 [1 2 4 8] 8 8 8 8; d[n] = ((x[n+1]-x[n-1]) + 2 (x[n+2]-x[n-2])) / 10.
    expect(rows.map((row) => row[0])).toEqual([1, 2, 4, 8, 8, 8]);
    expect(rows.map((row) => row[1])).toEqual([0.7, 1.7, 2, 1.6, 0.8, 0].map(Math.fround));
  });

  it("emits nothing for no input", () => {
    expect(runStage(createDeltaRegressionStage({ inputDimension: 1, deltaWindow: 2 }), [])).toEqual(
      [],
    );
  });

  it("appends deltas of the chosen source columns only", () => {
    const stage = createDeltaRegressionStage({
      inputDimension: 3,
      deltaWindow: 1,
      sourceStart: 1,
      sourceCount: 2,
    });
    expect(stage.outputDimension).toBe(5);
    const runner = new ContextualStageRunner(stage);
    runner.accept(Float32Array.of(5, 0, 10), 0);
    runner.accept(Float32Array.of(6, 2, 30), 0);
    runner.end();
    runner.computeNext();
    expect([...runner.output]).toEqual([5, 0, 10, 1, 10]);
  });

  it("rejects a window below one frame", () => {
    expect(() => createDeltaRegressionStage({ inputDimension: 1, deltaWindow: 0 })).toThrow(
      RangeError,
    );
  });
});

describe("contour smoother stage", () => {
  it("averages a centred window with replicated edges and one row past the end", () => {
    const rows = runStage(createContourSmootherStage({ inputDimension: 1, smaWin: 3 }), [3, 6, 9]);
    expect(rows.map((row) => row[0])).toEqual([4, 6, 8, 9]);
  });

  it("raises an even window to the next odd length as openSMILE does", () => {
    expect(createContourSmootherStage({ inputDimension: 1, smaWin: 4 }).lookahead).toBe(2);
  });
});

describe("trailingRowCount", () => {
  const delta = (inputDimension: number) =>
    createDeltaRegressionStage({ inputDimension, deltaWindow: 2 });

  it("is zero when the output shows the frame level (MFCC deltas and accelerations)", () => {
    expect(trailingRowCount([delta(13), delta(26)])).toBe(0);
  });

  it("is the smoother's extra row when smoothing then deltas (IS09: 411 rows for 410 frames)", () => {
    const smoother = createContourSmootherStage({ inputDimension: 16, smaWin: 3 });
    expect(trailingRowCount([smoother, delta(16)])).toBe(1);
  });

  it("is zero without stages", () => {
    expect(trailingRowCount([])).toBe(0);
  });
});

describe("a tail of short-frame columns at the end of input", () => {
  it("is what reads past the last row see in its columns; the other columns repeat the last row", () => {
    const rows = stageRows(
      createContourSmootherStage({ inputDimension: 2, smaWin: 3 }),
      [
        [1, 10],
        [2, 20],
        [3, 30],
      ],
      { tail: { row: Float32Array.of(0, 60), firstColumn: 1, columnCount: 1 } },
    );
    // Rows past the end read as [3, 60]: row 2 = mean([2,20], [3,30], [3,60]), and the row
    // computed past the end = mean([3,30], [3,60], [3,60]).
    expect(rows).toEqual([
      [4 / 3, 40 / 3].map(Math.fround),
      [2, 20],
      [8 / 3, 110 / 3].map(Math.fround),
      [3, 50],
    ]);
  });
});
