// Cuts a stream of feature frames into windows of `windowFrames` every `hopFrames`, keeping only the
// last window's frames: a fixed ring, allocated once, so a stream's memory is bounded whatever it sends.
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
  /** Frames appended since the stream opened. */
  framesSeen = 0;
  private nextWindowEnd: number;

  constructor(geometry: WindowGeometry) {
    this.geometry = geometry;
    this.values = new Float32Array(geometry.windowFrames * geometry.dimension);
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

  /** Copies the current window in time order into `target` at `offset`, normalised as the card says. */
  copyWindow(target: Float32Array, offset: number, normalisation: WindowNormalisation): void {
    const { windowFrames, dimension } = this.geometry;
    const start = this.windowStartRow;
    for (let frame = 0; frame < windowFrames; frame++) {
      const row = ((start + frame) % windowFrames) * dimension;
      const out = offset + frame * dimension;
      if (normalisation.kind === "affine") {
        const { shift, scale } = normalisation;
        for (let c = 0; c < dimension; c++) {
          target[out + c] = ((this.values[row + c] ?? 0) - (shift[c] ?? 0)) * (scale[c] ?? 1);
        }
      } else {
        this.copyUnitNorm(target, out, row);
      }
    }
  }

  private copyUnitNorm(target: Float32Array, out: number, row: number): void {
    const { dimension } = this.geometry;
    let squares = 0;
    for (let c = 0; c < dimension; c++) squares += (this.values[row + c] ?? 0) ** 2;
    // An all-zero frame has no direction; it stays all zeros rather than becoming NaN.
    const scale = squares > 0 ? 1 / Math.sqrt(squares) : 0;
    for (let c = 0; c < dimension; c++) target[out + c] = (this.values[row + c] ?? 0) * scale;
  }

  private store(frames: Float32Array, firstFrame: number, count: number): void {
    const { windowFrames, dimension } = this.geometry;
    for (let frame = 0; frame < count; frame++) {
      const row = (this.framesSeen % windowFrames) * dimension;
      const from = (firstFrame + frame) * dimension;
      this.values.set(frames.subarray(from, from + dimension), row);
      this.framesSeen++;
    }
  }
}
