import { createRandom } from "@emotion-stream/core";
import { describe, expect, it } from "vitest";
import {
  evaluationWindows,
  resolveWindowFrames,
  trainingWindows,
  windowRuleSchema,
} from "./window-rule.js";

describe("window rule", () => {
  it("study rule: mean training frame count, one window per utterance from its start", () => {
    const rule = windowRuleSchema.parse({ rule: "study" });
    expect(resolveWindowFrames(rule, [100, 300])).toBe(200);
    expect(trainingWindows(rule, [100, 300], 200, createRandom(1))).toEqual([
      { item: 0, start: 0 },
      { item: 1, start: 0 },
    ]);
    expect(evaluationWindows(rule, [100, 300], 200)).toHaveLength(2);
  });

  it("fixed rule: crops per utterance for training, sliding windows for evaluation", () => {
    const rule = windowRuleSchema.parse({
      rule: "fixed",
      windowFrames: 100,
      hop: 50,
      cropsPerUtterance: 2,
    });
    expect(resolveWindowFrames(rule, [1000])).toBe(100);
    expect(trainingWindows(rule, [300, 80], 100, createRandom(1))).toHaveLength(4);
    expect(evaluationWindows(rule, [300], 100).map((w) => w.start)).toEqual([0, 50, 100, 150, 200]);
  });
});
