// Feature sets by name: adding a set is one import and one entry here.
import { EmotionStreamError, FEATURE_SET_NAMES, type FeatureSetName } from "@emotion-stream/core";
import type { FeatureSet } from "../feature-set.js";
import { is09Functionals } from "../functionals/functional-sets.js";
import { functionalsFeatureSet } from "../functionals/functionals-feature-set.js";
import { compare16 } from "./compare16.js";
import { compare16Lld } from "./compare16-lld.js";
import { concatenatedFunctionalsSet } from "./concatenated-functionals.js";
import { egemapsV02 } from "./egemaps-v02.js";
import { egemapsV02Lld } from "./egemaps-v02-lld.js";
import { is09Lld } from "./is09-lld.js";
import { is09ProsodyFormants } from "./is09-prosody-formants.js";
import { mfcc012 } from "./mfcc0-12.js";
import { mfcc012DA } from "./mfcc0-12-d-a.js";

const is09 = functionalsFeatureSet(is09Functionals);

const registry = new Map<string, FeatureSet>([
  [mfcc012.name, mfcc012],
  [mfcc012DA.name, mfcc012DA],
  [is09Lld.name, is09Lld],
  [is09ProsodyFormants.name, is09ProsodyFormants],
  [egemapsV02Lld.name, egemapsV02Lld],
  [egemapsV02.name, egemapsV02],
  [is09.name, is09],
  ["egemaps_v02_is09", concatenatedFunctionalsSet("egemaps_v02_is09", [egemapsV02, is09])],
  [compare16Lld.name, compare16Lld],
  [compare16.name, compare16],
]);

/** Names of the sets this build can extract (a subset of core's FEATURE_SET_NAMES). */
export function availableFeatureSets(): FeatureSetName[] {
  return FEATURE_SET_NAMES.filter((name) => registry.has(name));
}

/** The set called `name`; throws UNKNOWN_FEATURE_SET listing the known names. */
export function getFeatureSet(name: string): FeatureSet {
  const set = registry.get(name);
  if (set === undefined) {
    throw new EmotionStreamError("UNKNOWN_FEATURE_SET", `no feature set named "${name}"`, {
      value: name,
      allowed: availableFeatureSets(),
    });
  }
  return set;
}
