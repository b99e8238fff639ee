import { describe, expect, it } from "vitest";
import { rmsEnergy } from "./energy.js";

describe("rmsEnergy", () => {
  it("is the magnitude of a constant frame", () => {
    expect(rmsEnergy(new Float32Array(400).fill(-0.25))).toBe(0.25);
  });

  it("is amplitude / sqrt(2) for whole periods of a sine", () => {
    const frame = Float32Array.from(
      { length: 400 },
      (_, t) => 0.5 * Math.sin((2 * Math.PI * t) / 40),
    );
    expect(rmsEnergy(frame)).toBeCloseTo(0.5 / Math.SQRT2, 6);
  });

  it("divides by the frame length, zeros included", () => {
    const frame = new Float32Array(4);
    frame[0] = 1;
    expect(rmsEnergy(frame)).toBe(0.5);
  });

  it("is 0 for an empty or silent frame", () => {
    expect(rmsEnergy(new Float32Array(0))).toBe(0);
    expect(rmsEnergy(new Float32Array(400))).toBe(0);
  });
});
