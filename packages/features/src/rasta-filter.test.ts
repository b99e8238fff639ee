import { describe, expect, it } from "vitest";
import { RastaFilter } from "./rasta-filter.js";

/** The filter's output for one band fed `inputs` frame by frame. */
function filterBand(inputs: readonly number[]): number[] {
  const filter = new RastaFilter({ bands: 1, framePeriodSeconds: 0.01 });
  const value = new Float32Array(1);
  return inputs.map((input) => {
    value[0] = input;
    filter.filter(value);
    return value[0] as number;
  });
}

describe("RastaFilter", () => {
  it("outputs 0 for the first five frames, whatever the input", () => {
    expect(filterBand([3, -1, 4, 1, -5, 9]).slice(0, 5)).toEqual([0, 0, 0, 0, 0]);
  });

  it("removes a constant (the FIR taps sum to zero)", () => {
    const outputs = filterBand(Array.from({ length: 40 }, () => -20.7));
    for (const output of outputs.slice(5)) expect(Math.abs(output)).toBeLessThan(1e-5);
  });

  it("is Hermansky's band-pass: FIR taps about (2, 1, 0, -1, -2) / 10, pole 1 - sin(2 pi 0.01)", () => {
    const impulse = filterBand([0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0]);
    // The impulse enters at frame 5, when the pole is already on: the response rings with it.
    const om = Math.cos(2 * Math.PI * 29 * 0.01);
    const norm = Math.sqrt(10 * (32 * om * om + 8));
    const taps = [2 / norm, (-4 * om) / norm, 0, (4 * om) / norm, -2 / norm];
    const pole = 1 - Math.sin(2 * Math.PI * 0.01);
    let previous = 0;
    impulse.slice(5).forEach((output, n) => {
      const expected = (taps[n] ?? 0) + pole * previous;
      expect(output).toBeCloseTo(expected, 6);
      previous = expected;
    });
  });

  it("keeps the pole off while warming up: the sixth output is the FIR part alone", () => {
    const outputs = filterBand([1, 0, 0, 0, 0, 0]);
    const om = Math.cos(2 * Math.PI * 29 * 0.01);
    const norm = Math.sqrt(10 * (32 * om * om + 8));
    // The impulse at frame 0 has left the five FIR taps by frame 5; no feedback carried it on.
    expect(outputs[5]).toBe(0);
    const late = filterBand([0, 1, 0, 0, 0, 0]);
    expect(late[5]).toBeCloseTo(-2 / norm, 6);
  });

  it("filters each band on its own", () => {
    const filter = new RastaFilter({ bands: 2, framePeriodSeconds: 0.01 });
    const frame = new Float32Array(2);
    const outputs: number[][] = [];
    for (let n = 0; n < 8; n += 1) {
      frame[0] = n === 5 ? 1 : 0;
      frame[1] = 0;
      filter.filter(frame);
      outputs.push([...frame]);
    }
    expect(outputs.map((row) => row[1])).toEqual(new Array(8).fill(0));
    expect(outputs[5]?.[0]).toBeGreaterThan(0);
  });
});
