import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { itIsASimdKernel } from "../../test/simd-kernel-tests.js";
import { periodCorrelations } from "../period-correlations.js";
import { PITCH_KERNELS_WASM, type PitchKernels, pitchKernels } from "./pitch-kernels.js";

function kernels(): PitchKernels {
  const found = pitchKernels();
  if (found === null) throw new Error("no WebAssembly SIMD in this Node");
  return found;
}

/** Bits, so that -0 and NaN count as themselves. */
const bits = (values: Float32Array | Float64Array) =>
  Array.from(values, (value) => (Object.is(value, -0) ? "-0" : String(value)));

/** A voiced-looking waveform: a few harmonics, noise, and a flat stretch (whose correlations are NaN). */
const waveform = fc
  .record({
    length: fc.integer({ min: 40, max: 1800 }),
    period: fc.double({ min: 8, max: 300, noNaN: true }),
    noise: fc.double({ min: 0, max: 0.5, noNaN: true }),
    flatFrom: fc.nat(1800),
    seed: fc.nat(),
  })
  .map(({ length, period, noise, flatFrom, seed }) => {
    let state = seed;
    const random = () => {
      state = (state * 1103515245 + 12345) % 2147483648;
      return state / 2147483648 - 0.5;
    };
    const x = Float32Array.from({ length }, (_, t) => {
      const phase = (2 * Math.PI * t) / period;
      return 0.4 * Math.sin(phase) + 0.2 * Math.sin(2 * phase + 1) + noise * random();
    });
    x.fill(0, flatFrom, flatFrom + 60);
    return x;
  });

describe("the pitch WebAssembly kernels", () => {
  itIsASimdKernel({
    wat: join(import.meta.dirname, "pitch-kernels.wat"),
    bytes: PITCH_KERNELS_WASM,
    instance: pitchKernels,
  });

  it("give cPitchJitter's period correlations bit for bit, for any group of lengths", () => {
    fc.assert(
      fc.property(
        waveform,
        fc.integer({ min: 2, max: 400 }),
        fc.nat(40),
        fc.nat(),
        (x, shortest, extra, start) => {
          const longest = shortest + extra;
          // measurePeriods reads at most 2 (longest + 1) samples from its position.
          fc.pre(2 * longest + 2 <= x.length);
          const at = start % (x.length - 2 * longest - 1);
          const expected = new Float64Array(extra + 1);
          const actual = new Float64Array(extra + 1);
          periodCorrelations(x, at, shortest, longest, expected, null);
          kernels().crossCorrelations(x, at, shortest, longest, actual);
          expect(bits(actual)).toEqual(bits(expected));
        },
      ),
      { numRuns: 300 },
    );
  });

  it("give cPitchShs's float32 subharmonic sums bit for bit", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 700 }),
        fc.integer({ min: 2, max: 20 }),
        fc.nat(),
        (points, harmonics, seed) => {
          let state = seed;
          const random = () => {
            state = (state * 1103515245 + 12345) % 2147483648;
            return state / 2147483648;
          };
          const spectrum = Float32Array.from({ length: points }, () =>
            random() < 0.3 ? 0 : random() * 10,
          );
          const shifts = Int32Array.from({ length: harmonics + 1 }, (_, h) =>
            h < 2 ? 0 : Math.floor(60 * Math.log2(h)),
          );
          const scales = Float32Array.from({ length: harmonics + 1 }, (_, h) => 0.85 ** (h - 1));
          // The plain loop: float32 products and sums, harmonic by harmonic.
          const expected = Float32Array.from(spectrum);
          for (let h = 2; h <= harmonics; h += 1) {
            const shift = shifts[h] as number;
            for (let j = shift; j < points; j += 1) {
              expected[j - shift] =
                (expected[j - shift] as number) +
                Math.fround((spectrum[j] as number) * (scales[h] as number));
            }
          }
          const actual = new Float32Array(points);
          kernels().subharmonicSum(spectrum, shifts, scales, actual);
          expect(bits(actual)).toEqual(bits(expected));
        },
      ),
      { numRuns: 200 },
    );
  });
});
