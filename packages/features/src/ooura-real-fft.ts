// openSMILE's real FFT (cTransformFFT): Takuya Ooura's split-radix rdft (fftsg.c, as openSMILE
// ships it) compiled with FLOAT_TYPE_FFT = float, so every operation rounds to float32. Ported
// operation for operation (each float result through Math.fround), which makes its spectra
// bit-identical to openSMILE's; a double-precision FFT differs in the last bits of every bin
// and in relative terms far more in the weak bins. Forward transform only. Its bit-reversal
// passes (bitrv2, bitrv216, bitrv208) are a plain bit-reversal permutation of the complex
// values, done here from a table.
//
// Copyright Takuya OOURA, 1996-2001: "You may use, copy, modify and distribute this code for any
// purpose (include commercial use) and without fee. Please refer to this package when you modify
// this code." (http://www.kurims.kyoto-u.ac.jp/~ooura/fft.html)

const f = Math.fround;

export class OouraRealFft {
  readonly size: number;
  /**
   * The frame to transform (`size` values), replaced by its spectrum in Ooura's layout:
   * [X0, X(N/2), Re X1, -Im X1, Re X2, -Im X2, ...] (a[2k + 1] = sum x_j sin(2 pi j k / N)).
   */
  readonly data: Float32Array;
  /** makewt's twiddles (nw values) followed by makect's (nc values), float32 as there. */
  private readonly table: Float32Array;
  private readonly nw: number;
  private readonly nc: number;
  /** Pairs of complex indices that the bit-reversal permutation swaps. */
  private readonly swaps: Int32Array;

  constructor(size: number) {
    if (!Number.isInteger(size) || size < 4 || (size & (size - 1)) !== 0) {
      throw new RangeError(`the FFT size must be a power of two >= 4, got ${size}`);
    }
    this.size = size;
    this.data = new Float32Array(size);
    this.nw = size >> 2;
    this.nc = size >> 2;
    this.table = new Float32Array(this.nw + this.nc);
    makewt(this.nw, this.table, 0);
    makect(this.nc, this.table, this.nw);
    this.swaps = bitReversalSwaps(size >> 1);
  }

  /** rdft(n, 1, a): the forward transform of `data`, in place. */
  transform(): void {
    const { size: n, data: a, table: w, nw, nc } = this;
    if (n > 4) {
      cftfsub(n, a, nw, w, this.swaps);
      rftfsub(n, a, 0, nc, w, nw);
    } else {
      cftx020(a, 0);
    }
    const xi = f((a[0] as number) - (a[1] as number));
    a[0] = f((a[0] as number) + (a[1] as number));
    a[1] = xi;
  }
}

function bitReversalSwaps(count: number): Int32Array {
  let bits = 0;
  while (1 << bits < count) bits += 1;
  const pairs: number[] = [];
  for (let i = 0; i < count; i += 1) {
    let reversed = 0;
    for (let b = 0; b < bits; b += 1) if (i & (1 << b)) reversed |= 1 << (bits - 1 - b);
    if (i < reversed) pairs.push(i, reversed);
  }
  return Int32Array.from(pairs);
}

function bitReverse(a: Float32Array, swaps: Int32Array): void {
  for (let s = 0; s < swaps.length; s += 2) {
    const i = 2 * (swaps[s] as number);
    const j = 2 * (swaps[s + 1] as number);
    const re = a[i] as number;
    const im = a[i + 1] as number;
    a[i] = a[j] as number;
    a[i + 1] = a[j + 1] as number;
    a[j] = re;
    a[j + 1] = im;
  }
}

function cftfsub(n: number, a: Float32Array, nw: number, w: Float32Array, swaps: Int32Array): void {
  if (n > 8) {
    if (n > 32) {
      cftf1st(n, a, 0, w, nw - (n >> 2));
      if (n > 512) {
        cftrec4(n, a, 0, nw, w, 0);
      } else if (n > 128) {
        cftleaf(n, 1, a, 0, nw, w, 0);
      } else {
        cftfx41(n, a, 0, nw, w, 0);
      }
    } else if (n === 32) {
      cftf161(a, 0, w, nw - 8);
    } else {
      cftf081(a, 0, w, 0);
    }
    bitReverse(a, swaps);
  } else if (n === 8) {
    cftf040(a, 0);
  } else if (n === 4) {
    cftx020(a, 0);
  }
}

function makewt(nw: number, w: Float32Array, wo: number): void {
  let j = 0;
  let nwh = 0;
  let nw0 = 0;
  let nw1 = 0;
  let delta = 0;
  let wn4r = 0;
  let wk1r = 0;
  let wk1i = 0;
  let wk3r = 0;
  let wk3i = 0;
  if (nw > 2) {
    nwh = nw >> 1;
    delta = f(f(Math.atan(1.0)) / nwh);
    wn4r = f(Math.cos(f(delta * nwh)));
    w[wo] = 1;
    w[wo + 1] = wn4r;
    if (nwh === 4) {
      w[wo + 2] = f(Math.cos(f(delta * 2)));
      w[wo + 3] = f(Math.sin(f(delta * 2)));
    } else if (nwh > 4) {
      w[wo + 2] = f(0.5 / Math.cos(f(delta * 2)));
      w[wo + 3] = f(0.5 / Math.cos(f(delta * 6)));
      for (j = 4; j < nwh; j += 4) {
        w[wo + j] = f(Math.cos(f(delta * j)));
        w[wo + j + 1] = f(Math.sin(f(delta * j)));
        w[wo + j + 2] = f(Math.cos(f(f(3 * delta) * j)));
        w[wo + j + 3] = f(-Math.sin(f(f(3 * delta) * j)));
      }
    }
    nw0 = 0;
    while (nwh > 2) {
      nw1 = nw0 + nwh;
      nwh >>= 1;
      w[wo + nw1] = 1;
      w[wo + nw1 + 1] = wn4r;
      if (nwh === 4) {
        wk1r = w[wo + nw0 + 4] as number;
        wk1i = w[wo + nw0 + 5] as number;
        w[wo + nw1 + 2] = wk1r;
        w[wo + nw1 + 3] = wk1i;
      } else if (nwh > 4) {
        wk1r = w[wo + nw0 + 4] as number;
        wk3r = w[wo + nw0 + 6] as number;
        w[wo + nw1 + 2] = f(f(0.5) / wk1r);
        w[wo + nw1 + 3] = f(f(0.5) / wk3r);
        for (j = 4; j < nwh; j += 4) {
          wk1r = w[wo + nw0 + 2 * j] as number;
          wk1i = w[wo + nw0 + 2 * j + 1] as number;
          wk3r = w[wo + nw0 + 2 * j + 2] as number;
          wk3i = w[wo + nw0 + 2 * j + 3] as number;
          w[wo + nw1 + j] = wk1r;
          w[wo + nw1 + j + 1] = wk1i;
          w[wo + nw1 + j + 2] = wk3r;
          w[wo + nw1 + j + 3] = wk3i;
        }
      }
      nw0 = nw1;
    }
  }
}

function makect(nc: number, c: Float32Array, co: number): void {
  let j = 0;
  let nch = 0;
  let delta = 0;
  if (nc > 1) {
    nch = nc >> 1;
    delta = f(f(Math.atan(1.0)) / nch);
    c[co] = f(Math.cos(f(delta * nch)));
    c[co + nch] = f(f(0.5) * (c[co] as number));
    for (j = 1; j < nch; j++) {
      c[co + j] = f(0.5 * Math.cos(f(delta * j)));
      c[co + nc - j] = f(0.5 * Math.sin(f(delta * j)));
    }
  }
}

