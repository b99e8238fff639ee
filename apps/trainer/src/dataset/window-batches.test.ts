import { QUADRANT_CLASSES, type QuadrantClass } from "@emotion-stream/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { streamBatches } from "./window-batches.js";
import { slidingWindows } from "./windows.js";

describe("window batches", () => {
  it("streams every window once, in order, with its label and utterance, loading each utterance lazily", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            frames: fc.integer({ min: 1, max: 30 }),
            label: fc.constantFrom(...QUADRANT_CLASSES),
          }),
          {
            minLength: 1,
            maxLength: 8,
          },
        ),
        fc.integer({ min: 1, max: 7 }),
        async (utterances, batchSize) => {
          const items = utterances.map((u, index) => ({
            ...u,
            index,
            label: u.label as QuadrantClass,
          }));
          const windows = slidingWindows(
            items.map((i) => i.frames),
            4,
            3,
          );
          let loads = 0;
          const load = async (item: (typeof items)[number]) => {
            loads++;
            const data = Float32Array.from(
              { length: item.frames * 2 },
              (_, i) => item.index * 1000 + i,
            );
            return { frames: item.frames, dimension: 2, data };
          };
          const seen: number[] = [];
          for await (const batch of streamBatches(items, windows, load, {
            batchSize,
            windowFrames: 4,
            dimension: 2,
          })) {
            expect(batch.size).toBeLessThanOrEqual(batchSize);
            expect(batch.inputs).toHaveLength(batch.size * 8);
            for (let n = 0; n < batch.size; n++) {
              const item = items[batch.items[n] ?? -1];
              const window = windows[seen.length];
              expect(batch.items[n]).toBe(window?.item);
              expect(QUADRANT_CLASSES[batch.labels[n] ?? -1]).toBe(item?.label);
              expect(batch.inputs[n * 8]).toBe(
                (item?.index ?? 0) * 1000 + (window?.start ?? 0) * 2,
              );
              seen.push(batch.items[n] ?? -1);
            }
          }
          expect(seen).toEqual(windows.map((w) => w.item));
          expect(loads).toBe(items.length);
        },
      ),
      { numRuns: 50 },
    );
  });
});
