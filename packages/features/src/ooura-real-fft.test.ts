import { describe, expect, it } from "vitest";
import { OouraRealFft } from "./ooura-real-fft.js";

/** A deterministic frame of rational values (no transcendental functions to differ by libm). */
function testFrame(size: number): Float32Array {
  const frame = new Float32Array(size);
  for (let j = 0; j < size; j += 1) {
    frame[j] = ((j * 7919) % 1000) / 1000 - 0.5 + ((j * j) % 17) / 34;
  }
  return frame;
}

/** FNV-1a over the float32 bytes (little-endian). */
function fnv1a(values: Float32Array): number {
  const bytes = new Uint8Array(values.buffer, values.byteOffset, values.byteLength);
  let hash = 0x811c9dc5;
  for (const byte of bytes) hash = Math.imul(hash ^ byte, 0x01000193) >>> 0;
  return hash;
}

describe("OouraRealFft", () => {
  // openSMILE 3.0.1's src/dspcore/fftsg.c (FLOAT_TYPE_FFT float) compiled as its Release build
  // (gcc -O3, x86-64 without FMA), rdft(n, 1, a, ip, w) on testFrame(n), FNV-1a of the output.
  const openSmileHashes: Record<number, number> = {
    4: 0xf4df01b9,
    8: 0x530e2ef4,
    16: 0x66e9bd02,
    32: 0x3331f899,
    64: 0x2b1a98ca,
    128: 0xe5289b45,
    256: 0x23d02bcb,
    512: 0xc7caa449,
    1024: 0xd3294400,
    2048: 0x0a323ff1,
    4096: 0xad268cbe,
    8192: 0xf0e78bd0,
  };

  it.each(Object.keys(openSmileHashes).map(Number))(
    "is bit-identical to openSMILE's float32 rdft at n = %i",
    (size) => {
      const fft = new OouraRealFft(size);
      fft.data.set(testFrame(size));
      fft.transform();
      expect(fnv1a(fft.data)).toBe(openSmileHashes[size]);
    },
  );

  it("computes the DFT in Ooura's layout (X0, X(N/2), then Re Xk and -Im Xk)", () => {
    const size = 256;
    const frame = testFrame(size);
    const fft = new OouraRealFft(size);
    fft.data.set(frame);
    fft.transform();
    for (let k = 0; k <= size / 2; k += 1) {
      let re = 0;
      let im = 0;
      for (let j = 0; j < size; j += 1) {
        re += (frame[j] as number) * Math.cos((2 * Math.PI * j * k) / size);
        im -= (frame[j] as number) * Math.sin((2 * Math.PI * j * k) / size);
      }
      const gotRe = k === 0 ? fft.data[0] : k === size / 2 ? fft.data[1] : fft.data[2 * k];
      expect(gotRe).toBeCloseTo(re, 3);
      if (k > 0 && k < size / 2) expect(fft.data[2 * k + 1]).toBeCloseTo(-im, 3);
    }
  });

  it("gives the same spectrum for the same frame every time (tables are not disturbed)", () => {
    const fft = new OouraRealFft(1024);
    fft.data.set(testFrame(1024));
    fft.transform();
    const first = fft.data.slice();
    fft.data.set(testFrame(1024));
    fft.transform();
    expect(fft.data).toEqual(first);
  });

  it("refuses sizes that are not powers of two from 4", () => {
    expect(() => new OouraRealFft(2)).toThrow(RangeError);
    expect(() => new OouraRealFft(960)).toThrow(RangeError);
  });
});
