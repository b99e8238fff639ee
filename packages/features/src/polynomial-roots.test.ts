import { describe, expect, it } from "vitest";
import { polynomialRoots } from "./polynomial-roots.js";

describe("polynomialRoots", () => {
  it("finds the roots of (x - 1)(x - 2)(x^2 + 1) = x^4 - 3x^3 + 3x^2 - 3x + 2", () => {
    const { re, im } = polynomialRoots([2, -3, 3, -3, 1]);
    const roots = Array.from(re, (r, i) => [r, im[i] as number]).sort(
      (a, b) => (a[0] as number) - (b[0] as number) || (a[1] as number) - (b[1] as number),
    );
    const expected = [
      [0, -1],
      [0, 1],
      [1, 0],
      [2, 0],
    ];
    roots.forEach(([r, i], k) => {
      expect(r).toBeCloseTo(expected[k]?.[0] as number, 10);
      expect(i).toBeCloseTo(expected[k]?.[1] as number, 10);
    });
  });

  it("returns conjugate pairs with exactly opposite imaginary parts and real roots with 0", () => {
    const { im } = polynomialRoots([2, -3, 3, -3, 1]);
    const imaginary = Array.from(im).filter((v) => v !== 0);
    expect(imaginary).toHaveLength(2);
    expect(imaginary[0]).toBe(-(imaginary[1] as number));
  });

  it("refuses a polynomial without degree", () => {
    expect(() => polynomialRoots([1])).toThrow(RangeError);
    expect(() => polynomialRoots([1, 0])).toThrow(RangeError);
  });
});
