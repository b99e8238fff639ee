// Every model preset by name; adding one is one import and one entry here.
import { EmotionStreamError } from "@emotion-stream/core";
import type { ModelPreset } from "../model-preset.js";
import { cnn1dBnStatpoolPreset } from "./cnn1d-bn-statpool.js";
import { egemapsMlpEnsemblePreset } from "./egemaps-mlp-ensemble.js";
import { functionalsLinearPreset } from "./functionals-linear.js";
import { functionalsMlpPreset } from "./functionals-mlp.js";
import { functionalsMlpEnsemblePreset } from "./functionals-mlp-ensemble.js";
import { lldFunctionalsMlpPreset } from "./lld-functionals-mlp.js";
import { lldStatpoolMlpPreset } from "./lld-statpool-mlp.js";
import { paperPreset } from "./paper.js";
import { paperAsRunPreset } from "./paper-as-run.js";
import { prosodyFormantsLinearPreset } from "./prosody-formants-linear.js";
import { prosodyFormantsStatpoolMlpPreset } from "./prosody-formants-statpool-mlp.js";
import { prosodyFormantsVoicedMlpPreset } from "./prosody-formants-voiced-mlp.js";

const PRESETS: readonly ModelPreset[] = [
  paperPreset,
  paperAsRunPreset,
  cnn1dBnStatpoolPreset,
  lldStatpoolMlpPreset,
  lldFunctionalsMlpPreset,
  prosodyFormantsStatpoolMlpPreset,
  prosodyFormantsLinearPreset,
  prosodyFormantsVoicedMlpPreset,
  functionalsLinearPreset,
  functionalsMlpPreset,
  functionalsMlpEnsemblePreset,
  egemapsMlpEnsemblePreset,
];

export const PRESET_NAMES: readonly string[] = PRESETS.map((preset) => preset.name);

/**
 * The preset the trainer uses when none is named: functionals-mlp-ensemble, the best within a
 * corpus (eGeMAPS v02 and IS09 functionals; 0.88 UAR on EmoDB, 0.74 on RAVDESS over the four
 * basic emotions, above the classic openSMILE + SVM peer on EmoDB); see the Accuracy sections of
 * docs/benchmarks.md.
 */
export const DEFAULT_PRESET = functionalsMlpEnsemblePreset.name;

export function getPreset(name: string): ModelPreset {
  const preset = PRESETS.find((candidate) => candidate.name === name);
  if (preset === undefined) {
    throw new EmotionStreamError("UNKNOWN_PRESET", `no model preset named ${name}`, {
      value: name,
      allowed: PRESET_NAMES,
    });
  }
  return preset;
}
