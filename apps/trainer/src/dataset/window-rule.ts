// How a task turns utterances into model inputs, as one serialisable value for configs and model
// cards: the study's rule (one window per utterance, cropped or zero-padded to the mean frame
// count of the task's training utterances) or fixed windows (random crops for training, sliding
// windows for evaluation).
import type { Random } from "@emotion-stream/core";
import { z } from "zod";
import {
  averageFrameCount,
  randomCropWindows,
  slidingWindows,
  studyWindows,
  type WindowRef,
} from "./windows.js";

export const windowRuleSchema = z.discriminatedUnion("rule", [
  z.object({ rule: z.literal("study") }),
  z.object({
    rule: z.literal("fixed"),
    windowFrames: z.number().int().positive(),
    /** Evaluation hop in frames. */
    hop: z.number().int().positive(),
    /** Random crops per training utterance and epoch. */
    cropsPerUtterance: z.number().int().positive().default(1),
  }),
]);

export type WindowRule = z.infer<typeof windowRuleSchema>;

/** Frames per window: fixed, or for the study's rule the mean over the training utterances. */
export function resolveWindowFrames(
  rule: WindowRule,
  trainingFrameCounts: readonly number[],
): number {
  return rule.rule === "fixed" ? rule.windowFrames : averageFrameCount(trainingFrameCounts);
}

/** Training windows for one epoch (fresh random crops per call for the fixed rule). */
export function trainingWindows(
  rule: WindowRule,
  frameCounts: readonly number[],
  windowFrames: number,
  random: Random,
): WindowRef[] {
  if (rule.rule === "study") return studyWindows(frameCounts);
  return randomCropWindows(frameCounts, windowFrames, random, rule.cropsPerUtterance);
}

/** Evaluation windows: one per utterance (study) or sliding with the rule's hop. */
export function evaluationWindows(
  rule: WindowRule,
  frameCounts: readonly number[],
  windowFrames: number,
): WindowRef[] {
  if (rule.rule === "study") return studyWindows(frameCounts);
  return slidingWindows(frameCounts, windowFrames, rule.hop);
}
