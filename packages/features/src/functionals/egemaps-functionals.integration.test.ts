// Parity with the real openSMILE: the 88 eGeMAPS v02 functionals of the exact LLD rows openSMILE's
// own cFunctionals instances read (test/fixtures/opensmile-egemaps-func-inputs) against its
// `-csvoutput` of eGeMAPSv02.conf for every reference WAV, apart from our LLDs. openSMILE prints
// 7 significant digits, so each value must agree to that (test/functionals-parity.ts).
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { printedPrecisionFailures } from "../../test/functionals-parity.js";
import { hasOpenSmileReference, openSmileReferenceDir } from "../../test/shared-data.js";
import type { FeatureMatrix } from "../feature-matrix.js";
import { parseOpenSmileCsv } from "../formats/opensmile-csv.js";
import {
  EGEMAPS_V02_FUNCTIONAL_COLUMNS,
  EGEMAPS_V02_FUNCTIONAL_INPUTS,
  type EgemapsV02FunctionalsGroup,
  type EgemapsV02FunctionalsInput,
  egemapsV02Functionals,
} from "./egemaps-functionals.js";

const fixtureDir = join(
  import.meta.dirname,
  "..",
  "..",
  "test",
  "fixtures",
  "opensmile-egemaps-func-inputs",
);
const wavNames = readdirSync(fixtureDir, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

function readGroup(wav: string, group: EgemapsV02FunctionalsGroup): FeatureMatrix {
  const [header = "", ...rows] = readFileSync(join(fixtureDir, wav, `${group}.csv`), "utf8")
    .trim()
    .split("\n");
  expect(header.split(";")).toEqual(EGEMAPS_V02_FUNCTIONAL_INPUTS[group]);
  const dimension = EGEMAPS_V02_FUNCTIONAL_INPUTS[group].length;
  return {
    frames: rows.length,
    dimension,
    data: Float32Array.from(rows.flatMap((row) => row.split(";").map(Number))),
  };
}

function inputs(wav: string): EgemapsV02FunctionalsInput {
  const groups = Object.keys(EGEMAPS_V02_FUNCTIONAL_INPUTS) as EgemapsV02FunctionalsGroup[];
  return Object.fromEntries(
    groups.map((group) => [group, readGroup(wav, group)]),
  ) as unknown as EgemapsV02FunctionalsInput;
}

function reference(wav: string) {
  const text = readFileSync(join(openSmileReferenceDir, "egemaps_v02_func", `${wav}.csv`), "utf8");
  return parseOpenSmileCsv(text, `${wav}.csv`);
}

describe.skipIf(!hasOpenSmileReference)("eGeMAPS v02 functionals, openSMILE parity", () => {
  it("names the 88 columns as openSMILE does", () => {
    expect(EGEMAPS_V02_FUNCTIONAL_COLUMNS).toEqual(reference(wavNames[0] ?? "").columns);
  });

  it("matches every value to openSMILE's printed precision, from openSMILE's own LLD rows", () => {
    const rows = wavNames.map((wav) => ({
      wav,
      ours: egemapsV02Functionals(inputs(wav), 0.01),
      theirs: reference(wav).features.data,
    }));
    expect(printedPrecisionFailures(EGEMAPS_V02_FUNCTIONAL_COLUMNS, rows)).toEqual([]);
  });
});
