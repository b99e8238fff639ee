import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Autocorrelation } from "./autocorrelation.js";

/** |X_k|^2 of a real sequence, by the definition (float32, as MagnitudeSpectrum.powers). */
function powerSpectrum(signal: readonly number[]): Float32Array {
  const n = signal.length;
  return Float32Array.from({ length: n / 2 + 1 }, (_, k) => {
    let re = 0;
    let im = 0;
    signal.forEach((x, t) => {
      re += x * Math.cos((2 * Math.PI * k * t) / n);
      im -= x * Math.sin((2 * Math.PI * k * t) / n);
    });
    return Math.fround(Math.hypot(re, im)) ** 2;
  });
}

describe("Autocorrelation", () => {
  it("is the circular autocorrelation scaled by n / (2 bins), as cAcf normalises it", () => {
    const n = 32;
    fc.assert(
      fc.property(
        fc.array(fc.float({ min: -1, max: 1, noNaN: true }), { minLength: n, maxLength: n }),
        (signal) => {
          const acf = new Float32Array(n / 2);
          new Autocorrelation(n).compute(powerSpectrum(signal), acf);
          const scale = n / (2 * (n / 2 + 1));
          for (let lag = 0; lag < n / 2; lag++) {
            let r = 0;
            for (let t = 0; t < n; t++)
              r += (signal[t] as number) * (signal[(t + lag) % n] as number);
            expect(acf[lag]).toBeCloseTo(Math.abs(scale * r), 4);
          }
        },
      ),
      { numRuns: 50 },
    );
  });

  it("peaks at lag 0 and again at the period of a periodic frame", () => {
    const n = 512;
    const signal = Array.from({ length: n }, (_, t) => Math.cos((2 * Math.PI * t) / 32));
    const acf = new Float32Array(n / 2);
    new Autocorrelation(n).compute(powerSpectrum(signal), acf);
    expect(acf[32]).toBeCloseTo(acf[0] as number, 3);
    expect(acf[16]).toBeCloseTo(acf[0] as number, 3);
    expect(acf[8]).toBeLessThan(1e-3);
  });
});
