import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PrintfTextWriter } from "./printf-text-writer.js";

/** C printf's own text for random float32/float64 values and exact ties (make-printf-cases.py). */
const printfCases = JSON.parse(
  readFileSync(resolve(import.meta.dirname, "../../test/fixtures/printf-cases.json"), "utf8"),
) as { scientific: [string, string][]; fixed: [string, string][] };

function written(write: (writer: PrintfTextWriter) => void): string {
  const writer = new PrintfTextWriter();
  write(writer);
  return writer.toString();
}

describe("PrintfTextWriter", () => {
  it("writes %e as C printf does, ties to even, for float32 and float64 values", () => {
    expect(printfCases.scientific.length).toBeGreaterThan(2500);
    for (const [value, expected] of printfCases.scientific) {
      expect([value, written((writer) => writer.scientific(Number(value)))]).toEqual([
        value,
        expected,
      ]);
    }
  });

  it("writes %f as C printf does", () => {
    for (const [value, expected] of printfCases.fixed) {
      expect([value, written((writer) => writer.fixed(Number(value)))]).toEqual([value, expected]);
    }
  });

  it("rounds an exact tie to even where toExponential rounds it up", () => {
    expect(written((writer) => writer.scientific(1234566.5))).toBe("1.234566e+06");
    expect((1234566.5).toExponential(6)).toBe("1.234567e+6");
    expect(written((writer) => writer.scientific(1234567.5))).toBe("1.234568e+06");
  });

  it("writes zero signs, three-digit exponents and non-finite values as glibc does", () => {
    const text = written((writer) => {
      for (const value of [
        0,
        -0,
        1e-300,
        5e-324,
        Number.NaN,
        Number.POSITIVE_INFINITY,
        -Infinity,
      ]) {
        writer.scientific(value);
        writer.text(" ");
      }
      writer.fixed(-0);
      writer.text(" ");
      writer.fixed(1e20);
      writer.text(" ");
      writer.wholeNumber(-0);
      writer.text(" ");
      writer.wholeNumber(1e21);
      writer.text(" ");
      writer.wholeNumber(999999999999999);
    });
    expect(text).toBe(
      "0.000000e+00 -0.000000e+00 1.000000e-300 4.940656e-324 nan inf -inf " +
        "-0.000000 100000000000000000000.000000 -0 1000000000000000000000 999999999999999",
    );
  });

  it("agrees with toExponential wherever the value is not near a tie", () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (value) => {
        // Both round the exact value to nearest; they differ only on exact ties (8th digit 5).
        fc.pre(!Object.is(value, -0) && !/5e/.test(value.toExponential(7)));
        const reference = value.toExponential(6).replace(/e([+-])(\d)$/, "e$10$2");
        expect(written((writer) => writer.scientific(value))).toBe(reference);
      }),
      { numRuns: 20_000 },
    );
  });

  it("keeps UTF-8 names and grows past its first buffer", () => {
    const text = written((writer) => {
      writer.text("'stimme_ä'");
      for (let index = 0; index < 10_000; index += 1) writer.scientific(index + 0.25);
    });
    expect(text.slice(0, 22)).toBe("'stimme_ä'2.500000e-01");
    expect(text.slice(-12)).toBe("9.999250e+03");
    expect(text.length).toBe("'stimme_ä'".length + 10_000 * "2.500000e-01".length);
  });
});
