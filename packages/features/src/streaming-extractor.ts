// Incremental extraction: samples arrive in chunks of any size, frames leave as soon as every
// stage has the context it needs. Memory is one frame of samples plus each stage's context rows,
// whatever the input length; batch extraction is this same code fed once.
import { EmotionStreamError } from "@emotion-stream/core";
import { ContextualStageRunner, trailingRowCount } from "./contextual-stage.js";
import { copyValues } from "./copy-values.js";
import type { FeatureMatrix } from "./feature-matrix.js";
import type { FeaturePipeline } from "./feature-set.js";

export interface StreamingExtractor {
  readonly dimension: number;
  /** Feeds mono samples in [-1, 1]; returns the frames this chunk completed (maybe none). */
  push(chunk: Float32Array): FeatureMatrix;
  /** Ends the input; returns the frames held back for lookahead or edge padding. */
  end(): FeatureMatrix;
}

export function createPipelineStreamingExtractor(pipeline: FeaturePipeline): StreamingExtractor {
  return new PipelineStreamingExtractor(pipeline, 64);
}

/** Batch extraction: the same code path, with the output sized once and returned in one piece. */
export function extractWithPipeline(
  pipeline: FeaturePipeline,
  samples: Float32Array,
): FeatureMatrix {
  const frames = Math.max(1, Math.floor(samples.length / pipeline.frameStep) + 1);
  const extractor = new PipelineStreamingExtractor(pipeline, frames);
  extractor.consume(samples);
  return extractor.end();
}

class PipelineStreamingExtractor implements StreamingExtractor {
  readonly dimension: number;
  private readonly pipeline: FeaturePipeline;
  private readonly runners: ContextualStageRunner[];
  /** Ring of the last `frameSize` samples; sample t lives at t % frameSize. */
  private readonly samples: Float32Array;
  private readonly frame: Float32Array;
  private readonly frameRow: Float32Array;
  private readonly trailingRows: number;
  private pending: Float32Array;
  private pendingFrames = 0;
  private framesProcessed = 0;
  private rowsEmitted = 0;
  private written = 0;
  private nextFrameStart = 0;
  private ended = false;

  constructor(pipeline: FeaturePipeline, initialCapacityFrames: number) {
    this.pipeline = pipeline;
    this.dimension = pipeline.dimension;
    this.runners = pipeline.contextualStages.map((stage) => new ContextualStageRunner(stage));
    this.samples = new Float32Array(pipeline.frameSize);
    this.frame = new Float32Array(pipeline.frameSize);
    this.frameRow = new Float32Array(pipeline.frameProcessor.dimension);
    this.trailingRows = trailingRowCount(pipeline.contextualStages);
    this.pending = new Float32Array(this.dimension * initialCapacityFrames);
  }

  push(chunk: Float32Array): FeatureMatrix {
    this.consume(chunk);
    return this.takePending();
  }

  /** Runs a chunk through the pipeline, keeping its rows pending. */
  consume(chunk: Float32Array): void {
    if (this.ended) {
      throw new EmotionStreamError("STREAM_ENDED", "samples pushed after end() of the extractor");
    }
    const { frameSize } = this.pipeline;
    let read = 0;
    while (read < chunk.length) {
      const untilFrame = this.nextFrameStart + frameSize - this.written;
      const count = Math.min(untilFrame, chunk.length - read);
      this.storeSamples(chunk, read, count);
      read += count;
      if (this.written === this.nextFrameStart + frameSize) this.emitFrame();
    }
  }

  end(): FeatureMatrix {
    if (this.ended) return this.takePending();
    this.ended = true;
    for (let level = 0; level < this.runners.length; level += 1) {
      const runner = this.runners[level];
      if (runner === undefined) continue;
      runner.end();
      this.drain(level);
    }
    return this.takePending();
  }

  /** Copies `count` samples into the ring (at most up to the next frame end, so none is lost). */
  private storeSamples(chunk: Float32Array, from: number, count: number): void {
    const size = this.samples.length;
    let done = 0;
    while (done < count) {
      const slot = (this.written + done) % size;
      const span = Math.min(count - done, size - slot);
      copyValues(chunk, from + done, this.samples, slot, span);
      done += span;
    }
    this.written += count;
  }

  private emitFrame(): void {
    const size = this.samples.length;
    const slot = this.nextFrameStart % size;
    copyValues(this.samples, slot, this.frame, 0, size - slot);
    copyValues(this.samples, 0, this.frame, size - slot, slot);
    this.nextFrameStart += this.pipeline.frameStep;
    this.processFrame();
  }

  private processFrame(): void {
    this.framesProcessed += 1;
    this.pipeline.frameProcessor.process(this.frame, this.frameRow, 0);
    this.feed(0, this.frameRow);
  }

  /** Hands a row to stage `level` (or to the output after the last stage) and drains it. */
  private feed(level: number, row: Float32Array): void {
    const runner = this.runners[level];
    if (runner === undefined) {
      this.appendPending(row);
      return;
    }
    runner.accept(row, 0);
    this.drain(level);
  }

  private drain(level: number): void {
    const runner = this.runners[level];
    if (runner === undefined) return;
    while (runner.hasReady()) {
      runner.computeNext();
      this.feed(level + 1, runner.output);
    }
  }

  private appendPending(row: Float32Array): void {
    if (this.rowsEmitted >= this.framesProcessed + this.trailingRows) return;
    this.rowsEmitted += 1;
    const offset = this.pendingFrames * this.dimension;
    if (offset + this.dimension > this.pending.length) {
      const grown = new Float32Array(this.pending.length * 2);
      grown.set(this.pending);
      this.pending = grown;
    }
    this.pending.set(row, offset);
    this.pendingFrames += 1;
  }

  private takePending(): FeatureMatrix {
    const frames = this.pendingFrames;
    const size = frames * this.dimension;
    // A pending buffer filled exactly (batch extraction) is handed over without a copy.
    const data = size === this.pending.length ? this.pending : this.pending.slice(0, size);
    if (data === this.pending) this.pending = new Float32Array(this.dimension);
    this.pendingFrames = 0;
    return { frames, dimension: this.dimension, data };
  }
}