function cftf1st(n: number, a: Float32Array, ao: number, w: Float32Array, wo: number): void {
  let j = 0;
  let j0 = 0;
  let wk1r = 0;
  let wk1i = 0;
  let wk3r = 0;
  let wk3i = 0;
  let y0r = 0;
  let y0i = 0;
  let y1r = 0;
  let y1i = 0;
  let y2r = 0;
  let y2i = 0;
  let y3r = 0;
  let y3i = 0;
  const mh = n >> 3;
  const m = 2 * mh;
  let j1 = m;
  let j2 = j1 + m;
  let j3 = j2 + m;
  let x0r = f((a[ao] as number) + (a[ao + j2] as number));
  let x0i = f((a[ao + 1] as number) + (a[ao + j2 + 1] as number));
  let x1r = f((a[ao] as number) - (a[ao + j2] as number));
  let x1i = f((a[ao + 1] as number) - (a[ao + j2 + 1] as number));
  let x2r = f((a[ao + j1] as number) + (a[ao + j3] as number));
  let x2i = f((a[ao + j1 + 1] as number) + (a[ao + j3 + 1] as number));
  let x3r = f((a[ao + j1] as number) - (a[ao + j3] as number));
  let x3i = f((a[ao + j1 + 1] as number) - (a[ao + j3 + 1] as number));
  a[ao] = f(x0r + x2r);
  a[ao + 1] = f(x0i + x2i);
  a[ao + j1] = f(x0r - x2r);
  a[ao + j1 + 1] = f(x0i - x2i);
  a[ao + j2] = f(x1r - x3i);
  a[ao + j2 + 1] = f(x1i + x3r);
  a[ao + j3] = f(x1r + x3i);
  a[ao + j3 + 1] = f(x1i - x3r);
  const wn4r = w[wo + 1] as number;
  const csc1 = w[wo + 2] as number;
  const csc3 = w[wo + 3] as number;
  let wd1r = 1;
  let wd1i = 0;
  let wd3r = 1;
  let wd3i = 0;
  let k = 0;
  for (j = 2; j < mh - 2; j += 4) {
    k += 4;
    wk1r = f(csc1 * f(wd1r + (w[wo + k] as number)));
    wk1i = f(csc1 * f(wd1i + (w[wo + k + 1] as number)));
    wk3r = f(csc3 * f(wd3r + (w[wo + k + 2] as number)));
    wk3i = f(csc3 * f(wd3i + (w[wo + k + 3] as number)));
    wd1r = w[wo + k] as number;
    wd1i = w[wo + k + 1] as number;
    wd3r = w[wo + k + 2] as number;
    wd3i = w[wo + k + 3] as number;
    j1 = j + m;
    j2 = j1 + m;
    j3 = j2 + m;
    x0r = f((a[ao + j] as number) + (a[ao + j2] as number));
    x0i = f((a[ao + j + 1] as number) + (a[ao + j2 + 1] as number));
    x1r = f((a[ao + j] as number) - (a[ao + j2] as number));
    x1i = f((a[ao + j + 1] as number) - (a[ao + j2 + 1] as number));
    y0r = f((a[ao + j + 2] as number) + (a[ao + j2 + 2] as number));
    y0i = f((a[ao + j + 3] as number) + (a[ao + j2 + 3] as number));
    y1r = f((a[ao + j + 2] as number) - (a[ao + j2 + 2] as number));
    y1i = f((a[ao + j + 3] as number) - (a[ao + j2 + 3] as number));
    x2r = f((a[ao + j1] as number) + (a[ao + j3] as number));
    x2i = f((a[ao + j1 + 1] as number) + (a[ao + j3 + 1] as number));
    x3r = f((a[ao + j1] as number) - (a[ao + j3] as number));
    x3i = f((a[ao + j1 + 1] as number) - (a[ao + j3 + 1] as number));
    y2r = f((a[ao + j1 + 2] as number) + (a[ao + j3 + 2] as number));
    y2i = f((a[ao + j1 + 3] as number) + (a[ao + j3 + 3] as number));
    y3r = f((a[ao + j1 + 2] as number) - (a[ao + j3 + 2] as number));
    y3i = f((a[ao + j1 + 3] as number) - (a[ao + j3 + 3] as number));
    a[ao + j] = f(x0r + x2r);
    a[ao + j + 1] = f(x0i + x2i);
    a[ao + j + 2] = f(y0r + y2r);
    a[ao + j + 3] = f(y0i + y2i);
    a[ao + j1] = f(x0r - x2r);
    a[ao + j1 + 1] = f(x0i - x2i);
    a[ao + j1 + 2] = f(y0r - y2r);
    a[ao + j1 + 3] = f(y0i - y2i);
    x0r = f(x1r - x3i);
    x0i = f(x1i + x3r);
    a[ao + j2] = f(f(wk1r * x0r) - f(wk1i * x0i));
    a[ao + j2 + 1] = f(f(wk1r * x0i) + f(wk1i * x0r));
    x0r = f(y1r - y3i);
    x0i = f(y1i + y3r);
    a[ao + j2 + 2] = f(f(wd1r * x0r) - f(wd1i * x0i));
    a[ao + j2 + 3] = f(f(wd1r * x0i) + f(wd1i * x0r));
    x0r = f(x1r + x3i);
    x0i = f(x1i - x3r);
    a[ao + j3] = f(f(wk3r * x0r) + f(wk3i * x0i));
    a[ao + j3 + 1] = f(f(wk3r * x0i) - f(wk3i * x0r));
    x0r = f(y1r + y3i);
    x0i = f(y1i - y3r);
    a[ao + j3 + 2] = f(f(wd3r * x0r) + f(wd3i * x0i));
    a[ao + j3 + 3] = f(f(wd3r * x0i) - f(wd3i * x0r));
    j0 = m - j;
    j1 = j0 + m;
    j2 = j1 + m;
    j3 = j2 + m;
    x0r = f((a[ao + j0] as number) + (a[ao + j2] as number));
    x0i = f((a[ao + j0 + 1] as number) + (a[ao + j2 + 1] as number));
    x1r = f((a[ao + j0] as number) - (a[ao + j2] as number));
    x1i = f((a[ao + j0 + 1] as number) - (a[ao + j2 + 1] as number));
    y0r = f((a[ao + j0 - 2] as number) + (a[ao + j2 - 2] as number));
    y0i = f((a[ao + j0 - 1] as number) + (a[ao + j2 - 1] as number));
    y1r = f((a[ao + j0 - 2] as number) - (a[ao + j2 - 2] as number));
    y1i = f((a[ao + j0 - 1] as number) - (a[ao + j2 - 1] as number));
    x2r = f((a[ao + j1] as number) + (a[ao + j3] as number));
    x2i = f((a[ao + j1 + 1] as number) + (a[ao + j3 + 1] as number));
    x3r = f((a[ao + j1] as number) - (a[ao + j3] as number));
    x3i = f((a[ao + j1 + 1] as number) - (a[ao + j3 + 1] as number));
    y2r = f((a[ao + j1 - 2] as number) + (a[ao + j3 - 2] as number));
    y2i = f((a[ao + j1 - 1] as number) + (a[ao + j3 - 1] as number));
    y3r = f((a[ao + j1 - 2] as number) - (a[ao + j3 - 2] as number));
    y3i = f((a[ao + j1 - 1] as number) - (a[ao + j3 - 1] as number));
    a[ao + j0] = f(x0r + x2r);
    a[ao + j0 + 1] = f(x0i + x2i);
    a[ao + j0 - 2] = f(y0r + y2r);
    a[ao + j0 - 1] = f(y0i + y2i);
    a[ao + j1] = f(x0r - x2r);
    a[ao + j1 + 1] = f(x0i - x2i);
    a[ao + j1 - 2] = f(y0r - y2r);
    a[ao + j1 - 1] = f(y0i - y2i);
    x0r = f(x1r - x3i);
    x0i = f(x1i + x3r);
    a[ao + j2] = f(f(wk1i * x0r) - f(wk1r * x0i));
    a[ao + j2 + 1] = f(f(wk1i * x0i) + f(wk1r * x0r));
    x0r = f(y1r - y3i);
    x0i = f(y1i + y3r);
    a[ao + j2 - 2] = f(f(wd1i * x0r) - f(wd1r * x0i));
    a[ao + j2 - 1] = f(f(wd1i * x0i) + f(wd1r * x0r));
    x0r = f(x1r + x3i);
    x0i = f(x1i - x3r);
    a[ao + j3] = f(f(wk3i * x0r) + f(wk3r * x0i));
    a[ao + j3 + 1] = f(f(wk3i * x0i) - f(wk3r * x0r));
    x0r = f(y1r + y3i);
    x0i = f(y1i - y3r);
    a[ao + j3 - 2] = f(f(wd3i * x0r) + f(wd3r * x0i));
    a[ao + j3 - 1] = f(f(wd3i * x0i) - f(wd3r * x0r));
  }
  wk1r = f(csc1 * f(wd1r + wn4r));
  wk1i = f(csc1 * f(wd1i + wn4r));
  wk3r = f(csc3 * f(wd3r - wn4r));
  wk3i = f(csc3 * f(wd3i - wn4r));
  j0 = mh;
  j1 = j0 + m;
  j2 = j1 + m;
  j3 = j2 + m;
  x0r = f((a[ao + j0 - 2] as number) + (a[ao + j2 - 2] as number));
  x0i = f((a[ao + j0 - 1] as number) + (a[ao + j2 - 1] as number));
  x1r = f((a[ao + j0 - 2] as number) - (a[ao + j2 - 2] as number));
  x1i = f((a[ao + j0 - 1] as number) - (a[ao + j2 - 1] as number));
  x2r = f((a[ao + j1 - 2] as number) + (a[ao + j3 - 2] as number));
  x2i = f((a[ao + j1 - 1] as number) + (a[ao + j3 - 1] as number));
  x3r = f((a[ao + j1 - 2] as number) - (a[ao + j3 - 2] as number));
  x3i = f((a[ao + j1 - 1] as number) - (a[ao + j3 - 1] as number));
  a[ao + j0 - 2] = f(x0r + x2r);
  a[ao + j0 - 1] = f(x0i + x2i);
  a[ao + j1 - 2] = f(x0r - x2r);
  a[ao + j1 - 1] = f(x0i - x2i);
  x0r = f(x1r - x3i);
  x0i = f(x1i + x3r);
  a[ao + j2 - 2] = f(f(wk1r * x0r) - f(wk1i * x0i));
  a[ao + j2 - 1] = f(f(wk1r * x0i) + f(wk1i * x0r));
  x0r = f(x1r + x3i);
  x0i = f(x1i - x3r);
  a[ao + j3 - 2] = f(f(wk3r * x0r) + f(wk3i * x0i));
  a[ao + j3 - 1] = f(f(wk3r * x0i) - f(wk3i * x0r));
  x0r = f((a[ao + j0] as number) + (a[ao + j2] as number));
  x0i = f((a[ao + j0 + 1] as number) + (a[ao + j2 + 1] as number));
  x1r = f((a[ao + j0] as number) - (a[ao + j2] as number));
  x1i = f((a[ao + j0 + 1] as number) - (a[ao + j2 + 1] as number));
  x2r = f((a[ao + j1] as number) + (a[ao + j3] as number));
  x2i = f((a[ao + j1 + 1] as number) + (a[ao + j3 + 1] as number));
  x3r = f((a[ao + j1] as number) - (a[ao + j3] as number));
  x3i = f((a[ao + j1 + 1] as number) - (a[ao + j3 + 1] as number));
  a[ao + j0] = f(x0r + x2r);
  a[ao + j0 + 1] = f(x0i + x2i);
  a[ao + j1] = f(x0r - x2r);
  a[ao + j1 + 1] = f(x0i - x2i);
  x0r = f(x1r - x3i);
  x0i = f(x1i + x3r);
  a[ao + j2] = f(wn4r * f(x0r - x0i));
  a[ao + j2 + 1] = f(wn4r * f(x0i + x0r));
  x0r = f(x1r + x3i);
  x0i = f(x1i - x3r);
  a[ao + j3] = f(-wn4r * f(x0r + x0i));
  a[ao + j3 + 1] = f(-wn4r * f(x0i - x0r));
  x0r = f((a[ao + j0 + 2] as number) + (a[ao + j2 + 2] as number));
  x0i = f((a[ao + j0 + 3] as number) + (a[ao + j2 + 3] as number));
  x1r = f((a[ao + j0 + 2] as number) - (a[ao + j2 + 2] as number));
  x1i = f((a[ao + j0 + 3] as number) - (a[ao + j2 + 3] as number));
  x2r = f((a[ao + j1 + 2] as number) + (a[ao + j3 + 2] as number));
  x2i = f((a[ao + j1 + 3] as number) + (a[ao + j3 + 3] as number));
  x3r = f((a[ao + j1 + 2] as number) - (a[ao + j3 + 2] as number));
  x3i = f((a[ao + j1 + 3] as number) - (a[ao + j3 + 3] as number));
  a[ao + j0 + 2] = f(x0r + x2r);
  a[ao + j0 + 3] = f(x0i + x2i);
  a[ao + j1 + 2] = f(x0r - x2r);
  a[ao + j1 + 3] = f(x0i - x2i);
  x0r = f(x1r - x3i);
  x0i = f(x1i + x3r);
  a[ao + j2 + 2] = f(f(wk1i * x0r) - f(wk1r * x0i));
  a[ao + j2 + 3] = f(f(wk1i * x0i) + f(wk1r * x0r));
  x0r = f(x1r + x3i);
  x0i = f(x1i - x3r);
  a[ao + j3 + 2] = f(f(wk3i * x0r) + f(wk3r * x0i));
  a[ao + j3 + 3] = f(f(wk3i * x0i) - f(wk3r * x0r));
}

