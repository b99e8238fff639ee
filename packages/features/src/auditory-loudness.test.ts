import { describe, expect, it } from "vitest";
import { AuditoryLoudness, equalLoudnessWeight } from "./auditory-loudness.js";
import { openSmileBinSpacing } from "./mel-filterbank.js";

/** eGeMAPS's loudness chain on the 512-point spectrum of a 20 ms frame at 16 kHz. */
function gemapsLoudness(): AuditoryLoudness {
  return new AuditoryLoudness({
    bins: 257,
    binSpacingHz: openSmileBinSpacing(0.02, 320, 512),
    nBands: 26,
    lofreq: 20,
    hifreq: 8000,
    compression: 0.33,
  });
}

describe("equalLoudnessWeight", () => {
  it("is about 1 at 1 kHz and 0 at DC (Hermansky's curve as openSMILE scales it)", () => {
    expect(equalLoudnessWeight(1000)).toBeCloseTo(1.00406, 5);
    expect(equalLoudnessWeight(0)).toBe(0);
  });
});

describe("AuditoryLoudness", () => {
  it("gives openSMILE's loudness of digital silence (every band at cPlp's melfloor)", () => {
    const silence = new Float32Array(257);
    expect(gemapsLoudness().compute(silence, silence)).toBeCloseTo(1.033966e-3, 9);
  });

  it("is the mean of the auditory spectrum (cVectorOperation ll1), not its sum", () => {
    const loudness = gemapsLoudness();
    const powers = Float32Array.from({ length: 257 }, (_, k) => 1 / (1 + k));
    const value = loudness.compute(powers.map(Math.sqrt), powers);
    const bands = loudness.auditorySpectrum;
    expect(bands).toHaveLength(26);
    expect(value).toBeCloseTo(bands.reduce((sum, band) => sum + band, 0) / 26, 6);
  });

  it("follows the 0.33 power law of the band energies", () => {
    const loudness = gemapsLoudness();
    const powers = new Float32Array(257).fill(1);
    const quiet = loudness.compute(powers.map(Math.sqrt), powers);
    const loud = powers.map((power) => power * 1000);
    const ratio = loudness.compute(loud.map(Math.sqrt), loud) / quiet;
    expect(ratio).toBeCloseTo(1000 ** 0.33, 4);
  });
});
