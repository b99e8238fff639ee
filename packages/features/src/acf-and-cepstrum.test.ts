import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AcfAndCepstrum } from "./acf-and-cepstrum.js";

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

/** ACF and cepstrum of a power spectrum through a fresh AcfAndCepstrum of size n. */
function transform(n: number, power: Float32Array) {
  const acf = new Float32Array(n / 2);
  const cepstrum = new Float32Array(n / 2);
  new AcfAndCepstrum(n).compute(power, acf, cepstrum);
  return { acf, cepstrum };
}

describe("AcfAndCepstrum: autocorrelation", () => {
  it("is the circular autocorrelation scaled by n / (2 bins), as cAcf normalises it", () => {
    const n = 32;
    fc.assert(
      fc.property(
        fc.array(fc.float({ min: -1, max: 1, noNaN: true }), { minLength: n, maxLength: n }),
        (signal) => {
          const { acf } = transform(n, powerSpectrum(signal));
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
    const { acf } = transform(n, powerSpectrum(signal));
    expect(acf[32]).toBeCloseTo(acf[0] as number, 3);
    expect(acf[16]).toBeCloseTo(acf[0] as number, 3);
    expect(acf[8]).toBeLessThan(1e-3);
  });
});

describe("AcfAndCepstrum: cepstrum", () => {
  /** The cepstrum by its definition: the inverse cosine transform of log(power + 1), / bins. */
  function directCepstrum(power: Float32Array, n: number): number[] {
    const bins = n / 2 + 1;
    const logPower = Array.from(power, (p) => Math.log(p + 1));
    return Array.from({ length: n / 2 }, (_, j) => {
      let sum = ((logPower[0] as number) + (logPower[n / 2] as number) * (-1) ** j) / 2;
      for (let k = 1; k < n / 2; k++)
        sum += (logPower[k] as number) * Math.cos((2 * Math.PI * j * k) / n);
      return sum / bins;
    });
  }

  it("is the inverse cosine transform of log(power + 1) over the symmetric spectrum, / bins", () => {
    const n = 16;
    const magnitude = Float32Array.from({ length: n / 2 + 1 }, (_, k) => ((k * 7) % 5) + k / 3);
    const power = magnitude.map((m) => m * m);
    const { cepstrum } = transform(n, power);
    directCepstrum(power, n).forEach((expected, j) => {
      expect(cepstrum[j]).toBeCloseTo(expected, 5);
    });
  });

  it("matches its definition on random spectra of a 512-point frame, as IS09 runs it", () => {
    const n = 512;
    fc.assert(
      fc.property(
        fc.array(fc.float({ min: 0, max: 1e6, noNaN: true }), {
          minLength: n / 2 + 1,
          maxLength: n / 2 + 1,
        }),
        (values) => {
          const power = Float32Array.from(values);
          const { cepstrum } = transform(n, power);
          directCepstrum(power, n).forEach((expected, j) => {
            expect(Math.abs((cepstrum[j] as number) - expected)).toBeLessThan(1e-5);
          });
        },
      ),
      { numRuns: 10 },
    );
  });

  it("keeps its sign (unlike the ACF) and is all zero for a silent frame", () => {
    expect(Array.from(transform(16, new Float32Array(9)).cepstrum)).toEqual(new Array(8).fill(0));
    const power = new Float32Array(9).fill(1);
    power[4] = 100;
    expect(Math.min(...transform(16, power).cepstrum)).toBeLessThan(0);
  });
});
