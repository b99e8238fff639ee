// Complex roots of a real polynomial. The roots are fixed by the coefficients; a solver only
// decides their order (which the callers here do not depend on) and the last bits. openSMILE's
// zerosolverPolynomialComplexSolve (from GSL) takes the eigenvalues of the companion matrix; so
// does the fallback here (ml-matrix). The fast path is the Aberth-Ehrlich iteration, about 5x
// faster for the order-11 LPC polynomials of every 10 ms frame (no matrices, no eigenvectors).
import { EigenvalueDecomposition, Matrix } from "ml-matrix";

export interface ComplexRoots {
  readonly re: Float64Array;
  readonly im: Float64Array;
}

const MAX_ITERATIONS = 80;
/** A root is final when its step is below this fraction of its magnitude (or of 1)... */
const STEP_TOLERANCE = 1e-14;
/**
 * ...or below this one and no longer halving: rounding in p(z) then moves a root of a cluster
 * more than the iteration improves it.
 */
const STALL_TOLERANCE = 1e-8;
/** Roots whose imaginary part is below this fraction of their magnitude are real. */
const REAL_TOLERANCE = 1e-10;

/**
 * Roots of c[0] + c[1] x + ... + c[n] x^n (c[n] != 0). Conjugate pairs come with exactly opposite
 * imaginary parts and real roots with an imaginary part of exactly 0.
 */
export function polynomialRoots(coefficients: ArrayLike<number>): ComplexRoots {
  const degree = coefficients.length - 1;
  const leading = coefficients[degree] as number;
  if (degree < 1 || leading === 0) {
    throw new RangeError(
      "polynomialRoots needs a degree of at least 1 and a non-zero leading coefficient",
    );
  }
  const monic = Float64Array.from(
    { length: degree + 1 },
    (_, i) => (coefficients[i] as number) / leading,
  );
  const roots = aberthEhrlich(monic) ?? companionEigenvalues(monic);
  return pairConjugates(roots);
}

/**
 * Aberth-Ehrlich: every root estimate z_k moves by w_k / (1 - w_k sum_(j != k) 1 / (z_k - z_j)),
 * w_k = p(z_k) / p'(z_k), a Newton step corrected for the other roots (cubic convergence for
 * simple roots). Starts on a circle of the roots' geometric-mean radius, rotated off the real
 * axis. Returns null when it has not converged (the caller falls back to the eigenvalues).
 */
function aberthEhrlich(monic: Float64Array): ComplexRoots | null {
  const degree = monic.length - 1;
  const re = new Float64Array(degree);
  const im = new Float64Array(degree);
  const radius = Math.max(Math.abs(monic[0] as number) ** (1 / degree), 0.1);
  for (let k = 0; k < degree; k += 1) {
    const angle = (2 * Math.PI * k) / degree + 0.4;
    re[k] = radius * Math.cos(angle);
    im[k] = radius * Math.sin(angle);
  }
  const done = new Uint8Array(degree);
  const previousStep = new Float64Array(degree).fill(Number.POSITIVE_INFINITY);
  let remaining = degree;
  for (let iteration = 0; iteration < MAX_ITERATIONS && remaining > 0; iteration += 1) {
    for (let k = 0; k < degree; k += 1) {
      if (done[k] === 1) continue;
      const zr = re[k] as number;
      const zi = im[k] as number;
      // Horner for p(z) and p'(z).
      let pr = 1;
      let pi = 0;
      let dr = 0;
      let di = 0;
      for (let i = degree - 1; i >= 0; i -= 1) {
        const ndr = dr * zr - di * zi + pr;
        di = dr * zi + di * zr + pi;
        dr = ndr;
        const npr = pr * zr - pi * zi + (monic[i] as number);
        pi = pr * zi + pi * zr;
        pr = npr;
      }
      const magnitude = Math.hypot(zr, zi);
      if (pr === 0 && pi === 0) {
        done[k] = 1;
        remaining -= 1;
        continue;
      }
      // w = p / p'
      const dd = dr * dr + di * di;
      if (dd === 0) return null;
      const wr = (pr * dr + pi * di) / dd;
      const wi = (pi * dr - pr * di) / dd;
      // s = sum over j != k of 1 / (z_k - z_j)
      let sr = 0;
      let si = 0;
      for (let j = 0; j < degree; j += 1) {
        if (j === k) continue;
        const ar = zr - (re[j] as number);
        const ai = zi - (im[j] as number);
        const aa = ar * ar + ai * ai;
        if (aa === 0) return null;
        sr += ar / aa;
        si -= ai / aa;
      }
      // step = w / (1 - w s)
      const br = 1 - (wr * sr - wi * si);
      const bi = -(wr * si + wi * sr);
      const bb = br * br + bi * bi;
      if (bb === 0) return null;
      const stepRe = (wr * br + wi * bi) / bb;
      const stepIm = (wi * br - wr * bi) / bb;
      re[k] = zr - stepRe;
      im[k] = zi - stepIm;
      const step = Math.hypot(stepRe, stepIm);
      const scale = Math.max(1, magnitude);
      const stalled = step <= STALL_TOLERANCE * scale && step > 0.5 * (previousStep[k] as number);
      if (step <= STEP_TOLERANCE * scale || stalled) {
        done[k] = 1;
        remaining -= 1;
      }
      previousStep[k] = step;
    }
  }
  return remaining === 0 ? { re, im } : null;
}

function companionEigenvalues(monic: Float64Array): ComplexRoots {
  const degree = monic.length - 1;
  const companion = Matrix.zeros(degree, degree);
  for (let row = 0; row < degree; row += 1) {
    if (row > 0) companion.set(row, row - 1, 1);
    companion.set(row, degree - 1, -(monic[row] as number));
  }
  const decomposition = new EigenvalueDecomposition(companion, { assumeSymmetric: false });
  return {
    re: Float64Array.from(decomposition.realEigenvalues),
    im: Float64Array.from(decomposition.imaginaryEigenvalues),
  };
}

/**
 * Makes the roots of a real polynomial exactly conjugate-symmetric: near-real roots become real,
 * and each root below the real axis becomes the conjugate of its nearest partner above it.
 */
function pairConjugates({ re, im }: ComplexRoots): ComplexRoots {
  const degree = re.length;
  for (let k = 0; k < degree; k += 1) {
    if (
      Math.abs(im[k] as number) <=
      REAL_TOLERANCE * Math.max(1, Math.hypot(re[k] as number, im[k] as number))
    ) {
      im[k] = 0;
    }
  }
  const paired = new Uint8Array(degree);
  for (let k = 0; k < degree; k += 1) {
    if ((im[k] as number) <= 0 || paired[k] === 1) continue;
    let partner = -1;
    let best = Number.POSITIVE_INFINITY;
    for (let j = 0; j < degree; j += 1) {
      if ((im[j] as number) >= 0 || paired[j] === 1) continue;
      const distance = Math.hypot(
        (re[j] as number) - (re[k] as number),
        (im[j] as number) + (im[k] as number),
      );
      if (distance < best) {
        best = distance;
        partner = j;
      }
    }
    if (partner < 0) continue;
    paired[k] = 1;
    paired[partner] = 1;
    re[partner] = re[k] as number;
    im[partner] = -(im[k] as number);
  }
  return { re, im };
}
