import { describe, expect, it } from "vitest";
import { zeroCrossingRate } from "./zero-crossing-rate.js";

describe("zeroCrossingRate", () => {
  it("counts sign changes among samples 1..N-2 and divides by N", () => {
    // +,-,+,-,+,-: samples 1..4 each follow a sign change -> 4 / 6
    const frame = Float32Array.from([1, -1, 1, -1, 1, -1]);
    expect(zeroCrossingRate(frame)).toBe(Math.fround(4 / 6));
  });

  it("counts an exact zero between samples of opposite sign once", () => {
    expect(zeroCrossingRate(Float32Array.from([1, 0, -1, -1]))).toBe(0.25);
  });

  it("counts every inner sample of digital silence, as openSMILE does", () => {
    expect(zeroCrossingRate(new Float32Array(400))).toBe(Math.fround(398 / 400));
  });

  it("is 0 for a frame that keeps its sign", () => {
    expect(zeroCrossingRate(new Float32Array(400).fill(0.1))).toBe(0);
  });

  it("is about twice the frequency over the rate for a sine", () => {
    // 440 Hz at 16 kHz: 11 periods, 22 crossings, of which the edge rule may miss one
    const frame = Float32Array.from({ length: 400 }, (_, t) =>
      Math.sin((2 * Math.PI * 440 * t) / 16000 + 0.1),
    );
    expect(zeroCrossingRate(frame)).toBeGreaterThanOrEqual(Math.fround(21 / 400));
    expect(zeroCrossingRate(frame)).toBeLessThanOrEqual(Math.fround(22 / 400));
  });
});
