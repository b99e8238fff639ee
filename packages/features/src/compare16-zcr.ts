// ComParE 2016's zero-crossing rate (is13_mzcr: cMZcr zcr = 1 on the raw 60 ms frames of
// `is13_frame60`, every 10 ms from sample 0): its level has the 60 ms frames' count, 4 fewer
// than the 20 ms levels beside it in the LLD file.
import type { FrameProcessor } from "./feature-set.js";
import { frameGeometry } from "./framing.js";
import { zeroCrossingRate } from "./zero-crossing-rate.js";

export const COMPARE16_ZCR_FRAME_SECONDS = 0.06;
export const COMPARE16_ZCR_STEP_SECONDS = 0.01;

/** The column name (openSMILE's, before `_sma`). */
export const COMPARE16_ZCR_LLD_NAMES = ["pcm_zcr"] as const;

/** The options of the config, as `<section>.<option>`. */
export const COMPARE16_ZCR_PARAMS = {
  "is13_frame60.frameSize": COMPARE16_ZCR_FRAME_SECONDS,
  "is13_frame60.frameStep": COMPARE16_ZCR_STEP_SECONDS,
  "is13_mzcr.zcr": 1,
} as const;

export class Compare16Zcr implements FrameProcessor {
  readonly dimension = COMPARE16_ZCR_LLD_NAMES.length;
  /** Samples of the 60 ms frame (cFramer rounding). */
  readonly frameSize: number;

  constructor(sampleRate: number) {
    this.frameSize = frameGeometry(
      sampleRate,
      COMPARE16_ZCR_FRAME_SECONDS,
      COMPARE16_ZCR_STEP_SECONDS,
    ).frameSize;
  }

  process(samples: Float32Array, start: number, out: Float32Array, outOffset: number): void {
    out[outOffset] = zeroCrossingRate(samples, start, this.frameSize);
  }
}
