import { describe, expect, it } from "vitest";
import { PackedRealSpectrum } from "./packed-real-spectrum.js";
import { SpectralResample } from "./spectral-resample.js";

/** The packed spectrum of cos(2 pi bin j / 512) over the whole 512-sample buffer. */
function toneSpectrum(bin: number): Float32Array {
  const spectrum = new PackedRealSpectrum(512, false);
  spectrum.input.forEach((_, j) => {
    spectrum.input[j] = Math.cos((2 * Math.PI * bin * j) / 512);
  });
  spectrum.transform();
  return spectrum.packed;
}

describe("PackedRealSpectrum (cTransformFFT's layout)", () => {
  it("stores Re X0, Re X(N/2), then re and +sum x sin per bin (Ooura's rdft sign)", () => {
    const spectrum = new PackedRealSpectrum(8, false);
    // x_j = 1 + sin(2 pi j / 8) + (-1)^j
    spectrum.input.forEach((_, j) => {
      spectrum.input[j] = 1 + Math.sin((2 * Math.PI * j) / 8) + (-1) ** j;
    });
    spectrum.transform();
    const expected = [8, 8, 0, 4, 0, 0, 0, 0];
    Array.from(spectrum.packed).forEach((v, i) => {
      expect(v).toBeCloseTo(expected[i] as number, 5);
    });
  });

  it("centres the frame in the zeros with zeroPadSymmetric (320 in 512: 96 zeros first)", () => {
    expect(new PackedRealSpectrum(320, true).frameOffset).toBe(96);
    expect(new PackedRealSpectrum(320, false).frameOffset).toBe(0);
  });
});

describe("SpectralResample (cSpecResample)", () => {
  // 20 ms at 16 kHz (320 samples, FFT 512) to 11 kHz: 220 output samples, the 512-sample buffer
  // spanning 352 of them.
  const resample = new SpectralResample({
    fftSize: 512,
    frameSize: 320,
    sampleRate: 16000,
    targetRate: 11000,
  });

  it("writes round(320 * 11000 / 16000) = 220 samples", () => {
    expect(resample.output).toHaveLength(220);
  });

  it("keeps a tone's frequency in Hz: bin 8 of 512 at 16 kHz is 8 cycles per 352 samples at 11 kHz", () => {
    const output = resample.compute(toneSpectrum(8));
    output.forEach((v, i) => {
      expect(v).toBeCloseTo(Math.cos((2 * Math.PI * 8 * i) / 352), 4);
    });
  });

  it("drops bins from min(N, outputs) / 2 = 110 up, as openSMILE does (3.4 kHz, not 5.5 kHz)", () => {
    const kept = resample.compute(toneSpectrum(109));
    expect(Math.max(...Array.from(kept, Math.abs))).toBeGreaterThan(0.99);
    const dropped = resample.compute(toneSpectrum(110));
    expect(Math.max(...Array.from(dropped, Math.abs))).toBeLessThan(1e-4);
  });
});

describe("SpectralResample's float32 chains, WebAssembly SIMD or not", () => {
  it("gives every output the bits of one float32 chain in openSMILE's order", () => {
    const fftSize = 512;
    const outputs = 220;
    const resample = new SpectralResample({
      fftSize,
      frameSize: 320,
      sampleRate: 16000,
      targetRate: 11000,
    });
    const packed = Float32Array.from({ length: fftSize }, (_, j) => Math.sin(j * 0.37) * 100);
    const period = fftSize * (outputs / 320);
    const expected = Float32Array.from({ length: outputs }, (_, i) => {
      let value = packed[0] as number;
      for (let k = 1; k < outputs / 2; k += 1) {
        const angle = (2 * Math.PI * (k * i)) / period;
        value = Math.fround(
          value + Math.fround((packed[2 * k] as number) * Math.fround(Math.cos(angle))),
        );
        value = Math.fround(
          value + Math.fround((packed[2 * k + 1] as number) * Math.fround(Math.sin(angle))),
        );
      }
      return value / 256;
    });
    expect(resample.compute(packed)).toEqual(expected);
  });
});
