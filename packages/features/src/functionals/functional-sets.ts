// Utterance-level feature sets: a frame-level set (the LLDs) and the functionals openSMILE's config
// applies to it. Adding one is one entry here.
import { EmotionStreamError, type FeatureSetName } from "@emotion-stream/core";
import type { PipelineFeatureSet } from "../feature-set.js";
import { is09Lld } from "../sets/is09-lld.js";
import type { FunctionalsSpec } from "./functionals.js";

export interface FunctionalSet {
  readonly name: FeatureSetName;
  /** The openSMILE config it reproduces. */
  readonly config: string;
  readonly lld: PipelineFeatureSet;
  readonly functionals: FunctionalsSpec;
}

/** config/is09-13/IS09_emotion_core.func.conf.inc: 12 functionals of the 32 LLDs, 384 values. */
const is09: FunctionalSet = {
  name: "is09",
  config: "config/is09-13/IS09_emotion.conf",
  lld: is09Lld,
  functionals: {
    components: [
      {
        kind: "extremes",
        outputs: ["max", "min", "range", "maxPos", "minPos", "amean"],
        norm: "frame",
      },
      { kind: "regression", outputs: ["linregc1", "linregc2", "linregerrQ"] },
      { kind: "moments", outputs: ["stddev", "skewness", "kurtosis"] },
    ],
  },
};

const registry = new Map<string, FunctionalSet>([[is09.name, is09]]);

/** Every functional set, in registration order. */
export function functionalSets(): FunctionalSet[] {
  return [...registry.values()];
}

export function availableFunctionalSets(): string[] {
  return [...registry.keys()];
}

export function getFunctionalSet(name: string): FunctionalSet | undefined {
  return registry.get(name);
}

/** The functional set called `name`; UNKNOWN_FEATURE_SET listing the known ones. */
export function requireFunctionalSet(name: string): FunctionalSet {
  const set = registry.get(name);
  if (set === undefined) {
    throw new EmotionStreamError("UNKNOWN_FEATURE_SET", `no functional set named "${name}"`, {
      value: name,
      allowed: availableFunctionalSets(),
    });
  }
  return set;
}
