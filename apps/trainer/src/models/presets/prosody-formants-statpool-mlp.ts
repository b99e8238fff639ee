// The cross-corpus preset: lld-statpool-mlp's network on IS09's prosodic LLDs and GeMAPS's LPC
// formants instead of IS09's full set. MFCCs carry each corpus's own cues for valence (across
// corpora valence stays at chance with them); formant frequencies and bandwidths carry cues that
// hold in both corpora measured here (docs/benchmarks.md, Accuracy).
import type { ModelPreset } from "../model-preset.js";
import { lldStatpoolMlpPreset } from "./lld-statpool-mlp.js";

export const prosodyFormantsStatpoolMlpPreset: ModelPreset = {
  ...lldStatpoolMlpPreset,
  name: "prosody-formants-statpool-mlp",
  description:
    "IS09 prosodic LLDs (energy, ZCR, voicing, F0) and GeMAPS LPC formants F1-F3 (frequency, bandwidth) with deltas, per-window mean/std pooling, batch norm, one hidden layer, weight decay",
  featureSet: "is09_prosody_formants",
};
