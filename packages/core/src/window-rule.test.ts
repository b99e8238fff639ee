import fc from "fast-check";
import { describe, expect, expectTypeOf, it } from "vitest";
import {
  cutWindows,
  type ModelWindow,
  type ModelWindowRule,
  modelWindowSchema,
  resolveWindowRule,
  type WindowRule,
} from "./window-rule.js";

const fixed = (windowFrames: number, hopFrames: number): ModelWindow => ({
  windowFrames,
  hopFrames,
  rule: { kind: "fixed" },
});

describe("window rule", () => {
  it("speaks one vocabulary: a declared rule and a model's record share their kinds", () => {
    expectTypeOf<ModelWindowRule["kind"]>().toEqualTypeOf<WindowRule["kind"]>();
  });

  it("takes the study's window length as the rounded mean training frame count", () => {
    const study: WindowRule = { kind: "study-average" };
    expect(resolveWindowRule(study, [100, 201, 300]).windowFrames).toBe(200);
    expect(resolveWindowRule(study, [1, 1]).windowFrames).toBe(1);
    expect(() => resolveWindowRule(study, [])).toThrow(
      expect.objectContaining({ code: "EMPTY_SPLIT" }),
    );
  });

  it("resolves the study's rule to the average training utterance, recorded as cards have it", () => {
    expect(resolveWindowRule({ kind: "study-average" }, [100, 300])).toEqual({
      windowFrames: 200,
      hopFrames: 200,
      rule: { kind: "study-average", averageUtteranceFrames: 200 },
    });
  });

  it("resolves a fixed rule to its own window and hop, whatever the training utterances", () => {
    const rule: WindowRule = { kind: "fixed", windowFrames: 100, hopFrames: 50 };
    expect(resolveWindowRule(rule, [1000])).toEqual(fixed(100, 50));
    expect(resolveWindowRule(rule, [])).toEqual(fixed(100, 50));
  });

  it("reads a card's window as model cards on disk have it, both rules", () => {
    const study = {
      windowFrames: 300,
      hopFrames: 50,
      rule: { kind: "study-average", averageUtteranceFrames: 299.6 },
    };
    expect(modelWindowSchema.parse(study)).toEqual(study);
    expect(modelWindowSchema.parse(fixed(20, 10))).toEqual(fixed(20, 10));
    expect(modelWindowSchema.safeParse({ ...study, rule: { kind: "study" } }).success).toBe(false);
  });

  it("cuts one window per utterance from its first frame under the study's rule", () => {
    const window = resolveWindowRule({ kind: "study-average" }, [100, 300]);
    expect(cutWindows(window, [5, 50])).toEqual([
      { item: 0, start: 0 },
      { item: 1, start: 0 },
    ]);
  });

  it("slides by the hop under a fixed rule, the last window aligned to the end", () => {
    expect(cutWindows(fixed(100, 50), [300]).map((w) => w.start)).toEqual([0, 50, 100, 150, 200]);
    expect(cutWindows(fixed(20, 10), [35])).toEqual([
      { item: 0, start: 0 },
      { item: 0, start: 10 },
      { item: 0, start: 15 },
    ]);
    expect(cutWindows(fixed(20, 10), [7])).toEqual([{ item: 0, start: 0 }]);
  });

  it("fixed windows (hop <= window) cover every frame, start within the utterance, step by the hop", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 400 }), { minLength: 1, maxLength: 5 }),
        fc.integer({ min: 1, max: 120 }),
        fc.integer({ min: 1, max: 120 }),
        (frameCounts, windowFrames, rawHop) => {
          const hop = Math.min(rawHop, windowFrames);
          const windows = cutWindows(fixed(windowFrames, hop), frameCounts);
          frameCounts.forEach((frames, item) => {
            const starts = windows.filter((w) => w.item === item).map((w) => w.start);
            const covered = new Set(
              starts.flatMap((s) => Array.from({ length: windowFrames }, (_, i) => s + i)),
            );
            for (let frame = 0; frame < frames; frame++) expect(covered.has(frame)).toBe(true);
            for (const start of starts)
              expect(start === 0 || start + windowFrames <= frames).toBe(true);
            starts.slice(1, -1).forEach((start, i) => {
              expect(start - (starts[i] ?? 0)).toBe(hop);
            });
          });
        },
      ),
    );
  });

  it("rejects a window or hop that is not a positive integer", () => {
    const badWindow = expect.objectContaining({ code: "BAD_WINDOW" });
    expect(() => cutWindows(fixed(0, 1), [10])).toThrow(badWindow);
    expect(() => cutWindows(fixed(5, 1.5), [10])).toThrow(badWindow);
    expect(() => resolveWindowRule({ kind: "fixed", windowFrames: 5, hopFrames: 0 }, [10])).toThrow(
      badWindow,
    );
  });
});