function cftrec4(
  n: number,
  a: Float32Array,
  ao: number,
  nw: number,
  w: Float32Array,
  wo: number,
): void {
  let isplt = 0;
  let j = 0;
  let m = n;
  while (m > 512) {
    m >>= 2;
    cftmdl1(m, a, ao + n - m, w, wo + nw - (m >> 1));
  }
  cftleaf(m, 1, a, ao + n - m, nw, w, wo);
  let k = 0;
  for (j = n - m; j > 0; j -= m) {
    k++;
    isplt = cfttree(m, j, k, a, ao, nw, w, wo);
    cftleaf(m, isplt, a, ao + j - m, nw, w, wo);
  }
}

function cfttree(
  n: number,
  j: number,
  k: number,
  a: Float32Array,
  ao: number,
  nw: number,
  w: Float32Array,
  wo: number,
): number {
  let i = 0;
  let isplt = 0;
  let m = 0;
  if ((k & 3) !== 0) {
    isplt = k & 1;
    if (isplt !== 0) {
      cftmdl1(n, a, ao + j - n, w, wo + nw - (n >> 1));
    } else {
      cftmdl2(n, a, ao + j - n, w, wo + nw - n);
    }
  } else {
    m = n;
    for (i = k; (i & 3) === 0; i >>= 2) {
      m <<= 2;
    }
    isplt = i & 1;
    if (isplt !== 0) {
      while (m > 128) {
        cftmdl1(m, a, ao + j - m, w, wo + nw - (m >> 1));
        m >>= 2;
      }
    } else {
      while (m > 128) {
        cftmdl2(m, a, ao + j - m, w, wo + nw - m);
        m >>= 2;
      }
    }
  }
  return isplt;
}

function cftleaf(
  n: number,
  isplt: number,
  a: Float32Array,
  ao: number,
  nw: number,
  w: Float32Array,
  wo: number,
): void {
  if (n === 512) {
    cftmdl1(128, a, ao, w, wo + nw - 64);
    cftf161(a, ao, w, wo + nw - 8);
    cftf162(a, ao + 32, w, wo + nw - 32);
    cftf161(a, ao + 64, w, wo + nw - 8);
    cftf161(a, ao + 96, w, wo + nw - 8);
    cftmdl2(128, a, ao + 128, w, wo + nw - 128);
    cftf161(a, ao + 128, w, wo + nw - 8);
    cftf162(a, ao + 160, w, wo + nw - 32);
    cftf161(a, ao + 192, w, wo + nw - 8);
    cftf162(a, ao + 224, w, wo + nw - 32);
    cftmdl1(128, a, ao + 256, w, wo + nw - 64);
    cftf161(a, ao + 256, w, wo + nw - 8);
    cftf162(a, ao + 288, w, wo + nw - 32);
    cftf161(a, ao + 320, w, wo + nw - 8);
    cftf161(a, ao + 352, w, wo + nw - 8);
    if (isplt !== 0) {
      cftmdl1(128, a, ao + 384, w, wo + nw - 64);
      cftf161(a, ao + 480, w, wo + nw - 8);
    } else {
      cftmdl2(128, a, ao + 384, w, wo + nw - 128);
      cftf162(a, ao + 480, w, wo + nw - 32);
    }
    cftf161(a, ao + 384, w, wo + nw - 8);
    cftf162(a, ao + 416, w, wo + nw - 32);
    cftf161(a, ao + 448, w, wo + nw - 8);
  } else {
    cftmdl1(64, a, ao, w, wo + nw - 32);
    cftf081(a, ao, w, wo + nw - 8);
    cftf082(a, ao + 16, w, wo + nw - 8);
    cftf081(a, ao + 32, w, wo + nw - 8);
    cftf081(a, ao + 48, w, wo + nw - 8);
    cftmdl2(64, a, ao + 64, w, wo + nw - 64);
    cftf081(a, ao + 64, w, wo + nw - 8);
    cftf082(a, ao + 80, w, wo + nw - 8);
    cftf081(a, ao + 96, w, wo + nw - 8);
    cftf082(a, ao + 112, w, wo + nw - 8);
    cftmdl1(64, a, ao + 128, w, wo + nw - 32);
    cftf081(a, ao + 128, w, wo + nw - 8);
    cftf082(a, ao + 144, w, wo + nw - 8);
    cftf081(a, ao + 160, w, wo + nw - 8);
    cftf081(a, ao + 176, w, wo + nw - 8);
    if (isplt !== 0) {
      cftmdl1(64, a, ao + 192, w, wo + nw - 32);
      cftf081(a, ao + 240, w, wo + nw - 8);
    } else {
      cftmdl2(64, a, ao + 192, w, wo + nw - 64);
      cftf082(a, ao + 240, w, wo + nw - 8);
    }
    cftf081(a, ao + 192, w, wo + nw - 8);
    cftf082(a, ao + 208, w, wo + nw - 8);
    cftf081(a, ao + 224, w, wo + nw - 8);
  }
}

