// The life of an extractor that is not one pipeline (several levels, functionals, sets side by
// side): chunks until one end(), samples after it refused with STREAM_ENDED, a second end() empty.
// A subclass says only what a chunk and the end of the input give.
import { EmotionStreamError } from "@emotion-stream/core";
import { emptyFeatureMatrix, type FeatureMatrix } from "./feature-matrix.js";
import type { StreamingExtractor } from "./streaming-extractor.js";

export abstract class StreamingExtractorBase implements StreamingExtractor {
  abstract readonly dimension: number;
  abstract readonly delayFrames: number;
  private ended = false;

  push(chunk: Float32Array): FeatureMatrix {
    if (this.ended) {
      throw new EmotionStreamError("STREAM_ENDED", "samples pushed after end() of the extractor");
    }
    return this.accept(chunk);
  }

  end(): FeatureMatrix {
    if (this.ended) return emptyFeatureMatrix(this.dimension);
    this.ended = true;
    return this.finish();
  }

  /** The rows `chunk` completed (maybe none). */
  protected abstract accept(chunk: Float32Array): FeatureMatrix;

  /** The rows held back until the input ended. */
  protected abstract finish(): FeatureMatrix;
}
