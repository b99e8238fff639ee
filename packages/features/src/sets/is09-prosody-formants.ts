// `is09_prosody_formants`: the prosodic LLDs of IS09_emotion.conf (RMS energy, zero-crossing rate,
// voicing probability, F0) beside the LPC formants of GeMAPS v01b (F1-F3 frequency and bandwidth),
// smoothed over 3 frames and with their deltas as IS09 treats its LLDs (smoothed-lld-set.ts): 20
// values per frame.
// No MFCCs: across corpora they carry each corpus's own cues for valence, while formants carry
// cues that hold in both (docs/benchmarks.md). The openSMILE config that computes the same values
// is opensmile/is09_prosody_formants.conf. Both chains frame from the same sample every 10 ms:
// IS09 takes 25 ms, GeMAPS's formants the first 20 ms of it, and the rows are IS09's.
import type { FeatureSetSpec } from "@emotion-stream/core";
import type { FrameProcessor, PipelineFeatureSet } from "../feature-set.js";
import { frameGeometry } from "../framing.js";
import { GEMAPS_FORMANT_PARAMS, GemapsFormants } from "../gemaps-formants.js";
import { IS09_PREEMPHASIS, IS09_PROSODY_PARAMS, Is09Prosody } from "../is09-prosody.js";
import { SpectralFrontEnd } from "../spectral-front-end.js";
import {
  IS09_DELTA_WIN,
  IS09_FRAME_STEP_SECONDS,
  IS09_FRONT_END_PARAMS,
  IS09_SMA_WIN,
  smoothedLldSet,
} from "./smoothed-lld-set.js";

const FORMANTS_KEPT = 3;
/** Energy, ZCR, voicing probability and F0 come first. */
const FIRST_FORMANT_COLUMN = 4;

/** openSMILE's LLD names (IS09's, then the pf_formants selector's), in column order. */
const LLD_NAMES = [
  "pcm_RMSenergy",
  "pcm_zcr",
  "voiceProb",
  "F0",
  ...Array.from({ length: FORMANTS_KEPT }, (_, f) => [
    `F${f + 1}frequency`,
    `F${f + 1}bandwidth`,
  ]).flat(),
];
const LLD_COUNT = LLD_NAMES.length;

/** Parameters under the `<section>.<option>` names of the configs the components come from. */
const PARAMS: FeatureSetSpec["params"] = {
  ...IS09_FRONT_END_PARAMS,
  ...IS09_PROSODY_PARAMS,
  "gemapsv01b_frame25.frameSize": GEMAPS_FORMANT_PARAMS.frameSizeSeconds,
  "gemapsv01b_frame25.frameStep": IS09_FRAME_STEP_SECONDS,
  "gemapsv01b_win25.winFunc": "hamming",
  "gemapsv01b_resampLpc.targetFs": GEMAPS_FORMANT_PARAMS.targetRate,
  "gemapsv01b_lpc.p": GEMAPS_FORMANT_PARAMS.lpcOrder,
  "gemapsv01b_lpc.method": "acf",
  "gemapsv01b_formantLpc.nFormants": GEMAPS_FORMANT_PARAMS.formants,
  "gemapsv01b_formantLpc.minF": GEMAPS_FORMANT_PARAMS.minFrequency,
  "gemapsv01b_formantLpc.maxF": GEMAPS_FORMANT_PARAMS.maxFrequency,
  "pf_formants.selected": "formantFreqLpc[1..3];formantBandwidthLpc[1..3]",
  "pf_lld.smaWin": IS09_SMA_WIN,
  "pf_lld.noPostEOIprocessing": 0,
  "pf_delta.deltawin": IS09_DELTA_WIN,
  "pf_delta.noPostEOIprocessing": 0,
};

export const is09ProsodyFormants: PipelineFeatureSet = smoothedLldSet({
  name: "is09_prosody_formants",
  lldNames: LLD_NAMES,
  params: PARAMS,
  createFrameProcessor: createLldFrameProcessor,
});

/** The 10 unsmoothed LLDs of one frame, in column order. */
function createLldFrameProcessor(frameSize: number, sampleRate: number): FrameProcessor {
  // GeMAPS's own framer: 20 ms with the same rounding, from the same first sample.
  const formantFrameSize = frameGeometry(
    sampleRate,
    GEMAPS_FORMANT_PARAMS.frameSizeSeconds,
    IS09_FRAME_STEP_SECONDS,
  ).frameSize;
  const frontEnd = new SpectralFrontEnd({ frameSize, preemphasis: IS09_PREEMPHASIS });
  const prosody = new Is09Prosody(frontEnd, frameSize);
  const formants = new GemapsFormants(formantFrameSize, sampleRate);
  const writeFormants = (out: Float32Array, offset: number) => {
    for (let f = 0; f < FORMANTS_KEPT; f += 1) {
      out[offset + 2 * f] = formants.frequencies[f] as number;
      out[offset + 2 * f + 1] = formants.bandwidths[f] as number;
    }
  };
  return {
    dimension: LLD_COUNT,
    shortFrameColumns: {
      frameSize: formantFrameSize,
      firstColumn: FIRST_FORMANT_COLUMN,
      columnCount: 2 * FORMANTS_KEPT,
      process(samples, start, out) {
        formants.compute(samples, start);
        writeFormants(out, FIRST_FORMANT_COLUMN);
      },
    },
    process(samples, start, out, outOffset) {
      frontEnd.compute(samples, start);
      const { energy, zcr, voiceProb, f0 } = prosody.compute(samples, start);
      out[outOffset] = energy;
      out[outOffset + 1] = zcr;
      out[outOffset + 2] = voiceProb;
      out[outOffset + 3] = f0;
      formants.compute(samples, start);
      writeFormants(out, outOffset + FIRST_FORMANT_COLUMN);
    },
  };
}