function cftmdl1(n: number, a: Float32Array, ao: number, w: Float32Array, wo: number): void {
  let j = 0;
  let j0 = 0;
  let wk1r = 0;
  let wk1i = 0;
  let wk3r = 0;
  let wk3i = 0;
  const mh = n >> 3;
  const m = 2 * mh;
  let j1 = m;
  let j2 = j1 + m;
  let j3 = j2 + m;
  let x0r = f((a[ao] as number) + (a[ao + j2] as number));
  let x0i = f((a[ao + 1] as number) + (a[ao + j2 + 1] as number));
  let x1r = f((a[ao] as number) - (a[ao + j2] as number));
  let x1i = f((a[ao + 1] as number) - (a[ao + j2 + 1] as number));
  let x2r = f((a[ao + j1] as number) + (a[ao + j3] as number));
  let x2i = f((a[ao + j1 + 1] as number) + (a[ao + j3 + 1] as number));
  let x3r = f((a[ao + j1] as number) - (a[ao + j3] as number));
  let x3i = f((a[ao + j1 + 1] as number) - (a[ao + j3 + 1] as number));
  a[ao] = f(x0r + x2r);
  a[ao + 1] = f(x0i + x2i);
  a[ao + j1] = f(x0r - x2r);
  a[ao + j1 + 1] = f(x0i - x2i);
  a[ao + j2] = f(x1r - x3i);
  a[ao + j2 + 1] = f(x1i + x3r);
  a[ao + j3] = f(x1r + x3i);
  a[ao + j3 + 1] = f(x1i - x3r);
  const wn4r = w[wo + 1] as number;
  let k = 0;
  for (j = 2; j < mh; j += 2) {
    k += 4;
    wk1r = w[wo + k] as number;
    wk1i = w[wo + k + 1] as number;
    wk3r = w[wo + k + 2] as number;
    wk3i = w[wo + k + 3] as number;
    j1 = j + m;
    j2 = j1 + m;
    j3 = j2 + m;
    x0r = f((a[ao + j] as number) + (a[ao + j2] as number));
    x0i = f((a[ao + j + 1] as number) + (a[ao + j2 + 1] as number));
    x1r = f((a[ao + j] as number) - (a[ao + j2] as number));
    x1i = f((a[ao + j + 1] as number) - (a[ao + j2 + 1] as number));
    x2r = f((a[ao + j1] as number) + (a[ao + j3] as number));
    x2i = f((a[ao + j1 + 1] as number) + (a[ao + j3 + 1] as number));
    x3r = f((a[ao + j1] as number) - (a[ao + j3] as number));
    x3i = f((a[ao + j1 + 1] as number) - (a[ao + j3 + 1] as number));
    a[ao + j] = f(x0r + x2r);
    a[ao + j + 1] = f(x0i + x2i);
    a[ao + j1] = f(x0r - x2r);
    a[ao + j1 + 1] = f(x0i - x2i);
    x0r = f(x1r - x3i);
    x0i = f(x1i + x3r);
    a[ao + j2] = f(f(wk1r * x0r) - f(wk1i * x0i));
    a[ao + j2 + 1] = f(f(wk1r * x0i) + f(wk1i * x0r));
    x0r = f(x1r + x3i);
    x0i = f(x1i - x3r);
    a[ao + j3] = f(f(wk3r * x0r) + f(wk3i * x0i));
    a[ao + j3 + 1] = f(f(wk3r * x0i) - f(wk3i * x0r));
    j0 = m - j;
    j1 = j0 + m;
    j2 = j1 + m;
    j3 = j2 + m;
    x0r = f((a[ao + j0] as number) + (a[ao + j2] as number));
    x0i = f((a[ao + j0 + 1] as number) + (a[ao + j2 + 1] as number));
    x1r = f((a[ao + j0] as number) - (a[ao + j2] as number));
    x1i = f((a[ao + j0 + 1] as number) - (a[ao + j2 + 1] as number));
    x2r = f((a[ao + j1] as number) + (a[ao + j3] as number));
    x2i = f((a[ao + j1 + 1] as number) + (a[ao + j3 + 1] as number));
    x3r = f((a[ao + j1] as number) - (a[ao + j3] as number));
    x3i = f((a[ao + j1 + 1] as number) - (a[ao + j3 + 1] as number));
    a[ao + j0] = f(x0r + x2r);
    a[ao + j0 + 1] = f(x0i + x2i);
    a[ao + j1] = f(x0r - x2r);
    a[ao + j1 + 1] = f(x0i - x2i);
    x0r = f(x1r - x3i);
    x0i = f(x1i + x3r);
    a[ao + j2] = f(f(wk1i * x0r) - f(wk1r * x0i));
    a[ao + j2 + 1] = f(f(wk1i * x0i) + f(wk1r * x0r));
    x0r = f(x1r + x3i);
    x0i = f(x1i - x3r);
    a[ao + j3] = f(f(wk3i * x0r) + f(wk3r * x0i));
    a[ao + j3 + 1] = f(f(wk3i * x0i) - f(wk3r * x0r));
  }
  j0 = mh;
  j1 = j0 + m;
  j2 = j1 + m;
  j3 = j2 + m;
  x0r = f((a[ao + j0] as number) + (a[ao + j2] as number));
  x0i = f((a[ao + j0 + 1] as number) + (a[ao + j2 + 1] as number));
  x1r = f((a[ao + j0] as number) - (a[ao + j2] as number));
  x1i = f((a[ao + j0 + 1] as number) - (a[ao + j2 + 1] as number));
  x2r = f((a[ao + j1] as number) + (a[ao + j3] as number));
  x2i = f((a[ao + j1 + 1] as number) + (a[ao + j3 + 1] as number));
  x3r = f((a[ao + j1] as number) - (a[ao + j3] as number));
  x3i = f((a[ao + j1 + 1] as number) - (a[ao + j3 + 1] as number));
  a[ao + j0] = f(x0r + x2r);
  a[ao + j0 + 1] = f(x0i + x2i);
  a[ao + j1] = f(x0r - x2r);
  a[ao + j1 + 1] = f(x0i - x2i);
  x0r = f(x1r - x3i);
  x0i = f(x1i + x3r);
  a[ao + j2] = f(wn4r * f(x0r - x0i));
  a[ao + j2 + 1] = f(wn4r * f(x0i + x0r));
  x0r = f(x1r + x3i);
  x0i = f(x1i - x3r);
  a[ao + j3] = f(-wn4r * f(x0r + x0i));
  a[ao + j3 + 1] = f(-wn4r * f(x0i - x0r));
}

