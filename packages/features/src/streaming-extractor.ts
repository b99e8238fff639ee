// Incremental extraction: samples arrive in chunks of any size, frames leave as soon as every
// stage has the context it needs. Memory is one frame of samples plus each stage's context rows,
// whatever the input length; batch extraction is this same code fed once. A frame that lies
// inside the chunk is read where it is; only a frame that straddles chunks is assembled in a copy.
import { EmotionStreamError } from "@emotion-stream/core";
import { ContextualStageRunner, trailingRowCount } from "./contextual-stage.js";
import { copyValues } from "./copy-values.js";
import type { FeatureMatrix } from "./feature-matrix.js";
import type { FeaturePipeline } from "./feature-set.js";

export interface StreamingExtractor {
  readonly dimension: number;
  /** Rows it may hold back after the frame whose samples completed them (its stages' lookahead). */
  readonly delayFrames: number;
  /** Feeds mono samples in [-1, 1]; returns the frames this chunk completed (maybe none). */
  push(chunk: Float32Array): FeatureMatrix;
  /** Ends the input; returns the frames held back for lookahead or edge padding. */
  end(): FeatureMatrix;
}

/** `expectedSamples` (batch extraction) sizes the output once, so it is returned without a copy. */
export function createPipelineStreamingExtractor(
  pipeline: FeaturePipeline,
  expectedSamples?: number,
): StreamingExtractor {
  const frames =
    expectedSamples === undefined ? 64 : Math.floor(expectedSamples / pipeline.frameStep) + 1;
  return new PipelineStreamingExtractor(pipeline, Math.max(1, frames));
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

/** Feeds all of `samples` and ends: one matrix of every frame (for extractors of other kinds). */
export function extractAll(extractor: StreamingExtractor, samples: Float32Array): FeatureMatrix {
  const first = extractor.push(samples);
  const rest = extractor.end();
  if (first.frames === 0) return rest;
  if (rest.frames === 0) return first;
  const data = new Float32Array(first.data.length + rest.data.length);
  data.set(first.data);
  data.set(rest.data, first.data.length);
  return { frames: first.frames + rest.frames, dimension: first.dimension, data };
}

class PipelineStreamingExtractor implements StreamingExtractor {
  readonly dimension: number;
  readonly delayFrames: number;
  private readonly pipeline: FeaturePipeline;
  private readonly runners: ContextualStageRunner[];
  /** Samples from `nextFrameStart` on that arrived before the current chunk (< frameSize). */
  private readonly held: Float32Array;
  private heldCount = 0;
  /** A frame assembled from `held` and the start of a chunk. */
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
    this.delayFrames = pipeline.contextualStages.reduce((sum, stage) => sum + stage.lookahead, 0);
    this.runners = pipeline.contextualStages.map((stage) => new ContextualStageRunner(stage));
    this.held = new Float32Array(pipeline.frameSize);
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
    const { frameSize, frameStep } = this.pipeline;
    const chunkStart = this.written;
    const chunkEnd = chunkStart + chunk.length;
    while (this.nextFrameStart + frameSize <= chunkEnd) {
      const start = this.nextFrameStart;
      if (start >= chunkStart) {
        this.processFrame(chunk, start - chunkStart);
      } else {
        // held[0] is sample chunkStart - heldCount; the frame continues into the chunk.
        const fromHeld = chunkStart - start;
        copyValues(this.held, this.heldCount - fromHeld, this.frame, 0, fromHeld);
        copyValues(chunk, 0, this.frame, fromHeld, frameSize - fromHeld);
        this.processFrame(this.frame, 0);
      }
      this.nextFrameStart = start + frameStep;
    }
    this.hold(chunk, chunkStart, chunkEnd);
    this.written = chunkEnd;
  }

  end(): FeatureMatrix {
    if (this.ended) return this.takePending();
    this.ended = true;
    const tail = this.shortFrameTail();
    for (let level = 0; level < this.runners.length; level += 1) {
      const runner = this.runners[level];
      if (runner === undefined) continue;
      runner.end(level === 0 ? tail : undefined);
      this.drain(level);
    }
    return this.takePending();
  }

  /** The short-frame columns of the frame after the last whole one, when their frame fits. */
  private shortFrameTail() {
    const columns = this.pipeline.frameProcessor.shortFrameColumns;
    if (columns === undefined || this.heldCount < columns.frameSize) return undefined;
    // `held` starts at nextFrameStart, the first frame that did not fit.
    columns.process(this.held, 0, this.frameRow);
    return { row: this.frameRow, ...columns };
  }

  /** Keeps the samples from `nextFrameStart` to the chunk's end for the next chunk's frames. */
  private hold(chunk: Float32Array, chunkStart: number, chunkEnd: number): void {
    const keepFrom = this.nextFrameStart;
    if (keepFrom >= chunkEnd) {
      this.heldCount = 0;
    } else if (keepFrom >= chunkStart) {
      this.heldCount = chunkEnd - keepFrom;
      copyValues(chunk, keepFrom - chunkStart, this.held, 0, this.heldCount);
    } else {
      // The next frame starts among the held samples: keep their tail, append the whole chunk.
      const kept = chunkStart - keepFrom;
      this.held.copyWithin(0, this.heldCount - kept, this.heldCount);
      copyValues(chunk, 0, this.held, kept, chunk.length);
      this.heldCount = kept + chunk.length;
    }
  }

  private processFrame(samples: Float32Array, start: number): void {
    this.framesProcessed += 1;
    this.pipeline.frameProcessor.process(samples, start, this.frameRow, 0);
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
    copyValues(row, 0, this.pending, offset, this.dimension);
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
