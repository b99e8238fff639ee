// Parity with the real openSMILE: the 6,373 ComParE 2016 functionals of the exact LLD rows
// openSMILE's own cFunctionals instances read (test/fixtures/opensmile-compare16-func-inputs)
// against its `-csvoutput` of ComParE_2016.conf, apart from our LLDs. openSMILE prints 7 significant
// digits, so each value must agree to that (test/functionals-parity.ts).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  compare16FuncInputWavs,
  readCompare16FuncInputs,
} from "../../test/compare16-func-inputs.js";
import { printedPrecisionFailures } from "../../test/functionals-parity.js";
import { hasOpenSmileReference, openSmileReferenceDir } from "../../test/shared-data.js";
import { parseOpenSmileCsv } from "../formats/opensmile-csv.js";
import {
  COMPARE16_FUNCTIONAL_COLUMNS,
  COMPARE16_FUNCTIONAL_INPUTS,
  type Compare16FunctionalsInput,
  compare16Functionals,
} from "./compare16-functionals.js";

function inputs(wav: string): Compare16FunctionalsInput {
  const levels = readCompare16FuncInputs(wav);
  const input: Compare16FunctionalsInput = {
    lldA: levels.is13_lldA_smo,
    lldADelta: levels.is13_lldA_smo_de,
    lldB: levels.is13_lldB_smo,
    lldBDelta: levels.is13_lldB_smo_de,
    nz: levels.is13_lld_nzsmo,
    nzDelta: levels.is13_lld_nzsmo_de,
    f0: levels.is13_lld_f0_nzsmo,
  };
  for (const [level, columns] of Object.entries(COMPARE16_FUNCTIONAL_INPUTS)) {
    expect(input[level as keyof Compare16FunctionalsInput]).toMatchObject({ columns });
  }
  return input;
}

function reference(wav: string) {
  const text = readFileSync(join(openSmileReferenceDir, "compare16_func", `${wav}.csv`), "utf8");
  return parseOpenSmileCsv(text, `${wav}.csv`);
}

describe.skipIf(!hasOpenSmileReference)("ComParE 2016 functionals, openSMILE parity", () => {
  it("matches every value to openSMILE's printed precision, from openSMILE's own LLD rows", () => {
    const rows = compare16FuncInputWavs().map((wav) => ({
      wav,
      ours: compare16Functionals(inputs(wav), 0.01),
      theirs: reference(wav).features.data,
    }));
    expect(printedPrecisionFailures(COMPARE16_FUNCTIONAL_COLUMNS, rows)).toEqual([]);
  });
});
