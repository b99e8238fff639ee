// Cuts a stream of feature frames into windows of `windowFrames` every `hopFrames`, keeping only the
// last window's frames: a fixed ring, allocated once, so a stream's memory is bounded whatever it sends.
// Every frame also goes into the stream's running statistics, for cards normalised per speaker.
import { ZNormAccumulator } from "@emotion-stream/core";
import type { WindowNormalisation } from "./window-normalisation.js";

export interface WindowGeometry {
  readonly windowFrames: number;
  readonly hopFrames: number;
  /** Values per frame. */
  readonly dimension: number;
}

/** Receives each complete window: `index` counts windows from 0, frames are read through `ring`. */
export type WindowSink = (ring: FrameRing, index: number) => void;

export class FrameRing {
  readonly geometry: WindowGeometry;
  /** windowFrames x dimension values; frame t lives in row t % windowFrames. */
  readonly values: Float32Array;
  /**
   * 1 / L2 norm of each row's frame, computed once when the frame arrives rather than in each of the
   * windowFrames / hopFrames windows it belongs to (float64, as the per-window computation was).
   */
  private readonly inverseNorms: Float64Array;
  /**
   * Statistics of every frame appended, whatever the model: they describe the stream, so a reload
   * onto a per-speaker card finds them complete. When a window is cut they cover exactly the frames
   * up to its end.
   */
  readonly statistics: ZNormAccumulator;
  /** A per-stream normalisation's shift and scale for the window being copied. */
  private readonly streamAffine: { readonly shift: Float32Array; readonly scale: Float32Array };
  /** Frames appended since the stream opened. */
  framesSeen = 0;
  private nextWindowEnd: number;

  constructor(geometry: WindowGeometry) {
    this.geometry = geometry;
    this.values = new Float32Array(geometry.windowFrames * geometry.dimension);
    this.inverseNorms = new Float64Array(geometry.windowFrames);
    this.statistics = new ZNormAccumulator(geometry.dimension);
    this.streamAffine = {
      shift: new Float32Array(geometry.dimension),
      scale: new Float32Array(geometry.dimension),
    };
    this.nextWindowEnd = geometry.windowFrames;
  }

  /** The row of the window's oldest frame, for reading a just-cut window in time order. */
  get windowStartRow(): number {
    return this.framesSeen % this.geometry.windowFrames;
  }

  /**
   * Appends whole frames (row-major, `dimension` values each) and hands every window they complete
   * to `sink` before later frames overwrite it.
   */
  append(frames: Float32Array, sink: WindowSink): void {
    const { windowFrames, hopFrames, dimension } = this.geometry;
    const frameCount = frames.length / dimension;
    let read = 0;
    while (read < frameCount) {
      const count = Math.min(frameCount - read, this.nextWindowEnd - this.framesSeen);
      this.store(frames, read, count);
      read += count;
      if (this.framesSeen === this.nextWindowEnd) {
        sink(this, (this.nextWindowEnd - windowFrames) / hopFrames);
        this.nextWindowEnd += hopFrames;
      }
    }
  }

  /**
   * Copies the current window in time order into `target` at `offset`, normalised as the card says,
   * each frame followed by `languageColumns` (a language-aware model's; empty otherwise).
   */
  copyWindow(
    target: Float32Array,
    offset: number,
    normalisation: WindowNormalisation,
    languageColumns: Float32Array,
  ): void {
    const { windowFrames, dimension } = this.geometry;
    const values = this.values;
    let affine: { readonly shift: Float32Array; readonly scale: Float32Array } | undefined;
    if (normalisation.kind === "affine") affine = normalisation;
    else if (normalisation.kind === "per-stream") {
      affine = this.streamAffine;
      this.statistics.writeAffine(normalisation.prior, affine.shift, affine.scale);
    }
    // Rows start..windowFrames-1 then 0..start-1 hold the window's frames in time order.
    let row = this.windowStartRow;
    let out = offset;
    for (let frame = 0; frame < windowFrames; frame++) {
      const from = row * dimension;
      if (affine !== undefined) {
        const { shift, scale } = affine;
        for (let c = 0; c < dimension; c++) {
          target[out + c] =
            ((values[from + c] as number) - (shift[c] as number)) * (scale[c] as number);
        }
      } else {
        const scale = this.inverseNorms[row] as number;
        for (let c = 0; c < dimension; c++) target[out + c] = (values[from + c] as number) * scale;
      }
      out += dimension;
      if (languageColumns.length > 0) {
        target.set(languageColumns, out);
        out += languageColumns.length;
      }
      row = row + 1 === windowFrames ? 0 : row + 1;
    }
  }

  /**
   * Copies frames into the ring in at most two runs (it wraps once), noting each frame's L2 norm and
   * adding it to the statistics.
   */
  private store(frames: Float32Array, firstFrame: number, count: number): void {
    const { windowFrames, dimension } = this.geometry;
    let from = firstFrame;
    let remaining = count;
    while (remaining > 0) {
      const row = this.framesSeen % windowFrames;
      const run = Math.min(remaining, windowFrames - row);
      this.values.set(frames.subarray(from * dimension, (from + run) * dimension), row * dimension);
      for (let r = row; r < row + run; r++) {
        this.inverseNorms[r] = this.inverseNormOf(r);
        this.statistics.addFrame(this.values, r * dimension);
      }
      this.framesSeen += run;
      from += run;
      remaining -= run;
    }
  }

  private inverseNormOf(row: number): number {
    const { dimension } = this.geometry;
    let squares = 0;
    for (let c = row * dimension; c < (row + 1) * dimension; c++)
      squares += (this.values[c] as number) ** 2;
    // An all-zero frame has no direction; it stays all zeros rather than becoming NaN.
    return squares > 0 ? 1 / Math.sqrt(squares) : 0;
  }
}
