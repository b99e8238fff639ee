// Complex roots of a real polynomial as the eigenvalues of its companion matrix (what openSMILE's
// zerosolverPolynomialComplexSolve, taken from GSL, computes too). The roots are fixed by the
// coefficients; the solver only decides their order, which its callers here do not depend on.
import { EigenvalueDecomposition, Matrix } from "ml-matrix";

export interface ComplexRoots {
  readonly re: Float64Array;
  readonly im: Float64Array;
}

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
  const companion = Matrix.zeros(degree, degree);
  for (let row = 0; row < degree; row += 1) {
    if (row > 0) companion.set(row, row - 1, 1);
    companion.set(row, degree - 1, -(coefficients[row] as number) / leading);
  }
  const decomposition = new EigenvalueDecomposition(companion, { assumeSymmetric: false });
  return {
    re: Float64Array.from(decomposition.realEigenvalues),
    im: Float64Array.from(decomposition.imaginaryEigenvalues),
  };
}
