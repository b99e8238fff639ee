import { isEmotionStreamError } from "@emotion-stream/core";
import { describe, expect, it } from "vitest";
import { slidingWindows } from "../dataset/windows.js";
import { type LabelledUtterance, labelledWindows } from "./labelled-windows.js";

function utterance(frames: number, label: number, dimension = 2): LabelledUtterance {
  return {
    features: {
      frames,
      dimension,
      data: Float32Array.from({ length: frames * dimension }, (_, i) => i + 1),
    },
    label,
  };
}

describe("labelledWindows", () => {
  it("knows each window's utterance and class and copies its frames", () => {
    const utterances = [utterance(10, 2), utterance(4, 1)];
    const windows = labelledWindows(utterances, slidingWindows([10, 4], 4, 3), 4);
    expect(windows.count).toBe(4);
    expect(Array.from(windows.utteranceOf)).toEqual([0, 0, 0, 1]);
    expect(Array.from(windows.labels)).toEqual([2, 2, 2, 1]);
    const target = new Float32Array(9).fill(9);
    windows.copyWindow(1, target, 1);
    expect(Array.from(target)).toEqual([9, 7, 8, 9, 10, 11, 12, 13, 14]);
  });

  it("rejects utterances of different feature dimensions with BAD_FRAME_DIMENSION", () => {
    try {
      labelledWindows([utterance(5, 0, 2), utterance(5, 0, 3)], [{ item: 0, start: 0 }], 3);
      expect.unreachable();
    } catch (error) {
      expect(isEmotionStreamError(error, "BAD_FRAME_DIMENSION")).toBe(true);
    }
  });
});