function cftmdl2(n: number, a: Float32Array, ao: number, w: Float32Array, wo: number): void {
  let j = 0;
  let j0 = 0;
  let wk1r = 0;
  let wk1i = 0;
  let wk3r = 0;
  let wk3i = 0;
  let wd1r = 0;
  let wd1i = 0;
  let wd3r = 0;
  let wd3i = 0;
  let y2r = 0;
  let y2i = 0;
  const mh = n >> 3;
  const m = 2 * mh;
  const wn4r = w[wo + 1] as number;
  let j1 = m;
  let j2 = j1 + m;
  let j3 = j2 + m;
  let x0r = f((a[ao] as number) - (a[ao + j2 + 1] as number));
  let x0i = f((a[ao + 1] as number) + (a[ao + j2] as number));
  let x1r = f((a[ao] as number) + (a[ao + j2 + 1] as number));
  let x1i = f((a[ao + 1] as number) - (a[ao + j2] as number));
  let x2r = f((a[ao + j1] as number) - (a[ao + j3 + 1] as number));
  let x2i = f((a[ao + j1 + 1] as number) + (a[ao + j3] as number));
  let x3r = f((a[ao + j1] as number) + (a[ao + j3 + 1] as number));
  let x3i = f((a[ao + j1 + 1] as number) - (a[ao + j3] as number));
  let y0r = f(wn4r * f(x2r - x2i));
  let y0i = f(wn4r * f(x2i + x2r));
  a[ao] = f(x0r + y0r);
  a[ao + 1] = f(x0i + y0i);
  a[ao + j1] = f(x0r - y0r);
  a[ao + j1 + 1] = f(x0i - y0i);
  y0r = f(wn4r * f(x3r - x3i));
  y0i = f(wn4r * f(x3i + x3r));
  a[ao + j2] = f(x1r - y0i);
  a[ao + j2 + 1] = f(x1i + y0r);
  a[ao + j3] = f(x1r + y0i);
  a[ao + j3 + 1] = f(x1i - y0r);
  let k = 0;
  let kr = 2 * m;
  for (j = 2; j < mh; j += 2) {
    k += 4;
    wk1r = w[wo + k] as number;
    wk1i = w[wo + k + 1] as number;
    wk3r = w[wo + k + 2] as number;
    wk3i = w[wo + k + 3] as number;
    kr -= 4;
    wd1i = w[wo + kr] as number;
    wd1r = w[wo + kr + 1] as number;
    wd3i = w[wo + kr + 2] as number;
    wd3r = w[wo + kr + 3] as number;
    j1 = j + m;
    j2 = j1 + m;
    j3 = j2 + m;
    x0r = f((a[ao + j] as number) - (a[ao + j2 + 1] as number));
    x0i = f((a[ao + j + 1] as number) + (a[ao + j2] as number));
    x1r = f((a[ao + j] as number) + (a[ao + j2 + 1] as number));
    x1i = f((a[ao + j + 1] as number) - (a[ao + j2] as number));
    x2r = f((a[ao + j1] as number) - (a[ao + j3 + 1] as number));
    x2i = f((a[ao + j1 + 1] as number) + (a[ao + j3] as number));
    x3r = f((a[ao + j1] as number) + (a[ao + j3 + 1] as number));
    x3i = f((a[ao + j1 + 1] as number) - (a[ao + j3] as number));
    y0r = f(f(wk1r * x0r) - f(wk1i * x0i));
    y0i = f(f(wk1r * x0i) + f(wk1i * x0r));
    y2r = f(f(wd1r * x2r) - f(wd1i * x2i));
    y2i = f(f(wd1r * x2i) + f(wd1i * x2r));
    a[ao + j] = f(y0r + y2r);
    a[ao + j + 1] = f(y0i + y2i);
    a[ao + j1] = f(y0r - y2r);
    a[ao + j1 + 1] = f(y0i - y2i);
    y0r = f(f(wk3r * x1r) + f(wk3i * x1i));
    y0i = f(f(wk3r * x1i) - f(wk3i * x1r));
    y2r = f(f(wd3r * x3r) + f(wd3i * x3i));
    y2i = f(f(wd3r * x3i) - f(wd3i * x3r));
    a[ao + j2] = f(y0r + y2r);
    a[ao + j2 + 1] = f(y0i + y2i);
    a[ao + j3] = f(y0r - y2r);
    a[ao + j3 + 1] = f(y0i - y2i);
    j0 = m - j;
    j1 = j0 + m;
    j2 = j1 + m;
    j3 = j2 + m;
    x0r = f((a[ao + j0] as number) - (a[ao + j2 + 1] as number));
    x0i = f((a[ao + j0 + 1] as number) + (a[ao + j2] as number));
    x1r = f((a[ao + j0] as number) + (a[ao + j2 + 1] as number));
    x1i = f((a[ao + j0 + 1] as number) - (a[ao + j2] as number));
    x2r = f((a[ao + j1] as number) - (a[ao + j3 + 1] as number));
    x2i = f((a[ao + j1 + 1] as number) + (a[ao + j3] as number));
    x3r = f((a[ao + j1] as number) + (a[ao + j3 + 1] as number));
    x3i = f((a[ao + j1 + 1] as number) - (a[ao + j3] as number));
    y0r = f(f(wd1i * x0r) - f(wd1r * x0i));
    y0i = f(f(wd1i * x0i) + f(wd1r * x0r));
    y2r = f(f(wk1i * x2r) - f(wk1r * x2i));
    y2i = f(f(wk1i * x2i) + f(wk1r * x2r));
    a[ao + j0] = f(y0r + y2r);
    a[ao + j0 + 1] = f(y0i + y2i);
    a[ao + j1] = f(y0r - y2r);
    a[ao + j1 + 1] = f(y0i - y2i);
    y0r = f(f(wd3i * x1r) + f(wd3r * x1i));
    y0i = f(f(wd3i * x1i) - f(wd3r * x1r));
    y2r = f(f(wk3i * x3r) + f(wk3r * x3i));
    y2i = f(f(wk3i * x3i) - f(wk3r * x3r));
    a[ao + j2] = f(y0r + y2r);
    a[ao + j2 + 1] = f(y0i + y2i);
    a[ao + j3] = f(y0r - y2r);
    a[ao + j3 + 1] = f(y0i - y2i);
  }
  wk1r = w[wo + m] as number;
  wk1i = w[wo + m + 1] as number;
  j0 = mh;
  j1 = j0 + m;
  j2 = j1 + m;
  j3 = j2 + m;
  x0r = f((a[ao + j0] as number) - (a[ao + j2 + 1] as number));
  x0i = f((a[ao + j0 + 1] as number) + (a[ao + j2] as number));
  x1r = f((a[ao + j0] as number) + (a[ao + j2 + 1] as number));
  x1i = f((a[ao + j0 + 1] as number) - (a[ao + j2] as number));
  x2r = f((a[ao + j1] as number) - (a[ao + j3 + 1] as number));
  x2i = f((a[ao + j1 + 1] as number) + (a[ao + j3] as number));
  x3r = f((a[ao + j1] as number) + (a[ao + j3 + 1] as number));
  x3i = f((a[ao + j1 + 1] as number) - (a[ao + j3] as number));
  y0r = f(f(wk1r * x0r) - f(wk1i * x0i));
  y0i = f(f(wk1r * x0i) + f(wk1i * x0r));
  y2r = f(f(wk1i * x2r) - f(wk1r * x2i));
  y2i = f(f(wk1i * x2i) + f(wk1r * x2r));
  a[ao + j0] = f(y0r + y2r);
  a[ao + j0 + 1] = f(y0i + y2i);
  a[ao + j1] = f(y0r - y2r);
  a[ao + j1 + 1] = f(y0i - y2i);
  y0r = f(f(wk1i * x1r) - f(wk1r * x1i));
  y0i = f(f(wk1i * x1i) + f(wk1r * x1r));
  y2r = f(f(wk1r * x3r) - f(wk1i * x3i));
  y2i = f(f(wk1r * x3i) + f(wk1i * x3r));
  a[ao + j2] = f(y0r - y2r);
  a[ao + j2 + 1] = f(y0i - y2i);
  a[ao + j3] = f(y0r + y2r);
  a[ao + j3 + 1] = f(y0i + y2i);
}

function cftfx41(
  n: number,
  a: Float32Array,
  ao: number,
  nw: number,
  w: Float32Array,
  wo: number,
): void {
  if (n === 128) {
    cftf161(a, ao, w, wo + nw - 8);
    cftf162(a, ao + 32, w, wo + nw - 32);
    cftf161(a, ao + 64, w, wo + nw - 8);
    cftf161(a, ao + 96, w, wo + nw - 8);
  } else {
    cftf081(a, ao, w, wo + nw - 8);
    cftf082(a, ao + 16, w, wo + nw - 8);
    cftf081(a, ao + 32, w, wo + nw - 8);
    cftf081(a, ao + 48, w, wo + nw - 8);
  }
}

