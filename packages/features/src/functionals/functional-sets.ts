// Utterance-level feature sets made of one frame-level set (the LLDs) and the functionals
// openSMILE's config applies to all its columns alike. Adding one is one entry here. (eGeMAPS,
// whose functionals differ by LLD group, is its own set: sets/egemaps-v02.ts.)
import type { FeatureSetName } from "@emotion-stream/core";
import type { FeatureSet } from "../feature-set.js";
import { is09Lld } from "../sets/is09-lld.js";
import type { FunctionalsSpec } from "./functionals.js";

export interface FunctionalSet {
  readonly name: FeatureSetName;
  /** The openSMILE config it reproduces. */
  readonly config: string;
  readonly lld: FeatureSet;
  readonly functionals: FunctionalsSpec;
}

/** config/is09-13/IS09_emotion_core.func.conf.inc: 12 functionals of the 32 LLDs, 384 values. */
export const is09Functionals: FunctionalSet = {
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
