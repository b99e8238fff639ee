// Band-limited sample-rate conversion with libsamplerate (WebAssembly, so it runs in the browser
// too), for feature sets and models that expect one fixed rate.

import libsamplerate from "@alexanderolsen/libsamplerate-js";
import { EmotionStreamError } from "@emotion-stream/core";

/** libsamplerate's sinc converters, best first. */
export type ResampleQuality = "best" | "medium" | "fastest";

const CONVERTERS = {
  best: libsamplerate.ConverterType.SRC_SINC_BEST_QUALITY,
  medium: libsamplerate.ConverterType.SRC_SINC_MEDIUM_QUALITY,
  fastest: libsamplerate.ConverterType.SRC_SINC_FASTEST,
} as const;

/** `samples` (mono) at `fromRate` converted to `toRate`; the input itself when rates agree. */
export async function resample(
  samples: Float32Array,
  fromRate: number,
  toRate: number,
  quality: ResampleQuality = "medium",
): Promise<Float32Array> {
  for (const [field, rate] of [
    ["fromRate", fromRate],
    ["toRate", toRate],
  ] as const) {
    if (!Number.isFinite(rate) || rate <= 0) {
      throw new EmotionStreamError("BAD_SAMPLE_RATE", `${field} must be a positive number`, {
        field,
        value: rate,
      });
    }
  }
  if (fromRate === toRate) return samples;
  const converter = await libsamplerate.create(1, fromRate, toRate, {
    converterType: CONVERTERS[quality],
  });
  try {
    return converter.simple(samples);
  } finally {
    converter.destroy();
  }
}
