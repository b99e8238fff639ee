// The most recent samples of a stream, addressed by their index since the stream began: a
// component that decides late about a frame (eGeMAPS's pitch smoother, 39 frames later) reads
// that frame's samples from here, in bounded memory.
import { EmotionStreamError } from "@emotion-stream/core";

export class SampleHistory {
  private readonly ring: Float32Array;
  /** Index, since the stream began, of the sample after the newest one. */
  private written = 0;

  /** Keeps the last `capacity` samples. */
  constructor(capacity: number) {
    this.ring = new Float32Array(capacity);
  }

  /** Index of the sample after the newest one (the number of samples appended so far). */
  get end(): number {
    return this.written;
  }

  /** Appends `samples[from..to)`; at most `capacity` at a time keeps them all readable. */
  append(samples: Float32Array, from: number, to: number): void {
    const { ring } = this;
    // Up to the ring's end, then from its start: no division per sample.
    let at = this.written % ring.length;
    for (let i = from; i < to; i += 1) {
      ring[at] = samples[i] as number;
      at += 1;
      if (at === ring.length) at = 0;
    }
    this.written += Math.max(0, to - from);
  }

  /** Copies the `target.length` samples from index `start` into `target`. */
  copy(start: number, target: Float32Array): void {
    const { ring } = this;
    if (start < this.written - ring.length || start + target.length > this.written) {
      throw new EmotionStreamError(
        "INTERNAL_ERROR",
        `samples ${start}..${start + target.length} are not in the history (it holds ${Math.max(0, this.written - ring.length)}..${this.written})`,
      );
    }
    const first = start % ring.length;
    const straight = Math.min(target.length, ring.length - first);
    target.set(ring.subarray(first, first + straight));
    if (straight < target.length) target.set(ring.subarray(0, target.length - straight), straight);
  }
}
