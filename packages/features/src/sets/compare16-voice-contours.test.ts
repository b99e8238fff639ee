import { describe, expect, it } from "vitest";
import { stageRows } from "../../test/stage-rows.js";
import { createContourSmootherStage } from "../contour-smoother.js";
import { createDeltaRegressionStage } from "../delta-regression.js";
import {
  COMPARE16_VOICE_CONTOUR_COLUMNS,
  Compare16VoiceContours,
} from "./compare16-voice-contours.js";

const DIMENSION = 6;

/** Unsmoothed rows: F0, voicing, jitterLocal, jitterDDP, shimmerLocal, logHNR, some unvoiced. */
function voiceRows(frames: number): Float32Array[] {
  return Array.from({ length: frames }, (_, r) => {
    const voiced = r % 7 !== 3;
    return Float32Array.of(
      voiced ? 100 + 3 * r : 0,
      0.6 + 0.01 * (r % 5),
      voiced ? 0.01 * (1 + (r % 3)) : 0,
      voiced && r % 4 !== 0 ? 0.002 * r : 0,
      voiced ? 0.1 + 0.02 * (r % 4) : 0,
      voiced ? 5 + r : -100,
    );
  });
}

/** Our output rows; the first `onTime` rows before lateRowsFollow (all if undefined). */
function contours(rows: readonly Float32Array[], onTime = rows.length): number[][] {
  const level = new Compare16VoiceContours();
  rows.forEach((row, r) => {
    if (r === onTime) level.lateRowsFollow();
    level.accept(row);
  });
  level.end();
  const { frames, dimension, data } = level.output.take();
  return Array.from({ length: frames }, (_, r) =>
    Array.from(data.subarray(r * dimension, (r + 1) * dimension)),
  );
}

describe("Compare16VoiceContours", () => {
  it("names its columns as the LLD file does", () => {
    expect(COMPARE16_VOICE_CONTOUR_COLUMNS.slice(0, 2)).toEqual([
      "F0final_sma",
      "voicingFinalUnclipped_sma",
    ]);
    expect(COMPARE16_VOICE_CONTOUR_COLUMNS.at(-1)).toBe("logHNR_sma_de");
  });

  it("outputs row r once row r + 3 is in, and one row past the last frame", () => {
    const level = new Compare16VoiceContours();
    expect(level.delay).toBe(3);
    const rows = voiceRows(20);
    rows.forEach((row, r) => {
      level.accept(row);
      expect(level.output.rows).toBe(Math.max(0, r + 1 - level.delay));
    });
    level.end();
    expect(level.output.rows).toBe(21);
  });

  it("gives frames + 1 rows for short inputs, wherever the late rows begin", () => {
    expect(contours([])).toEqual([]);
    for (let frames = 1; frames <= 6; frames += 1) {
      for (let onTime = 0; onTime <= frames; onTime += 1) {
        expect(contours(voiceRows(frames), onTime)).toHaveLength(frames + 1);
      }
    }
  });

  it("with every row on time, is the plain chain: smoothing, then deltas, each padded at its end", () => {
    const rows = voiceRows(30);
    const smoothed = stageRows(
      createContourSmootherStage({ inputDimension: DIMENSION, smaWin: 3, noZeroSma: true }),
      rows,
    );
    const chained = stageRows(
      createDeltaRegressionStage({
        inputDimension: DIMENSION,
        deltaWindow: 2,
        onlyInSegments: true,
      }),
      smoothed,
    );
    expect(contours(rows)).toEqual(chained.slice(0, 31));
  });

  it("smooths the jitter columns of rows V - 1 and V as if the input ended at V, not the pitch", () => {
    const rows = Array.from({ length: 12 }, (_, r) =>
      Float32Array.of(100 + r, 0.7, 1 + r, 1, 1, 1),
    );
    const late = contours(rows, 9);
    // cContourSmoother's float32 order: centre, then the row before, then the row after.
    const sma = (before: number, centre: number, after: number) =>
      Math.fround(Math.fround(Math.fround(centre + before) + after) / 3);
    // Jitter: row 8 averages rows 7, 8 and 8 again; row 9 is row 8. The pitch sees rows 9, 10.
    expect(late[8]?.[2]).toBe(sma(8, 9, 9));
    expect(late[9]?.[2]).toBe(9);
    expect(late[9]?.[0]).toBe(sma(108, 109, 110));
    // Later rows see the late jitter rows as if they had followed.
    expect(late[10]?.[2]).toBe(sma(10, 11, 12));
  });

  it("with two late rows computes the last row's deltas from the padded end at V: zeros", () => {
    const rows = voiceRows(30);
    expect(
      contours(rows)
        .at(-1)
        ?.slice(DIMENSION, DIMENSION + 2),
    ).not.toEqual([0, 0]);
    expect(contours(rows, 28).at(-1)?.slice(DIMENSION)).toEqual(new Array(DIMENSION).fill(0));
  });
});
