import { isEmotionStreamError } from "@emotion-stream/core";
import { describe, expect, it } from "vitest";
import { getPreset } from "../models/presets/registry.js";
import { cardNormalisation, recipeHyperparameters } from "./build-model-card.js";

describe("model card pieces", () => {
  it("records global statistics as mean/std and the study's per-frame L2 without statistics", () => {
    const global = {
      scope: "global" as const,
      dimension: 2,
      groups: { all: { mean: [1, 2], std: [3, 4], frames: 10 } },
    };
    expect(cardNormalisation(global)).toEqual({ kind: "global", mean: [1, 2], std: [3, 4] });
    expect(cardNormalisation({ scope: "l2-frame", dimension: 2, groups: {} })).toEqual({
      kind: "per-frame-l2",
    });
  });

  it("refuses scoped statistics without pooled ones for inputs of no known group", () => {
    try {
      cardNormalisation({
        scope: "speaker",
        dimension: 1,
        groups: { s1: { mean: [0], std: [1], frames: 1 } },
      });
      expect.unreachable();
    } catch (error) {
      expect(isEmotionStreamError(error, "BAD_NORMALISATION")).toBe(true);
    }
  });

  it("records per-speaker statistics with the pooled ones, as per-speaker", () => {
    const stats = (mean: number) => ({ mean: [mean], std: [1], frames: 4 });
    const perSpeaker = { scope: "speaker" as const, dimension: 1, groups: { s1: stats(0) } };
    const pooled = { scope: "global" as const, dimension: 1, groups: { all: stats(5) } };
    expect(cardNormalisation(perSpeaker, pooled)).toEqual({
      kind: "per-speaker",
      mean: [5],
      std: [1],
      groups: { s1: { mean: [0], std: [1] } },
    });
  });

  it("records per-corpus statistics with the pooled training statistics for unknown inputs", () => {
    const stats = (mean: number) => ({ mean: [mean], std: [2], frames: 5 });
    const perCorpus = {
      scope: "corpus" as const,
      dimension: 1,
      groups: { a: stats(1), b: stats(3) },
    };
    const pooled = { scope: "global" as const, dimension: 1, groups: { all: stats(2) } };
    expect(cardNormalisation(perCorpus, pooled)).toEqual({
      kind: "per-corpus",
      mean: [2],
      std: [2],
      groups: { a: { mean: [1], std: [2] }, b: { mean: [3], std: [2] } },
    });
  });

  it("flattens the recipe into scalar hyperparameters", () => {
    expect(recipeHyperparameters(getPreset("paper").recipe)).toEqual({
      learningRate: 0.001,
      batchSize: 50,
      epochs: 50,
      classBalance: "none",
      weightDecay: 0,
      earlyStoppingPatience: null,
      augmentation: null,
    });
    expect(recipeHyperparameters(getPreset("cnn1d-bn-statpool").recipe)).toMatchObject({
      "augmentation.timeMasks": 2,
      "augmentation.maxFrequencyMaskBins": 2,
    });
  });
});
