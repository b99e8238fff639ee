import { describe, expect, it } from "vitest";
import { harmonicComplex } from "../test/harmonic-signal.js";
import { GemapsPitch } from "./gemaps-pitch.js";
import { PitchFrameStream } from "./pitch-frame-stream.js";

const RATE = 16000;

/** What the stream hands its subclass: frames pushed, frames decided (with their first sample). */
class Recorder extends PitchFrameStream {
  readonly pushed: number[] = [];
  readonly decided: { frame: number; firstSample: number }[] = [];
  /** Frames decided before lateRowsFollow, and those openSMILE had decided before the end. */
  onTime = -1;
  decidedBeforeEnd = -1;

  constructor() {
    super(new GemapsPitch(RATE));
  }

  override end(): void {
    this.decidedBeforeEnd = this.pitch.decidedFrames;
    super.end();
  }

  protected override framePushed(frame: number): void {
    this.pushed.push(frame);
  }

  protected frameDecided(frame: number): void {
    this.decided.push({ frame, firstSample: this.frame[0] as number });
  }

  protected lateRowsFollow(): void {
    this.onTime = this.decided.length;
  }
}

function record(samples: Float32Array, chunk: number): Recorder {
  const stream = new Recorder();
  for (let from = 0; from < samples.length; from += chunk) {
    stream.push(samples.subarray(from, from + chunk));
  }
  stream.end();
  return stream;
}

describe("PitchFrameStream", () => {
  const samples = harmonicComplex({ f0: 140, sampleRate: RATE, seconds: 1 });
  // 60 ms frames every 10 ms: (16000 - 960) / 160 + 1 whole frames.
  const frames = 95;

  it("pushes and decides every whole frame once, in order, with that frame's samples", () => {
    const stream = record(samples, 1234);
    const all = Array.from({ length: frames }, (_, frame) => frame);
    expect(stream.pushed).toEqual(all);
    expect(stream.decided.map(({ frame }) => frame)).toEqual(all);
    for (const { frame, firstSample } of stream.decided) {
      expect(firstSample).toBe(samples[frame * stream.frameStep]);
    }
  });

  it("hands out the frames decided before the end first, then says the late ones follow", () => {
    const stream = record(samples, samples.length);
    expect(stream.decidedBeforeEnd).toBeGreaterThan(0);
    expect(stream.onTime).toBe(stream.decidedBeforeEnd);
  });

  it("decides the same frames whatever the chunking", () => {
    expect(record(samples, 7).decided).toEqual(record(samples, samples.length).decided);
  });
});
