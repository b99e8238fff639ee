import { describe, expect, it } from "vitest";
import { frameGeometry, roundHalfAwayFromZero, wholeFrameCount } from "./framing.js";

describe("frame geometry", () => {
  it("converts 25 ms / 10 ms to samples with C rounding at every rate", () => {
    expect(frameGeometry(16000, 0.025, 0.01)).toEqual({ frameSize: 400, frameStep: 160 });
    expect(frameGeometry(8000, 0.025, 0.01)).toEqual({ frameSize: 200, frameStep: 80 });
    // 1102.5 samples: C round() goes away from zero.
    expect(frameGeometry(44100, 0.025, 0.01)).toEqual({ frameSize: 1103, frameStep: 441 });
  });

  it("rounds halves away from zero on both sides", () => {
    expect(roundHalfAwayFromZero(2.5)).toBe(3);
    expect(roundHalfAwayFromZero(-2.5)).toBe(-3);
  });

  it("counts whole frames as openSMILE: floor((N - size) / step) + 1", () => {
    const geometry = frameGeometry(16000, 0.025, 0.01);
    expect(wholeFrameCount(65937, geometry)).toBe(410);
    expect(wholeFrameCount(1920, geometry)).toBe(10);
    expect(wholeFrameCount(16000, geometry)).toBe(98);
    expect(wholeFrameCount(400, geometry)).toBe(1);
    expect(wholeFrameCount(399, geometry)).toBe(0);
  });
});
