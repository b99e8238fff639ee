// What the evaluation left out, per corpus read: labels the model card's table does not map,
// counted per label; audio files that could not be read, listed; other reasons, counted.
import type { SkippedItem } from "../corpora/corpus-utterance.js";

export interface SkippedSummary {
  /** Unmapped or unknown emotion words and how many utterances carried each. */
  readonly labels: Record<string, number>;
  readonly unreadableFiles: { file: string; message: string }[];
  /** Every other skip reason (too short, bad annotation, no label) and its count. */
  readonly otherReasons: Record<string, number>;
}

export function summariseSkipped(skipped: readonly SkippedItem[]): SkippedSummary {
  const labels: Record<string, number> = {};
  const unreadableFiles: { file: string; message: string }[] = [];
  const otherReasons: Record<string, number> = {};
  for (const item of skipped) {
    if (item.reason === "unknown-label" && item.label !== undefined) {
      labels[item.label] = (labels[item.label] ?? 0) + 1;
    } else if (item.reason === "unreadable-file") {
      unreadableFiles.push({ file: item.file, message: item.message });
    } else {
      otherReasons[item.reason] = (otherReasons[item.reason] ?? 0) + 1;
    }
  }
  return { labels, unreadableFiles, otherReasons };
}
