// A set's `spec` and `specFor` from one description: openSMILE's configs give frame sizes in
// seconds, so nothing but `sampleRate` changes with the rate, and the spec at 16 kHz (the rate of
// the corpora and of the model cards) is the same function at that rate.
import type { FeatureSetSpec } from "@emotion-stream/core";
import type { FeatureSet } from "../feature-set.js";

export const CANONICAL_SAMPLE_RATE = 16000;

/** A spec without the fields the rate decides (`sampleRate`) or the columns do (`dimension`). */
export interface SpecDescription {
  readonly name: FeatureSetSpec["name"];
  /** Absent for the sets of the first study, whose cards were written before levels existed. */
  readonly level?: FeatureSetSpec["level"];
  readonly frameSizeSeconds: number;
  readonly frameStepSeconds: number;
  /** Column names in output order, as openSMILE writes them. */
  readonly columns: readonly string[];
  /** Every option that changes the numbers, under its openSMILE `<section>.<option>` name. */
  readonly params: FeatureSetSpec["params"];
}

export function specAtEveryRate(
  description: SpecDescription,
): Pick<FeatureSet, "name" | "spec" | "specFor"> {
  const { name, level, frameSizeSeconds, frameStepSeconds, columns, params } = description;
  const specFor = (sampleRate: number): FeatureSetSpec => ({
    name,
    ...(level === undefined ? {} : { level }),
    sampleRate,
    frameSizeSeconds,
    frameStepSeconds,
    dimension: columns.length,
    columns: [...columns],
    params: { ...params },
  });
  return { name, spec: specFor(CANONICAL_SAMPLE_RATE), specFor };
}
