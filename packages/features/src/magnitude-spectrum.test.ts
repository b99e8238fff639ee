import FFT from "fft.js";
import { describe, expect, it } from "vitest";
import { MagnitudeSpectrum, nextPowerOfTwo } from "./magnitude-spectrum.js";

function directMagnitudes(frame: Float32Array, size: number): number[] {
  const magnitudes: number[] = [];
  for (let k = 0; k <= size / 2; k += 1) {
    let re = 0;
    let im = 0;
    frame.forEach((value, t) => {
      re += value * Math.cos((2 * Math.PI * k * t) / size);
      im -= value * Math.sin((2 * Math.PI * k * t) / size);
    });
    magnitudes.push(Math.hypot(re, im));
  }
  return magnitudes;
}

/** Magnitudes of `frame` through a fresh MagnitudeSpectrum. */
function magnitudesOf(frame: Float32Array): Float32Array {
  const spectrum = new MagnitudeSpectrum(frame.length);
  spectrum.input.set(frame);
  spectrum.transform();
  return spectrum.magnitudes;
}

describe("MagnitudeSpectrum", () => {
  it("pads 400 samples to 512 and 1103 to 2048 (next power of two)", () => {
    expect(nextPowerOfTwo(400)).toBe(512);
    expect(nextPowerOfTwo(1103)).toBe(2048);
    expect(new MagnitudeSpectrum(200).magnitudes).toHaveLength(129);
  });

  it("matches a direct DFT of the zero-padded frame, DC and Nyquist included", () => {
    const frame = Float32Array.from(
      { length: 400 },
      (_, t) => Math.sin(t * 0.3) + ((t * 7919) % 13) / 13 - 0.5,
    );
    const ours = magnitudesOf(frame);
    directMagnitudes(frame, 512).forEach((expected, k) => {
      expect(ours[k]).toBeCloseTo(expected, 3);
    });
  });

  it("gives the float32 square of each float32 magnitude as the power", () => {
    const frame = Float32Array.from({ length: 400 }, (_, t) => Math.sin(t * 0.7) * 0.3);
    const spectrum = new MagnitudeSpectrum(400);
    spectrum.input.set(frame);
    spectrum.transform();
    spectrum.magnitudes.forEach((magnitude, k) => {
      expect(spectrum.powers[k]).toBe(Math.fround(magnitude * magnitude));
    });
  });

  it("agrees with fft.js's realTransform", () => {
    const frame = Float32Array.from({ length: 1103 }, (_, t) => Math.cos(t * 0.01 * t));
    const ours = magnitudesOf(frame);
    const fft = new FFT(2048);
    const input = new Float64Array(2048);
    input.set(frame);
    const out = new Float64Array(4096);
    fft.realTransform(out, input);
    for (let k = 0; k <= 1024; k += 1) {
      const expected = Math.hypot(out[2 * k] ?? 0, out[2 * k + 1] ?? 0);
      expect(Math.abs((ours[k] ?? 0) - expected)).toBeLessThan(1e-4 * Math.max(1, expected));
    }
  });
});
