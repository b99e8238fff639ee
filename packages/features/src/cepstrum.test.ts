import { describe, expect, it } from "vitest";
import { RealCepstrum } from "./cepstrum.js";

describe("RealCepstrum", () => {
  it("is the inverse cosine transform of log(power + 1) over the symmetric spectrum, / bins", () => {
    const n = 16;
    const bins = n / 2 + 1;
    const magnitude = Float32Array.from({ length: bins }, (_, k) => ((k * 7) % 5) + k / 3);
    const power = magnitude.map((m) => m * m);
    const cepstrum = new Float32Array(n / 2);
    new RealCepstrum(n).compute(power, cepstrum);
    const logPower = Array.from(power, (p) => Math.log(p + 1));
    for (let j = 0; j < n / 2; j++) {
      let sum = ((logPower[0] as number) + (logPower[n / 2] as number) * (-1) ** j) / 2;
      for (let k = 1; k < n / 2; k++)
        sum += (logPower[k] as number) * Math.cos((2 * Math.PI * j * k) / n);
      expect(cepstrum[j]).toBeCloseTo(sum / bins, 5);
    }
  });

  it("keeps its sign (unlike the ACF) and is all zero for a silent frame", () => {
    const cepstrum = new Float32Array(8);
    new RealCepstrum(16).compute(new Float32Array(9), cepstrum);
    expect(Array.from(cepstrum)).toEqual(new Array(8).fill(0));
    const power = new Float32Array(9).fill(1);
    power[4] = 100;
    new RealCepstrum(16).compute(power, cepstrum);
    expect(Math.min(...cepstrum)).toBeLessThan(0);
  });
});
