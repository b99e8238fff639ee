import { describe, expect, it } from "vitest";
import { Float32WindowedSpectrum } from "./float32-windowed-spectrum.js";
import { hammingWindow } from "./window-function.js";
import { WindowedMagnitudeSpectrum } from "./windowed-magnitude-spectrum.js";

const frame = Float32Array.from(
  { length: 400 },
  (_, t) => Math.sin(0.3 * t) + 0.1 * Math.cos(t * t),
);

describe("Float32WindowedSpectrum", () => {
  it("pads the frame to the next power of two", () => {
    expect(new Float32WindowedSpectrum(hammingWindow(320)).fftSize).toBe(512);
    expect(new Float32WindowedSpectrum(hammingWindow(882)).fftSize).toBe(1024);
  });

  it("has the magnitudes of the frame padded at its end, to float32 rounding", () => {
    const window = hammingWindow(320);
    const exact = new Float32WindowedSpectrum(window);
    const double = new WindowedMagnitudeSpectrum(window);
    exact.compute(frame, 40);
    double.compute(frame, 40);
    const peak = Math.max(...double.magnitudes);
    exact.magnitudes.forEach((magnitude, k) => {
      expect(Math.abs(magnitude - (double.magnitudes[k] as number)) / peak).toBeLessThan(1e-6);
    });
  });

  it("keeps the float32 squares of the magnitudes as powers", () => {
    const spectrum = new Float32WindowedSpectrum(hammingWindow(320));
    spectrum.compute(frame, 0);
    spectrum.powers.forEach((power, k) => {
      expect(power).toBe(Math.fround((spectrum.magnitudes[k] as number) ** 2));
    });
  });
});