function cftf161(a: Float32Array, ao: number, w: Float32Array, wo: number): void {
  const wn4r = w[wo + 1] as number;
  const wk1r = w[wo + 2] as number;
  const wk1i = w[wo + 3] as number;
  let x0r = f((a[ao] as number) + (a[ao + 16] as number));
  let x0i = f((a[ao + 1] as number) + (a[ao + 17] as number));
  let x1r = f((a[ao] as number) - (a[ao + 16] as number));
  let x1i = f((a[ao + 1] as number) - (a[ao + 17] as number));
  let x2r = f((a[ao + 8] as number) + (a[ao + 24] as number));
  let x2i = f((a[ao + 9] as number) + (a[ao + 25] as number));
  let x3r = f((a[ao + 8] as number) - (a[ao + 24] as number));
  let x3i = f((a[ao + 9] as number) - (a[ao + 25] as number));
  const y0r = f(x0r + x2r);
  const y0i = f(x0i + x2i);
  const y4r = f(x0r - x2r);
  const y4i = f(x0i - x2i);
  const y8r = f(x1r - x3i);
  const y8i = f(x1i + x3r);
  const y12r = f(x1r + x3i);
  const y12i = f(x1i - x3r);
  x0r = f((a[ao + 2] as number) + (a[ao + 18] as number));
  x0i = f((a[ao + 3] as number) + (a[ao + 19] as number));
  x1r = f((a[ao + 2] as number) - (a[ao + 18] as number));
  x1i = f((a[ao + 3] as number) - (a[ao + 19] as number));
  x2r = f((a[ao + 10] as number) + (a[ao + 26] as number));
  x2i = f((a[ao + 11] as number) + (a[ao + 27] as number));
  x3r = f((a[ao + 10] as number) - (a[ao + 26] as number));
  x3i = f((a[ao + 11] as number) - (a[ao + 27] as number));
  const y1r = f(x0r + x2r);
  const y1i = f(x0i + x2i);
  const y5r = f(x0r - x2r);
  const y5i = f(x0i - x2i);
  x0r = f(x1r - x3i);
  x0i = f(x1i + x3r);
  const y9r = f(f(wk1r * x0r) - f(wk1i * x0i));
  const y9i = f(f(wk1r * x0i) + f(wk1i * x0r));
  x0r = f(x1r + x3i);
  x0i = f(x1i - x3r);
  const y13r = f(f(wk1i * x0r) - f(wk1r * x0i));
  const y13i = f(f(wk1i * x0i) + f(wk1r * x0r));
  x0r = f((a[ao + 4] as number) + (a[ao + 20] as number));
  x0i = f((a[ao + 5] as number) + (a[ao + 21] as number));
  x1r = f((a[ao + 4] as number) - (a[ao + 20] as number));
  x1i = f((a[ao + 5] as number) - (a[ao + 21] as number));
  x2r = f((a[ao + 12] as number) + (a[ao + 28] as number));
  x2i = f((a[ao + 13] as number) + (a[ao + 29] as number));
  x3r = f((a[ao + 12] as number) - (a[ao + 28] as number));
  x3i = f((a[ao + 13] as number) - (a[ao + 29] as number));
  const y2r = f(x0r + x2r);
  const y2i = f(x0i + x2i);
  const y6r = f(x0r - x2r);
  const y6i = f(x0i - x2i);
  x0r = f(x1r - x3i);
  x0i = f(x1i + x3r);
  const y10r = f(wn4r * f(x0r - x0i));
  const y10i = f(wn4r * f(x0i + x0r));
  x0r = f(x1r + x3i);
  x0i = f(x1i - x3r);
  const y14r = f(wn4r * f(x0r + x0i));
  const y14i = f(wn4r * f(x0i - x0r));
  x0r = f((a[ao + 6] as number) + (a[ao + 22] as number));
  x0i = f((a[ao + 7] as number) + (a[ao + 23] as number));
  x1r = f((a[ao + 6] as number) - (a[ao + 22] as number));
  x1i = f((a[ao + 7] as number) - (a[ao + 23] as number));
  x2r = f((a[ao + 14] as number) + (a[ao + 30] as number));
  x2i = f((a[ao + 15] as number) + (a[ao + 31] as number));
  x3r = f((a[ao + 14] as number) - (a[ao + 30] as number));
  x3i = f((a[ao + 15] as number) - (a[ao + 31] as number));
  const y3r = f(x0r + x2r);
  const y3i = f(x0i + x2i);
  const y7r = f(x0r - x2r);
  const y7i = f(x0i - x2i);
  x0r = f(x1r - x3i);
  x0i = f(x1i + x3r);
  const y11r = f(f(wk1i * x0r) - f(wk1r * x0i));
  const y11i = f(f(wk1i * x0i) + f(wk1r * x0r));
  x0r = f(x1r + x3i);
  x0i = f(x1i - x3r);
  const y15r = f(f(wk1r * x0r) - f(wk1i * x0i));
  const y15i = f(f(wk1r * x0i) + f(wk1i * x0r));
  x0r = f(y12r - y14r);
  x0i = f(y12i - y14i);
  x1r = f(y12r + y14r);
  x1i = f(y12i + y14i);
  x2r = f(y13r - y15r);
  x2i = f(y13i - y15i);
  x3r = f(y13r + y15r);
  x3i = f(y13i + y15i);
  a[ao + 24] = f(x0r + x2r);
  a[ao + 25] = f(x0i + x2i);
  a[ao + 26] = f(x0r - x2r);
  a[ao + 27] = f(x0i - x2i);
  a[ao + 28] = f(x1r - x3i);
  a[ao + 29] = f(x1i + x3r);
  a[ao + 30] = f(x1r + x3i);
  a[ao + 31] = f(x1i - x3r);
  x0r = f(y8r + y10r);
  x0i = f(y8i + y10i);
  x1r = f(y8r - y10r);
  x1i = f(y8i - y10i);
  x2r = f(y9r + y11r);
  x2i = f(y9i + y11i);
  x3r = f(y9r - y11r);
  x3i = f(y9i - y11i);
  a[ao + 16] = f(x0r + x2r);
  a[ao + 17] = f(x0i + x2i);
  a[ao + 18] = f(x0r - x2r);
  a[ao + 19] = f(x0i - x2i);
  a[ao + 20] = f(x1r - x3i);
  a[ao + 21] = f(x1i + x3r);
  a[ao + 22] = f(x1r + x3i);
  a[ao + 23] = f(x1i - x3r);
  x0r = f(y5r - y7i);
  x0i = f(y5i + y7r);
  x2r = f(wn4r * f(x0r - x0i));
  x2i = f(wn4r * f(x0i + x0r));
  x0r = f(y5r + y7i);
  x0i = f(y5i - y7r);
  x3r = f(wn4r * f(x0r - x0i));
  x3i = f(wn4r * f(x0i + x0r));
  x0r = f(y4r - y6i);
  x0i = f(y4i + y6r);
  x1r = f(y4r + y6i);
  x1i = f(y4i - y6r);
  a[ao + 8] = f(x0r + x2r);
  a[ao + 9] = f(x0i + x2i);
  a[ao + 10] = f(x0r - x2r);
  a[ao + 11] = f(x0i - x2i);
  a[ao + 12] = f(x1r - x3i);
  a[ao + 13] = f(x1i + x3r);
  a[ao + 14] = f(x1r + x3i);
  a[ao + 15] = f(x1i - x3r);
  x0r = f(y0r + y2r);
  x0i = f(y0i + y2i);
  x1r = f(y0r - y2r);
  x1i = f(y0i - y2i);
  x2r = f(y1r + y3r);
  x2i = f(y1i + y3i);
  x3r = f(y1r - y3r);
  x3i = f(y1i - y3i);
  a[ao] = f(x0r + x2r);
  a[ao + 1] = f(x0i + x2i);
  a[ao + 2] = f(x0r - x2r);
  a[ao + 3] = f(x0i - x2i);
  a[ao + 4] = f(x1r - x3i);
  a[ao + 5] = f(x1i + x3r);
  a[ao + 6] = f(x1r + x3i);
  a[ao + 7] = f(x1i - x3r);
}

