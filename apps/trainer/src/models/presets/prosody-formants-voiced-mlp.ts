// prosody-formants-statpool-mlp with the statistics taken twice: over every frame and over the
// voiced frames only (StatisticsPooling's voicedColumn), so the network sees the voice's own pitch,
// formants and level apart from how much of the window is pause or consonant. The class balance is
// in the loss, so batch-norm statistics are of the corpus's natural class mix, the kind AdaBN
// (`--adapt-batchnorm`) measures on a new corpus. Meant for models that must hold on other corpora
// and still be usable within one (docs/benchmarks.md, Accuracy).
import { getFeatureSet } from "@emotion-stream/features";
import type { ModelPreset } from "../model-preset.js";
import { statpoolMlp } from "./lld-statpool-mlp.js";
import { prosodyFormantsStatpoolMlpPreset } from "./prosody-formants-statpool-mlp.js";

const FEATURE_SET = prosodyFormantsStatpoolMlpPreset.featureSet;
const F0_COLUMN = getFeatureSet(FEATURE_SET).spec.columns.indexOf("F0_sma");

export const prosodyFormantsVoicedMlpPreset: ModelPreset = {
  ...prosodyFormantsStatpoolMlpPreset,
  name: "prosody-formants-voiced-mlp",
  description:
    "IS09 prosodic LLDs and GeMAPS LPC formants with deltas, mean/std pooled over all frames and over voiced frames, batch norm, one hidden layer, weight decay 0.01, class-weighted loss: for other corpora (with --adapt-batchnorm) and within one",
  recipe: {
    ...prosodyFormantsStatpoolMlpPreset.recipe,
    classBalance: "loss-weights",
    weightDecay: 0.01,
  },
  build: statpoolMlp("prosody_formants_voiced_mlp", { voicedColumn: F0_COLUMN }),
};
