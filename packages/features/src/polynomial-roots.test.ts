import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { polynomialProduct } from "../test/polynomial-product.js";
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

  it("recovers random well-separated LPC-like roots (pairs inside the unit circle, a real root) to 1e-7", () => {
    const pair = fc.record({
      angle: fc.double({ min: 0.05, max: 3.1, noNaN: true }),
      radius: fc.double({ min: 0.3, max: 0.999, noNaN: true }),
    });
    fc.assert(
      fc.property(
        fc.array(pair, { minLength: 1, maxLength: 5 }),
        fc.double({ min: -0.99, max: 0.99, noNaN: true }),
        (pairs, real) => {
          const points = [
            ...pairs.flatMap(({ angle, radius }) => [
              [radius * Math.cos(angle), radius * Math.sin(angle)],
              [radius * Math.cos(angle), -radius * Math.sin(angle)],
            ]),
            [real, 0],
          ];
          // Clustered roots are ill-conditioned for any solver (5e-7 at a distance of 5e-4, 1.5e-9
          // for three pairs within 0.05).
          fc.pre(
            points.every((a, i) =>
              points.every(
                (b, j) =>
                  i === j ||
                  Math.hypot(
                    (a[0] as number) - (b[0] as number),
                    (a[1] as number) - (b[1] as number),
                  ) > 0.05,
              ),
            ),
          );
          const poly = polynomialProduct(
            ...pairs.map(({ angle, radius }) => [
              radius * radius,
              -2 * radius * Math.cos(angle),
              1,
            ]),
            [-real, 1],
          );
          const { re, im } = polynomialRoots(poly);
          for (const [r, i] of points) {
            const nearest = Math.min(
              ...Array.from(re, (x, k) =>
                Math.hypot(x - (r as number), (im[k] as number) - (i as number)),
              ),
            );
            expect(nearest).toBeLessThan(1e-7);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it("finds a triple root too (x - 1)^3 (x + 2), ill-conditioned as multiple roots are", () => {
    const { re, im } = polynomialRoots([-2, 5, -3, -1, 1]);
    const sorted = Array.from(re).sort((a, b) => a - b);
    expect(sorted[0]).toBeCloseTo(-2, 9);
    for (const root of sorted.slice(1)) expect(root).toBeCloseTo(1, 4);
    for (const value of im) expect(Math.abs(value)).toBeLessThan(1e-4);
  });

  it("refuses a polynomial without degree", () => {
    expect(() => polynomialRoots([1])).toThrow(RangeError);
    expect(() => polynomialRoots([1, 0])).toThrow(RangeError);
  });
});