function cftf162(a: Float32Array, ao: number, w: Float32Array, wo: number): void {
  const wn4r = w[wo + 1] as number;
  const wk1r = w[wo + 4] as number;
  const wk1i = w[wo + 5] as number;
  const wk3r = w[wo + 6] as number;
  const wk3i = -(w[wo + 7] as number);
  const wk2r = w[wo + 8] as number;
  const wk2i = w[wo + 9] as number;
  let x1r = f((a[ao] as number) - (a[ao + 17] as number));
  let x1i = f((a[ao + 1] as number) + (a[ao + 16] as number));
  let x0r = f((a[ao + 8] as number) - (a[ao + 25] as number));
  let x0i = f((a[ao + 9] as number) + (a[ao + 24] as number));
  let x2r = f(wn4r * f(x0r - x0i));
  let x2i = f(wn4r * f(x0i + x0r));
  const y0r = f(x1r + x2r);
  const y0i = f(x1i + x2i);
  const y4r = f(x1r - x2r);
  const y4i = f(x1i - x2i);
  x1r = f((a[ao] as number) + (a[ao + 17] as number));
  x1i = f((a[ao + 1] as number) - (a[ao + 16] as number));
  x0r = f((a[ao + 8] as number) + (a[ao + 25] as number));
  x0i = f((a[ao + 9] as number) - (a[ao + 24] as number));
  x2r = f(wn4r * f(x0r - x0i));
  x2i = f(wn4r * f(x0i + x0r));
  const y8r = f(x1r - x2i);
  const y8i = f(x1i + x2r);
  const y12r = f(x1r + x2i);
  const y12i = f(x1i - x2r);
  x0r = f((a[ao + 2] as number) - (a[ao + 19] as number));
  x0i = f((a[ao + 3] as number) + (a[ao + 18] as number));
  x1r = f(f(wk1r * x0r) - f(wk1i * x0i));
  x1i = f(f(wk1r * x0i) + f(wk1i * x0r));
  x0r = f((a[ao + 10] as number) - (a[ao + 27] as number));
  x0i = f((a[ao + 11] as number) + (a[ao + 26] as number));
  x2r = f(f(wk3i * x0r) - f(wk3r * x0i));
  x2i = f(f(wk3i * x0i) + f(wk3r * x0r));
  const y1r = f(x1r + x2r);
  const y1i = f(x1i + x2i);
  const y5r = f(x1r - x2r);
  const y5i = f(x1i - x2i);
  x0r = f((a[ao + 2] as number) + (a[ao + 19] as number));
  x0i = f((a[ao + 3] as number) - (a[ao + 18] as number));
  x1r = f(f(wk3r * x0r) - f(wk3i * x0i));
  x1i = f(f(wk3r * x0i) + f(wk3i * x0r));
  x0r = f((a[ao + 10] as number) + (a[ao + 27] as number));
  x0i = f((a[ao + 11] as number) - (a[ao + 26] as number));
  x2r = f(f(wk1r * x0r) + f(wk1i * x0i));
  x2i = f(f(wk1r * x0i) - f(wk1i * x0r));
  const y9r = f(x1r - x2r);
  const y9i = f(x1i - x2i);
  const y13r = f(x1r + x2r);
  const y13i = f(x1i + x2i);
  x0r = f((a[ao + 4] as number) - (a[ao + 21] as number));
  x0i = f((a[ao + 5] as number) + (a[ao + 20] as number));
  x1r = f(f(wk2r * x0r) - f(wk2i * x0i));
  x1i = f(f(wk2r * x0i) + f(wk2i * x0r));
  x0r = f((a[ao + 12] as number) - (a[ao + 29] as number));
  x0i = f((a[ao + 13] as number) + (a[ao + 28] as number));
  x2r = f(f(wk2i * x0r) - f(wk2r * x0i));
  x2i = f(f(wk2i * x0i) + f(wk2r * x0r));
  const y2r = f(x1r + x2r);
  const y2i = f(x1i + x2i);
  const y6r = f(x1r - x2r);
  const y6i = f(x1i - x2i);
  x0r = f((a[ao + 4] as number) + (a[ao + 21] as number));
  x0i = f((a[ao + 5] as number) - (a[ao + 20] as number));
  x1r = f(f(wk2i * x0r) - f(wk2r * x0i));
  x1i = f(f(wk2i * x0i) + f(wk2r * x0r));
  x0r = f((a[ao + 12] as number) + (a[ao + 29] as number));
  x0i = f((a[ao + 13] as number) - (a[ao + 28] as number));
  x2r = f(f(wk2r * x0r) - f(wk2i * x0i));
  x2i = f(f(wk2r * x0i) + f(wk2i * x0r));
  const y10r = f(x1r - x2r);
  const y10i = f(x1i - x2i);
  const y14r = f(x1r + x2r);
  const y14i = f(x1i + x2i);
  x0r = f((a[ao + 6] as number) - (a[ao + 23] as number));
  x0i = f((a[ao + 7] as number) + (a[ao + 22] as number));
  x1r = f(f(wk3r * x0r) - f(wk3i * x0i));
  x1i = f(f(wk3r * x0i) + f(wk3i * x0r));
  x0r = f((a[ao + 14] as number) - (a[ao + 31] as number));
  x0i = f((a[ao + 15] as number) + (a[ao + 30] as number));
  x2r = f(f(wk1i * x0r) - f(wk1r * x0i));
  x2i = f(f(wk1i * x0i) + f(wk1r * x0r));
  const y3r = f(x1r + x2r);
  const y3i = f(x1i + x2i);
  const y7r = f(x1r - x2r);
  const y7i = f(x1i - x2i);
  x0r = f((a[ao + 6] as number) + (a[ao + 23] as number));
  x0i = f((a[ao + 7] as number) - (a[ao + 22] as number));
  x1r = f(f(wk1i * x0r) + f(wk1r * x0i));
  x1i = f(f(wk1i * x0i) - f(wk1r * x0r));
  x0r = f((a[ao + 14] as number) + (a[ao + 31] as number));
  x0i = f((a[ao + 15] as number) - (a[ao + 30] as number));
  x2r = f(f(wk3i * x0r) - f(wk3r * x0i));
  x2i = f(f(wk3i * x0i) + f(wk3r * x0r));
  const y11r = f(x1r + x2r);
  const y11i = f(x1i + x2i);
  const y15r = f(x1r - x2r);
  const y15i = f(x1i - x2i);
  x1r = f(y0r + y2r);
  x1i = f(y0i + y2i);
  x2r = f(y1r + y3r);
  x2i = f(y1i + y3i);
  a[ao] = f(x1r + x2r);
  a[ao + 1] = f(x1i + x2i);
  a[ao + 2] = f(x1r - x2r);
  a[ao + 3] = f(x1i - x2i);
  x1r = f(y0r - y2r);
  x1i = f(y0i - y2i);
  x2r = f(y1r - y3r);
  x2i = f(y1i - y3i);
  a[ao + 4] = f(x1r - x2i);
  a[ao + 5] = f(x1i + x2r);
  a[ao + 6] = f(x1r + x2i);
  a[ao + 7] = f(x1i - x2r);
  x1r = f(y4r - y6i);
  x1i = f(y4i + y6r);
  x0r = f(y5r - y7i);
  x0i = f(y5i + y7r);
  x2r = f(wn4r * f(x0r - x0i));
  x2i = f(wn4r * f(x0i + x0r));
  a[ao + 8] = f(x1r + x2r);
  a[ao + 9] = f(x1i + x2i);
  a[ao + 10] = f(x1r - x2r);
  a[ao + 11] = f(x1i - x2i);
  x1r = f(y4r + y6i);
  x1i = f(y4i - y6r);
  x0r = f(y5r + y7i);
  x0i = f(y5i - y7r);
  x2r = f(wn4r * f(x0r - x0i));
  x2i = f(wn4r * f(x0i + x0r));
  a[ao + 12] = f(x1r - x2i);
  a[ao + 13] = f(x1i + x2r);
  a[ao + 14] = f(x1r + x2i);
  a[ao + 15] = f(x1i - x2r);
  x1r = f(y8r + y10r);
  x1i = f(y8i + y10i);
  x2r = f(y9r - y11r);
  x2i = f(y9i - y11i);
  a[ao + 16] = f(x1r + x2r);
  a[ao + 17] = f(x1i + x2i);
  a[ao + 18] = f(x1r - x2r);
  a[ao + 19] = f(x1i - x2i);
  x1r = f(y8r - y10r);
  x1i = f(y8i - y10i);
  x2r = f(y9r + y11r);
  x2i = f(y9i + y11i);
  a[ao + 20] = f(x1r - x2i);
  a[ao + 21] = f(x1i + x2r);
  a[ao + 22] = f(x1r + x2i);
  a[ao + 23] = f(x1i - x2r);
  x1r = f(y12r - y14i);
  x1i = f(y12i + y14r);
  x0r = f(y13r + y15i);
  x0i = f(y13i - y15r);
  x2r = f(wn4r * f(x0r - x0i));
  x2i = f(wn4r * f(x0i + x0r));
  a[ao + 24] = f(x1r + x2r);
  a[ao + 25] = f(x1i + x2i);
  a[ao + 26] = f(x1r - x2r);
  a[ao + 27] = f(x1i - x2i);
  x1r = f(y12r + y14i);
  x1i = f(y12i - y14r);
  x0r = f(y13r - y15i);
  x0i = f(y13i + y15r);
  x2r = f(wn4r * f(x0r - x0i));
  x2i = f(wn4r * f(x0i + x0r));
  a[ao + 28] = f(x1r - x2i);
  a[ao + 29] = f(x1i + x2r);
  a[ao + 30] = f(x1r + x2i);
  a[ao + 31] = f(x1i - x2r);
}

