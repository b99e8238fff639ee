// A valid model card for the evaluation tests, shaped by the arguments that matter to them.
import {
  MODEL_CARD_FORMAT,
  MODEL_CARD_VERSION,
  type ModelCard,
  type Normalisation,
  parseModelCard,
} from "@emotion-stream/core";
import { getFeatureSet } from "@emotion-stream/features";

export function testCard(
  overrides: { window?: ModelCard["window"]; normalisation?: Normalisation } = {},
): ModelCard {
  return parseModelCard({
    format: MODEL_CARD_FORMAT,
    version: MODEL_CARD_VERSION,
    name: "evaluation-test",
    createdAt: "2026-11-25T14:00:00.000Z",
    classes: ["joy", "anger", "sadness", "pleasure"],
    labelMapping: {},
    featureSet: getFeatureSet("mfcc0_12").spec,
    window: overrides.window ?? { windowFrames: 20, hopFrames: 10, rule: { kind: "fixed" } },
    normalisation: overrides.normalisation ?? { kind: "per-frame-l2" },
    aggregation: "mean-probability",
    trainingData: {
      corpora: [
        {
          name: "train-corpus",
          adapter: "manifest",
          language: "en",
          utterances: 4,
          speakers: 2,
          countsPerClass: { joy: 1, anger: 1, sadness: 1, pleasure: 1 },
          skipped: {},
        },
      ],
    },
    preset: { name: "paper", hyperparameters: {} },
    metrics: [],
    tools: { emotionStream: "test", tfjs: "test", backend: "cpu" },
  });
}
