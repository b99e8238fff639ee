// The prediction message for one window: probabilities in canonical order (rounded to 6 decimals,
// plenty for a probability and a third of the JSON), the top class, valence and arousal.
import { type PredictionMessage, topClassOf, valenceArousalOf } from "@emotion-stream/core";

const PROBABILITY_DIGITS = 1e6;

export interface PredictionParts {
  readonly streamId: string;
  readonly model: string;
  readonly window: number;
  readonly start: number;
  readonly end: number;
  /** Canonical order. */
  readonly probabilities: Float32Array;
  readonly latencyMs: number;
}

export function predictionMessage(parts: PredictionParts): PredictionMessage {
  const probabilities = Array.from(
    parts.probabilities,
    (p) => Math.round(p * PROBABILITY_DIGITS) / PROBABILITY_DIGITS,
  );
  return {
    type: "prediction",
    streamId: parts.streamId,
    model: parts.model,
    window: parts.window,
    start: parts.start,
    end: parts.end,
    probabilities,
    top: topClassOf(probabilities),
    ...valenceArousalOf(probabilities),
    latencyMs: Math.round(parts.latencyMs * 1000) / 1000,
  };
}
