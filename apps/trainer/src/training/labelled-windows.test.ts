import { cutWindows, isEmotionStreamError, type ModelWindow } from "@emotion-stream/core";
import { describe, expect, it } from "vitest";
import { type LabelledUtterance, labelledWindows, streamedWindows } from "./labelled-windows.js";

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

/** Windows of 4 frames every 3. */
const fourEveryThree: ModelWindow = { windowFrames: 4, hopFrames: 3, rule: { kind: "fixed" } };

describe("labelledWindows", () => {
  it("knows each window's utterance and class and reads its frames, zero-padded", async () => {
    const utterances = [utterance(10, 2), utterance(4, 1)];
    const windows = labelledWindows(utterances, cutWindows(fourEveryThree, [10, 4]), 4);
    expect(windows.count).toBe(4);
    expect(Array.from(windows.utteranceOf)).toEqual([0, 0, 0, 1]);
    expect(Array.from(windows.labels)).toEqual([2, 2, 2, 1]);
    const target = new Float32Array(17).fill(9);
    await windows.readWindows([1, 3], target);
    expect(Array.from(target)).toEqual([7, 8, 9, 10, 11, 12, 13, 14, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it("streamed windows read each utterance through `read` and equal the in-memory ones", async () => {
    const utterances = [utterance(10, 2), utterance(4, 1), utterance(7, 0)];
    const refs = cutWindows(fourEveryThree, [10, 4, 7]);
    const inMemory = labelledWindows(utterances, refs, 4);
    const reads: number[] = [];
    const streamed = streamedWindows(utterances, refs, 4, 2, async (item) => {
      reads.push(item);
      return (utterances[item] as LabelledUtterance).features;
    });
    const order = [5, 0, 3, 4, 1];
    const expected = new Float32Array(order.length * 8);
    const received = new Float32Array(order.length * 8);
    await inMemory.readWindows(order, expected);
    await streamed.readWindows(order, received);
    expect(Array.from(received)).toEqual(Array.from(expected));
    expect(reads).toEqual([2, 0, 1, 2, 0]);
    expect(Array.from(streamed.labels)).toEqual(Array.from(inMemory.labels));
  });

  it("streamed windows refuse features of another dimension with BAD_FRAME_DIMENSION", async () => {
    const streamed = streamedWindows([{ label: 0 }], [{ item: 0, start: 0 }], 3, 2, async () => ({
      frames: 3,
      dimension: 3,
      data: new Float32Array(9),
    }));
    await expect(streamed.readWindows([0], new Float32Array(6))).rejects.toMatchObject({
      code: "BAD_FRAME_DIMENSION",
    });
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
