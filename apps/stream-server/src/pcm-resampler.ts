// Streaming sample-rate conversion for PCM streams at another rate than the model's features: the
// same libsamplerate converter (sinc, medium quality) that @emotion-stream/features' batch `resample`
// uses by default, through its full API, which keeps the filter state from one chunk to the next.
import libsamplerate from "@alexanderolsen/libsamplerate-js";
import { EmotionStreamError } from "@emotion-stream/core";

/** The rates a stream may declare; libsamplerate handles any ratio between them. */
export const PCM_RATE_RANGE = { min: 8000, max: 192_000 } as const;

export interface PcmResampler {
  /** The resampled chunk (a fresh array; it may be empty while the filter fills). */
  push(samples: Float32Array): Float32Array;
  destroy(): void;
}

export async function createPcmResampler(
  fromRate: number,
  toRate: number,
  streamId: string,
): Promise<PcmResampler> {
  if (fromRate < PCM_RATE_RANGE.min || fromRate > PCM_RATE_RANGE.max) {
    throw new EmotionStreamError(
      "BAD_SAMPLE_RATE",
      `PCM at ${fromRate} Hz cannot be handled; send ${PCM_RATE_RANGE.min}-${PCM_RATE_RANGE.max} Hz (${toRate} Hz needs no conversion)`,
      { streamId, field: "input.sampleRate", expected: toRate, received: fromRate },
    );
  }
  const converter = await libsamplerate.create(1, fromRate, toRate, {
    converterType: libsamplerate.ConverterType.SRC_SINC_MEDIUM_QUALITY,
  });
  return {
    push: (samples) => converter.full(samples),
    destroy: () => converter.destroy(),
  };
}
