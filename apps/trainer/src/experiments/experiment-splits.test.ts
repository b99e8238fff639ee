import type { QuadrantClass } from "@emotion-stream/core";
import { describe, expect, it } from "vitest";
import type { CachedUtterance } from "../feature-cache/cached-utterance.js";
import { experimentSplits, splitLabel } from "./experiment-splits.js";
import { experimentSplit } from "./run-experiment.js";

const LABELS: QuadrantClass[] = ["joy", "anger", "sadness", "pleasure"];

/** 6 speakers x 4 classes of one corpus; only the fields splits read are meaningful. */
const utterances = Array.from({ length: 24 }, (_, index) => ({
  id: `u${index}`,
  corpus: "c",
  speaker: `s${index % 6}`,
  label: LABELS[index % 4],
})) as unknown as CachedUtterance[];

describe("experiment splits", () => {
  it("gives one speaker split per seed without folds", () => {
    const splits = experimentSplits(utterances, [1, 2], undefined);
    expect(splits.map((split) => split.description)).toEqual([
      { kind: "speaker", seed: 1 },
      { kind: "speaker", seed: 2 },
    ]);
    expect(splitLabel(splits[1]?.description ?? { kind: "speaker", seed: 0 })).toBe("seed 2");
  });

  it("with k folds tests every speaker exactly once per seed, never one it trained on", () => {
    const splits = experimentSplits(utterances, [1, 2], 3);
    expect(splits).toHaveLength(6);
    for (const seed of [1, 2]) {
      const ofSeed = splits.filter((split) => split.description.seed === seed);
      const tested = ofSeed.flatMap(({ split }) => split.test.map((item) => item.id));
      expect(tested.sort()).toEqual(utterances.map((item) => item.id).sort());
      for (const { split } of ofSeed) {
        const trained = new Set(split.train.map((item) => item.speaker));
        expect(split.test.some((item) => trained.has(item.speaker))).toBe(false);
      }
    }
    expect(splitLabel(splits[4]?.description ?? { kind: "speaker", seed: 0 })).toBe(
      "seed 2, fold 2/3",
    );
  });

  it("a cross-language experiment tests on every utterance of the corpus it does not train on", () => {
    const other = utterances.map((item) => ({ ...item, id: `o-${item.id}`, corpus: "d" }));
    const [first] = experimentSplits([...utterances, ...other], [1], 3);
    const cross = experimentSplit(first?.split ?? { train: [], validation: [], test: [] }, {
      kind: "cross",
      trainCorpora: ["c"],
      testCorpora: ["d"],
    });
    expect(cross.test.map((item) => item.id).sort()).toEqual(other.map((item) => item.id).sort());
    expect(cross.train.every((item) => item.corpus === "c")).toBe(true);
    expect(cross.validation.every((item) => item.corpus === "c")).toBe(true);
  });
});
