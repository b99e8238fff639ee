// The window rule: how a model's fixed-length input windows are cut from utterances of any length.
// One vocabulary for the rule a model preset declares, the window a trained model records in its
// card and run config, and the windows training, validation, testing and evaluation cut.
import { z } from "zod";
import { EmotionStreamError } from "./errors.js";

/**
 * The rule as declared before training (a model preset, after `--window-frames`/`--hop-frames`):
 * `study-average`, the study's one window per utterance from its first frame, cropped or
 * zero-padded to the average training utterance; `fixed`, windows of `windowFrames` every
 * `hopFrames` frames, pooled per utterance.
 */
export type WindowRule =
  | { readonly kind: "study-average" }
  | { readonly kind: "fixed"; readonly windowFrames: number; readonly hopFrames: number };

/** The rule as a trained model records it: which rule set its window length. */
export const modelWindowRuleSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("fixed") }),
  /** The study's rule: the window spans the average training utterance, rounded to whole frames. */
  z.object({ kind: z.literal("study-average"), averageUtteranceFrames: z.number().positive() }),
]);

export type ModelWindowRule = z.infer<typeof modelWindowRuleSchema>;

/** A trained model's window (the model card's `window` without its live-stream fields). */
export const modelWindowSchema = z.object({
  windowFrames: z.number().int().positive(),
  /** A fixed rule's hop; the study's rule records its window length here. */
  hopFrames: z.number().int().positive(),
  rule: modelWindowRuleSchema,
});

export type ModelWindow = z.infer<typeof modelWindowSchema>;

/** One window: the utterance's index in the list the windows were cut over, and its first frame. */
export interface WindowRef {
  readonly item: number;
  readonly start: number;
}

/** The study's window length: the mean frame count of the training utterances, rounded. */
function averageFrameCount(frameCounts: readonly number[]): number {
  if (frameCounts.length === 0) {
    throw new EmotionStreamError("EMPTY_SPLIT", "no training utterances to average frames over");
  }
  const total = frameCounts.reduce((sum, frames) => sum + frames, 0);
  return Math.max(1, Math.round(total / frameCounts.length));
}

/** The window a model trained under `rule` on utterances of `trainingFrameCounts` takes. */
export function resolveWindowRule(
  rule: WindowRule,
  trainingFrameCounts: readonly number[],
): ModelWindow {
  if (rule.kind === "fixed") {
    checkWindow(rule.windowFrames, rule.hopFrames);
    return { windowFrames: rule.windowFrames, hopFrames: rule.hopFrames, rule: { kind: "fixed" } };
  }
  const windowFrames = averageFrameCount(trainingFrameCounts);
  return {
    windowFrames,
    hopFrames: windowFrames,
    rule: { kind: "study-average", averageUtteranceFrames: windowFrames },
  };
}

/**
 * The windows of `window` over utterances of `frameCounts`, alike for training, validation, test
 * and evaluation: under the study's rule one per utterance from its first frame; under a fixed
 * rule one every `hopFrames` frames, a last one aligned to the end covering any tail the hops
 * miss, and one (zero-padded) for an utterance shorter than the window.
 */
export function cutWindows(window: ModelWindow, frameCounts: readonly number[]): WindowRef[] {
  if (window.rule.kind === "study-average")
    return frameCounts.map((_, item) => ({ item, start: 0 }));
  const { windowFrames, hopFrames } = window;
  checkWindow(windowFrames, hopFrames);
  const windows: WindowRef[] = [];
  frameCounts.forEach((frames, item) => {
    const lastStart = Math.max(0, frames - windowFrames);
    for (let start = 0; start <= lastStart; start += hopFrames) windows.push({ item, start });
    if (lastStart % hopFrames !== 0) windows.push({ item, start: lastStart });
  });
  return windows;
}

function checkWindow(windowFrames: number, hopFrames: number): void {
  const valid = (value: number) => Number.isInteger(value) && value > 0;
  if (!valid(windowFrames) || !valid(hopFrames)) {
    throw new EmotionStreamError(
      "BAD_WINDOW",
      "window and hop must be positive integers (frames)",
      { value: `${windowFrames}/${hopFrames}` },
    );
  }
}
