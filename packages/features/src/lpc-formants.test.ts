import { describe, expect, it } from "vitest";
import { polynomialProduct } from "../test/polynomial-product.js";
import { LpcFormants } from "./lpc-formants.js";

const RATE = 11000;

/**
 * LPC coefficients a1..ap whose openSMILE polynomial x^p - a1 x^(p-1) - ... - ap has the given
 * roots (pairs r e^(+-i 2 pi f / rate) and real roots).
 */
function coefficientsWithRoots(pairs: [number, number][], realRoots: number[]): Float32Array {
  // Descending powers: 1, -a1, ..., -ap.
  const poly = polynomialProduct(
    ...pairs.map(([frequency, radius]) => [
      1,
      -2 * radius * Math.cos((2 * Math.PI * frequency) / RATE),
      radius * radius,
    ]),
    ...realRoots.map((root) => [1, -root]),
  );
  return Float32Array.from(poly.slice(1), (c) => -c);
}

const bandwidthOf = (radius: number) => (-Math.log(radius) * RATE) / Math.PI;

describe("LpcFormants (cFormantLpc, root method)", () => {
  const formants = new LpcFormants({
    count: 5,
    minFrequency: 50,
    maxFrequency: 5450,
    sampleRate: RATE,
  });

  it("reads formant frequencies and bandwidths from the roots, ascending, missing ones 0", () => {
    formants.compute(
      coefficientsWithRoots(
        [
          [2000, 0.9],
          [700, 0.95],
        ],
        [0.5],
      ),
    );
    expect(formants.frequencies[0]).toBeCloseTo(700, 2);
    expect(formants.frequencies[1]).toBeCloseTo(2000, 2);
    expect(formants.bandwidths[0]).toBeCloseTo(bandwidthOf(0.95), 2);
    expect(formants.bandwidths[1]).toBeCloseTo(bandwidthOf(0.9), 2);
    expect(Array.from(formants.frequencies.slice(2))).toEqual([0, 0, 0]);
  });

  it("reflects roots outside the unit circle inside (same frequency, radius inverted)", () => {
    formants.compute(coefficientsWithRoots([[1200, 1 / 0.8]], []));
    expect(formants.frequencies[0]).toBeCloseTo(1200, 2);
    expect(formants.bandwidths[0]).toBeCloseTo(bandwidthOf(0.8), 2);
  });

  it("skips roots below minF and above maxF", () => {
    formants.compute(
      coefficientsWithRoots(
        [
          [30, 0.9],
          [5480, 0.9],
          [3000, 0.9],
        ],
        [],
      ),
    );
    expect(Array.from(formants.frequencies.slice(0, 2))).toEqual([Math.fround(3000), 0]);
  });

  it("gives no formant for the all-zero coefficients of a silent frame", () => {
    formants.compute(new Float32Array(11));
    expect(Array.from(formants.frequencies)).toEqual([0, 0, 0, 0, 0]);
    expect(Array.from(formants.bandwidths)).toEqual([0, 0, 0, 0, 0]);
  });
});
