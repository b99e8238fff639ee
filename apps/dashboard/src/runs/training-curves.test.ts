import { describe, expect, it } from "vitest";
import { trainingCurveSeries } from "./training-curves.js";

describe("trainingCurveSeries", () => {
  it("merges runs by epoch with one column per run and measure present", () => {
    const series = trainingCurveSeries([
      {
        id: "a",
        history: [
          { epoch: 1, loss: 1.2, validationUar: 0.3 },
          { epoch: 2, loss: 0.9, validationUar: 0.4 },
        ],
      },
      {
        id: "b",
        history: [
          { epoch: 2, loss: 1.1 },
          { epoch: 3, loss: 0.8 },
        ],
      },
    ]);
    expect(series.points).toEqual([
      { epoch: 1, "r0:loss": 1.2, "r0:validationUar": 0.3 },
      { epoch: 2, "r0:loss": 0.9, "r0:validationUar": 0.4, "r1:loss": 1.1 },
      { epoch: 3, "r1:loss": 0.8 },
    ]);
    expect(series.lines.map((line) => [line.key, line.label])).toEqual([
      ["r0:loss", "a: training loss"],
      ["r0:validationUar", "a: validation UAR"],
      ["r1:loss", "b: training loss"],
    ]);
  });

  it("labels lines by measure alone for a single run, and is empty without history", () => {
    expect(
      trainingCurveSeries([{ id: "a", history: [{ epoch: 1, loss: 1 }] }]).lines[0]?.label,
    ).toBe("training loss");
    expect(trainingCurveSeries([{ id: "a", history: [] }])).toEqual({ points: [], lines: [] });
  });
});
