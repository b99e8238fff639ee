import { describe, expect, it, vi } from "vitest";
import { harmonicComplex } from "../../test/harmonic-signal.js";

const RATE = 16000;

/** ComParE's voice rows (F0, voicing, jitter, shimmer, HNR) of the signal, as bits. */
async function voiceRows(samples: Float32Array): Promise<string[]> {
  const { Compare16Pitch } = await import("../compare16-pitch.js");
  const rows: string[] = [];
  const pitch = new Compare16Pitch(RATE, {
    row: (row) => rows.push(Array.from(row, (value) => value.toString()).join(" ")),
    lateRowsFollow: () => {},
  });
  pitch.push(samples);
  pitch.end();
  return rows;
}

describe("the pitch components without WebAssembly SIMD", () => {
  it("give the rows the kernels give (plain loops, same bits)", async () => {
    // A voice whose F0 glides and whose periods wobble, with a pause: jitter, shimmer, HNR vary.
    const samples = harmonicComplex({ f0: 130, sampleRate: RATE, seconds: 1.5 });
    const glide = harmonicComplex({ f0: 210, sampleRate: RATE, seconds: 1.5 });
    for (let t = 0; t < samples.length; t += 1) {
      const share = t / samples.length;
      samples[t] = (1 - share) * (samples[t] as number) + share * (glide[t] as number);
    }
    samples.fill(0, 9000, 11000);
    const withKernels = await voiceRows(samples);

    vi.resetModules();
    vi.doMock("./pitch-kernels.js", () => ({ pitchKernels: () => null }));
    expect((await import("./pitch-kernels.js")).pitchKernels()).toBeNull();
    const withoutKernels = await voiceRows(samples);
    vi.doUnmock("./pitch-kernels.js");

    expect(withoutKernels).toEqual(withKernels);
    expect(new Set(withKernels).size).toBeGreaterThan(50);
  });
});
