import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { hasOpenSmileReference, openSmileReferenceDir } from "../../test/shared-data.js";
import {
  COMPARE16_FUNCTIONAL_COLUMNS,
  COMPARE16_FUNCTIONAL_INPUTS,
  type Compare16FunctionalsInput,
  compare16Functionals,
} from "./compare16-functionals.js";

describe("ComParE 2016 functionals", () => {
  it("has 6,373 distinct columns", () => {
    expect(COMPARE16_FUNCTIONAL_COLUMNS).toHaveLength(6373);
    expect(new Set(COMPARE16_FUNCTIONAL_COLUMNS).size).toBe(6373);
  });

  it.skipIf(!hasOpenSmileReference)("names them as openSMILE's -csvoutput does", () => {
    const dir = join(openSmileReferenceDir, "compare16_func");
    const [file = ""] = readdirSync(dir);
    const header = readFileSync(join(dir, file), "utf8").split("\n", 1)[0] ?? "";
    expect(COMPARE16_FUNCTIONAL_COLUMNS).toEqual(header.split(";").slice(2));
  });

  it("refuses a level of another width with BAD_FRAME_DIMENSION", () => {
    const levels = Object.entries(COMPARE16_FUNCTIONAL_INPUTS).map(([level, columns]) => [
      level,
      { frames: 4, dimension: columns.length, data: new Float32Array(4 * columns.length) },
    ]);
    const input = Object.fromEntries(levels) as Compare16FunctionalsInput;
    expect(compare16Functionals(input, 0.01)).toHaveLength(6373);
    const narrow = { ...input, nz: { frames: 4, dimension: 5, data: new Float32Array(20) } };
    expect(() => compare16Functionals(narrow, 0.01)).toThrow(
      expect.objectContaining({ code: "BAD_FRAME_DIMENSION" }),
    );
  });
});
