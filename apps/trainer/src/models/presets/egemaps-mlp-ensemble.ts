// functionals-mlp-ensemble on eGeMAPS v02 alone, the preset for speech from corpora and languages
// it has not seen: the minimalistic set was chosen for what holds across recording setups and
// languages (pitch, loudness, voice quality, spectral balance, formants; no MFCC statistics beyond
// the first four), and without IS09's MFCC 1-12 the network learns fewer of one corpus's own cues.
import type { ModelPreset } from "../model-preset.js";
import { functionalsMlpEnsemblePreset } from "./functionals-mlp-ensemble.js";

export const egemapsMlpEnsemblePreset: ModelPreset = {
  ...functionalsMlpEnsemblePreset,
  name: "egemaps-mlp-ensemble",
  description:
    "openSMILE's eGeMAPS v02 utterance functionals (88), per-speaker z-normalisation, five one-hidden-layer perceptrons averaged: for speech from other corpora or languages",
  featureSet: "egemaps_v02",
  // Made for languages it has not heard: a language input would only ever be empty.
  languageInput: undefined,
};
