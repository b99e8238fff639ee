// Gathers the small pieces live capture produces (128-sample audio blocks, a frame or two of
// features) into messages of about 100 ms, so a stream costs ten messages a second, not hundreds.

export class ValueBatcher {
  private readonly buffer: Float32Array;
  private length = 0;

  /** `valuesPerMessage`: e.g. 10 frames x dimension, or 100 ms of samples. */
  constructor(valuesPerMessage: number) {
    this.buffer = new Float32Array(valuesPerMessage);
  }

  /** Adds values; calls `send` with each full message (a fresh copy the caller may keep). */
  add(values: Float32Array, send: (message: Float32Array) => void): void {
    let offset = 0;
    while (offset < values.length) {
      const take = Math.min(this.buffer.length - this.length, values.length - offset);
      this.buffer.set(values.subarray(offset, offset + take), this.length);
      this.length += take;
      offset += take;
      if (this.length === this.buffer.length) send(this.flush());
    }
  }

  /** What is gathered so far, possibly empty; the batcher starts over. */
  flush(): Float32Array {
    const message = this.buffer.slice(0, this.length);
    this.length = 0;
    return message;
  }
}