function cftf081(a: Float32Array, ao: number, w: Float32Array, wo: number): void {
  const wn4r = w[wo + 1] as number;
  let x0r = f((a[ao] as number) + (a[ao + 8] as number));
  let x0i = f((a[ao + 1] as number) + (a[ao + 9] as number));
  let x1r = f((a[ao] as number) - (a[ao + 8] as number));
  let x1i = f((a[ao + 1] as number) - (a[ao + 9] as number));
  let x2r = f((a[ao + 4] as number) + (a[ao + 12] as number));
  let x2i = f((a[ao + 5] as number) + (a[ao + 13] as number));
  let x3r = f((a[ao + 4] as number) - (a[ao + 12] as number));
  let x3i = f((a[ao + 5] as number) - (a[ao + 13] as number));
  const y0r = f(x0r + x2r);
  const y0i = f(x0i + x2i);
  const y2r = f(x0r - x2r);
  const y2i = f(x0i - x2i);
  const y1r = f(x1r - x3i);
  const y1i = f(x1i + x3r);
  const y3r = f(x1r + x3i);
  const y3i = f(x1i - x3r);
  x0r = f((a[ao + 2] as number) + (a[ao + 10] as number));
  x0i = f((a[ao + 3] as number) + (a[ao + 11] as number));
  x1r = f((a[ao + 2] as number) - (a[ao + 10] as number));
  x1i = f((a[ao + 3] as number) - (a[ao + 11] as number));
  x2r = f((a[ao + 6] as number) + (a[ao + 14] as number));
  x2i = f((a[ao + 7] as number) + (a[ao + 15] as number));
  x3r = f((a[ao + 6] as number) - (a[ao + 14] as number));
  x3i = f((a[ao + 7] as number) - (a[ao + 15] as number));
  const y4r = f(x0r + x2r);
  const y4i = f(x0i + x2i);
  const y6r = f(x0r - x2r);
  const y6i = f(x0i - x2i);
  x0r = f(x1r - x3i);
  x0i = f(x1i + x3r);
  x2r = f(x1r + x3i);
  x2i = f(x1i - x3r);
  const y5r = f(wn4r * f(x0r - x0i));
  const y5i = f(wn4r * f(x0r + x0i));
  const y7r = f(wn4r * f(x2r - x2i));
  const y7i = f(wn4r * f(x2r + x2i));
  a[ao + 8] = f(y1r + y5r);
  a[ao + 9] = f(y1i + y5i);
  a[ao + 10] = f(y1r - y5r);
  a[ao + 11] = f(y1i - y5i);
  a[ao + 12] = f(y3r - y7i);
  a[ao + 13] = f(y3i + y7r);
  a[ao + 14] = f(y3r + y7i);
  a[ao + 15] = f(y3i - y7r);
  a[ao] = f(y0r + y4r);
  a[ao + 1] = f(y0i + y4i);
  a[ao + 2] = f(y0r - y4r);
  a[ao + 3] = f(y0i - y4i);
  a[ao + 4] = f(y2r - y6i);
  a[ao + 5] = f(y2i + y6r);
  a[ao + 6] = f(y2r + y6i);
  a[ao + 7] = f(y2i - y6r);
}

function cftf082(a: Float32Array, ao: number, w: Float32Array, wo: number): void {
  const wn4r = w[wo + 1] as number;
  const wk1r = w[wo + 2] as number;
  const wk1i = w[wo + 3] as number;
  const y0r = f((a[ao] as number) - (a[ao + 9] as number));
  const y0i = f((a[ao + 1] as number) + (a[ao + 8] as number));
  const y1r = f((a[ao] as number) + (a[ao + 9] as number));
  const y1i = f((a[ao + 1] as number) - (a[ao + 8] as number));
  let x0r = f((a[ao + 4] as number) - (a[ao + 13] as number));
  let x0i = f((a[ao + 5] as number) + (a[ao + 12] as number));
  const y2r = f(wn4r * f(x0r - x0i));
  const y2i = f(wn4r * f(x0i + x0r));
  x0r = f((a[ao + 4] as number) + (a[ao + 13] as number));
  x0i = f((a[ao + 5] as number) - (a[ao + 12] as number));
  const y3r = f(wn4r * f(x0r - x0i));
  const y3i = f(wn4r * f(x0i + x0r));
  x0r = f((a[ao + 2] as number) - (a[ao + 11] as number));
  x0i = f((a[ao + 3] as number) + (a[ao + 10] as number));
  const y4r = f(f(wk1r * x0r) - f(wk1i * x0i));
  const y4i = f(f(wk1r * x0i) + f(wk1i * x0r));
  x0r = f((a[ao + 2] as number) + (a[ao + 11] as number));
  x0i = f((a[ao + 3] as number) - (a[ao + 10] as number));
  const y5r = f(f(wk1i * x0r) - f(wk1r * x0i));
  const y5i = f(f(wk1i * x0i) + f(wk1r * x0r));
  x0r = f((a[ao + 6] as number) - (a[ao + 15] as number));
  x0i = f((a[ao + 7] as number) + (a[ao + 14] as number));
  const y6r = f(f(wk1i * x0r) - f(wk1r * x0i));
  const y6i = f(f(wk1i * x0i) + f(wk1r * x0r));
  x0r = f((a[ao + 6] as number) + (a[ao + 15] as number));
  x0i = f((a[ao + 7] as number) - (a[ao + 14] as number));
  const y7r = f(f(wk1r * x0r) - f(wk1i * x0i));
  const y7i = f(f(wk1r * x0i) + f(wk1i * x0r));
  x0r = f(y0r + y2r);
  x0i = f(y0i + y2i);
  let x1r = f(y4r + y6r);
  let x1i = f(y4i + y6i);
  a[ao] = f(x0r + x1r);
  a[ao + 1] = f(x0i + x1i);
  a[ao + 2] = f(x0r - x1r);
  a[ao + 3] = f(x0i - x1i);
  x0r = f(y0r - y2r);
  x0i = f(y0i - y2i);
  x1r = f(y4r - y6r);
  x1i = f(y4i - y6i);
  a[ao + 4] = f(x0r - x1i);
  a[ao + 5] = f(x0i + x1r);
  a[ao + 6] = f(x0r + x1i);
  a[ao + 7] = f(x0i - x1r);
  x0r = f(y1r - y3i);
  x0i = f(y1i + y3r);
  x1r = f(y5r - y7r);
  x1i = f(y5i - y7i);
  a[ao + 8] = f(x0r + x1r);
  a[ao + 9] = f(x0i + x1i);
  a[ao + 10] = f(x0r - x1r);
  a[ao + 11] = f(x0i - x1i);
  x0r = f(y1r + y3i);
  x0i = f(y1i - y3r);
  x1r = f(y5r + y7r);
  x1i = f(y5i + y7i);
  a[ao + 12] = f(x0r - x1i);
  a[ao + 13] = f(x0i + x1r);
  a[ao + 14] = f(x0r + x1i);
  a[ao + 15] = f(x0i - x1r);
}

function cftf040(a: Float32Array, ao: number): void {
  const x0r = f((a[ao] as number) + (a[ao + 4] as number));
  const x0i = f((a[ao + 1] as number) + (a[ao + 5] as number));
  const x1r = f((a[ao] as number) - (a[ao + 4] as number));
  const x1i = f((a[ao + 1] as number) - (a[ao + 5] as number));
  const x2r = f((a[ao + 2] as number) + (a[ao + 6] as number));
  const x2i = f((a[ao + 3] as number) + (a[ao + 7] as number));
  const x3r = f((a[ao + 2] as number) - (a[ao + 6] as number));
  const x3i = f((a[ao + 3] as number) - (a[ao + 7] as number));
  a[ao] = f(x0r + x2r);
  a[ao + 1] = f(x0i + x2i);
  a[ao + 2] = f(x1r - x3i);
  a[ao + 3] = f(x1i + x3r);
  a[ao + 4] = f(x0r - x2r);
  a[ao + 5] = f(x0i - x2i);
  a[ao + 6] = f(x1r + x3i);
  a[ao + 7] = f(x1i - x3r);
}

function cftx020(a: Float32Array, ao: number): void {
  const x0r = f((a[ao] as number) - (a[ao + 2] as number));
  const x0i = f((a[ao + 1] as number) - (a[ao + 3] as number));
  a[ao] = f((a[ao] as number) + (a[ao + 2] as number));
  a[ao + 1] = f((a[ao + 1] as number) + (a[ao + 3] as number));
  a[ao + 2] = x0r;
  a[ao + 3] = x0i;
}

function rftfsub(
  n: number,
  a: Float32Array,
  ao: number,
  nc: number,
  c: Float32Array,
  co: number,
): void {
  let j = 0;
  let k = 0;
  let wkr = 0;
  let wki = 0;
  let xr = 0;
  let xi = 0;
  let yr = 0;
  let yi = 0;
  const m = n >> 1;
  const ks = Math.trunc((2 * nc) / m);
  let kk = 0;
  for (j = 2; j < m; j += 2) {
    k = n - j;
    kk += ks;
    wkr = f(f(0.5) - (c[co + nc - kk] as number));
    wki = c[co + kk] as number;
    xr = f((a[ao + j] as number) - (a[ao + k] as number));
    xi = f((a[ao + j + 1] as number) + (a[ao + k + 1] as number));
    yr = f(f(wkr * xr) - f(wki * xi));
    yi = f(f(wkr * xi) + f(wki * xr));
    a[ao + j] = f((a[ao + j] as number) - yr);
    a[ao + j + 1] = f((a[ao + j + 1] as number) - yi);
    a[ao + k] = f((a[ao + k] as number) + yr);
    a[ao + k + 1] = f((a[ao + k + 1] as number) - yi);
  }
}
