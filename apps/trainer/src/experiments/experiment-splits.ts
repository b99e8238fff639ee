// The speaker splits an experiment plan runs over: one 80/10/10 speaker split per seed, or, with
// k folds, every speaker fold as the test set once (validation on the next fold) per seed, so a
// table cell can be a mean over seeds and folds rather than one lucky or unlucky split.
import type { SplitDescription } from "@emotion-stream/artifacts";
import {
  type DatasetSplit,
  leaveSpeakersOutFolds,
  splitBySpeaker,
} from "../dataset/dataset-split.js";
import type { CachedUtterance } from "../feature-cache/cached-utterance.js";

export interface DescribedSplit {
  readonly description: SplitDescription;
  readonly split: DatasetSplit<CachedUtterance>;
}

export function experimentSplits(
  utterances: readonly CachedUtterance[],
  seeds: readonly number[],
  folds: number | undefined,
): DescribedSplit[] {
  return seeds.flatMap((seed): DescribedSplit[] => {
    if (folds === undefined) {
      return [{ description: { kind: "speaker", seed }, split: splitBySpeaker(utterances, seed) }];
    }
    return leaveSpeakersOutFolds(utterances, folds, seed).map((split, fold) => ({
      description: { kind: "speaker-folds", seed, folds, fold },
      split,
    }));
  });
}

/** "seed 2", "seed 2, fold 3/5": for progress lines and run names. */
export function splitLabel(description: SplitDescription): string {
  return description.kind === "speaker"
    ? `seed ${description.seed}`
    : `seed ${description.seed}, fold ${description.fold + 1}/${description.folds}`;
}
