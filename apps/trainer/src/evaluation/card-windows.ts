// The model card's window rule as the data layer's: the study's one window per utterance (the card
// records the training average it was cut to) or sliding windows with the card's hop.
import type { ModelCard } from "@emotion-stream/core";
import { evaluationWindows, type WindowRule } from "../dataset/window-rule.js";
import type { WindowRef } from "../dataset/windows.js";

export function cardWindowRule(card: ModelCard): WindowRule {
  if (card.window.rule.kind === "study-average") return { rule: "study" };
  return {
    rule: "fixed",
    windowFrames: card.window.windowFrames,
    hop: card.window.hopFrames,
    cropsPerUtterance: 1,
  };
}

/** Evaluation windows over utterances of `frameCounts`, exactly as training's test windows. */
export function cardWindows(card: ModelCard, frameCounts: readonly number[]): WindowRef[] {
  return evaluationWindows(cardWindowRule(card), frameCounts, card.window.windowFrames);
}
