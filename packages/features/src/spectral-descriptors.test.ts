import { describe, expect, it } from "vitest";
import { SpectralDescriptors } from "./spectral-descriptors.js";

const BINS = 257;
const BIN_HZ = 31.25;
/** Output positions: 2 bands, 4 roll-offs, then the single descriptors. */
const BAND_250_650 = 0;
const BAND_1000_4000 = 1;
const ROLL_OFF_25 = 2;
const ROLL_OFF_90 = 5;
const FLUX = 6;
const CENTROID = 7;
const ENTROPY = 8;
const VARIANCE = 9;
const SKEWNESS = 10;
const KURTOSIS = 11;
const SLOPE = 12;
const SHARPNESS = 13;
const HARMONICITY = 14;

function compareDescriptors() {
  const magnitudes = new Float32Array(BINS);
  const powers = new Float32Array(BINS);
  const descriptors = new SpectralDescriptors(
    { magnitudes, powers },
    {
      bins: BINS,
      binHz: BIN_HZ,
      bands: [
        [250, 650],
        [1000, 4000],
      ],
      rollOffs: [0.25, 0.5, 0.75, 0.9],
    },
  );
  const out = new Float32Array(descriptors.dimension);
  /** The descriptors of the spectrum whose magnitudes are `values` (DC first). */
  const describe = (values: (k: number) => number) => {
    for (let k = 0; k < BINS; k += 1) {
      magnitudes[k] = values(k);
      powers[k] = (magnitudes[k] as number) ** 2;
    }
    descriptors.compute(out, 0);
    return Array.from(out);
  };
  return { descriptors, describe };
}

describe("SpectralDescriptors", () => {
  it("writes 15 values for ComParE's 2 bands and 4 roll-offs", () => {
    expect(compareDescriptors().descriptors.dimension).toBe(15);
  });

  it("describes a flat spectrum above DC by its bins 1..256", () => {
    const { describe: spectrum } = compareDescriptors();
    const out = spectrum((k) => (k === 0 ? 100 : 1));
    // 250-650 Hz: bin 8 (weight 1), bins 9-19, bin 20 (weight 0.8), over 256 bins
    expect(out[BAND_250_650]).toBeCloseTo(12.8 / 256, 7);
    // 1000-4000 Hz: bins 32..128 exactly on their frequencies, the last one counted once
    expect(out[BAND_1000_4000]).toBeCloseTo(97 / 256, 7);
    expect(out[ROLL_OFF_25]).toBe(64 * BIN_HZ);
    expect(out[ROLL_OFF_90]).toBe(231 * BIN_HZ);
    expect(out[CENTROID]).toBeCloseTo((257 / 2) * BIN_HZ, 2);
    expect(out[ENTROPY]).toBeCloseTo(8, 5);
    const variance = ((256 * 256 - 1) / 12) * BIN_HZ * BIN_HZ;
    expect((out[VARIANCE] as number) / variance).toBeCloseTo(1, 6);
    expect(out[SKEWNESS]).toBeCloseTo(0, 5);
    expect(out[KURTOSIS]).toBeCloseTo(1.8, 3);
    expect(out[SLOPE]).toBeCloseTo(0, 9);
    expect(out[HARMONICITY]).toBe(0);
  });

  it("gives a silent frame's roll-offs at the first bin and its entropy from the 1e-7 floor", () => {
    const { describe: spectrum } = compareDescriptors();
    const out = spectrum(() => 0);
    expect(out.slice(ROLL_OFF_25, ROLL_OFF_90 + 1)).toEqual([BIN_HZ, BIN_HZ, BIN_HZ, BIN_HZ]);
    expect(out[CENTROID]).toBe(0);
    // every power floored at 1e-7 over a total floored at float32 1e-7: slightly below 1 each
    expect(out[ENTROPY]).toBeCloseTo(4.316e-6, 8);
    expect(out[SHARPNESS]).toBe(0);
  });

  it("puts a single line's centroid on its bin with no spread", () => {
    const { describe: spectrum } = compareDescriptors();
    const out = spectrum((k) => (k === 40 ? 1 : 0));
    expect(out[CENTROID]).toBe(40 * BIN_HZ);
    expect(out[VARIANCE]).toBe(0);
    expect(out[SKEWNESS]).toBe(0);
    expect(out[KURTOSIS]).toBe(0);
    expect(out[ROLL_OFF_25]).toBe(40 * BIN_HZ);
  });

  it("has a flux of 0 on the first frame, then the RMS change of the magnitudes above DC", () => {
    const { describe: spectrum } = compareDescriptors();
    expect(spectrum(() => 1)[FLUX]).toBe(0);
    expect(spectrum((k) => (k === 0 ? 9 : 3))[FLUX]).toBeCloseTo(2, 6);
  });

  it("measures harmonicity as the mean rise and fall between extrema, halved, over 256", () => {
    const { describe: spectrum } = compareDescriptors();
    // a comb: peaks of power 4 every 4 bins from bin 4, minima of power 0 between them
    const comb = (k: number) => (k % 4 === 0 ? 2 : k % 4 === 2 ? 0 : 1);
    const out = spectrum(comb);
    // extrema at bins 4, 6, 8, ..., 254: 125 steps of 4 between consecutive ones
    expect(out[HARMONICITY]).toBeCloseTo((125 * 4) / 2 / 256, 6);
  });
});
