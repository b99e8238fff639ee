// One valid model card for tests: a two-coefficient MFCC set, fixed windows, one training corpus.
// A test overrides only the fields it checks, so the rest of the card has one spelling.
import { type ModelCard, parseModelCard } from "../model-card.js";

/** A two-column stand-in for mfcc0_12: small enough to write windows of by hand. */
export const FIXTURE_FEATURE_SET: ModelCard["featureSet"] = {
  name: "mfcc0_12",
  sampleRate: 16_000,
  frameSizeSeconds: 0.025,
  frameStepSeconds: 0.01,
  dimension: 2,
  columns: ["mfcc0", "mfcc1"],
  params: {},
};

const FIXTURE_CARD: ModelCard = {
  format: "emotion-stream/model-card",
  version: 1,
  name: "fixture",
  createdAt: "2026-11-25T12:00:00.000Z",
  classes: ["joy", "anger", "sadness", "pleasure"],
  labelMapping: {},
  featureSet: FIXTURE_FEATURE_SET,
  window: { windowFrames: 20, hopFrames: 10, rule: { kind: "fixed" } },
  normalisation: { kind: "none" },
  aggregation: "mean-probability",
  trainingData: {
    corpora: [
      {
        name: "fixture",
        adapter: "none",
        language: "en",
        utterances: 4,
        speakers: 1,
        countsPerClass: { joy: 1, anger: 1, sadness: 1, pleasure: 1 },
        skipped: {},
      },
    ],
  },
  preset: { name: "fixture", hyperparameters: {} },
  metrics: [],
  tools: { emotionStream: "test", tfjs: "none", backend: "none" },
};

/** The fixture card with `overrides`, checked by core's schema (a bad override fails at once). */
export function fixtureModelCard(overrides: Partial<ModelCard> = {}): ModelCard {
  return parseModelCard({ ...FIXTURE_CARD, ...overrides });
}
