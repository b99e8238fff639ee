// Parity with the real openSMILE for ComParE 2016's Segments, Peaks2 and Percentiles columns: each
// computed from the exact LLD rows openSMILE's own cFunctionals instances read
// (test/fixtures/opensmile-compare16-func-inputs) and compared with `compare16_func/X.csv`. openSMILE
// prints 7 significant digits, so each value must agree to that (5e-7 of itself, or 1e-6 of the
// column's scale over the files where the value is near 0).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  type COMPARE16_FUNC_INSTANCE_LEVELS,
  compare16FuncInputWavs,
  instanceInputs,
  readCompare16FuncInputs,
} from "../../test/compare16-func-inputs.js";
import { hasOpenSmileReference, openSmileReferenceDir } from "../../test/shared-data.js";
import { parseOpenSmileCsv } from "../formats/opensmile-csv.js";
import { applyFunctionals, type FunctionalsSpec, functionalColumns } from "./functionals.js";

const SEGMENT_LENGTHS = ["meanSegLen", "maxSegLen", "minSegLen", "segLenStddev"] as const;

const percentilesAndSegments: FunctionalsSpec = {
  components: [
    {
      kind: "percentiles",
      quartiles: true,
      iqr: true,
      percentiles: [0.01, 0.99],
      ranges: [[0, 1]],
    },
    {
      kind: "segments",
      algorithm: "relTh",
      thresholds: [0.25, 0.75],
      maxSegments: 100,
      outputs: SEGMENT_LENGTHS,
    },
  ],
};

const peaks2: FunctionalsSpec = {
  components: [
    {
      kind: "peaks",
      relThreshold: 0.1,
      norm: "seconds",
      outputs: [
        "meanPeakDist",
        "peakDistStddev",
        "peakRangeAbs",
        "peakRangeRel",
        "peakMeanAbs",
        "peakMeanMeanDist",
        "peakMeanRel",
        "minRangeRel",
        "meanRisingSlope",
        "stddevRisingSlope",
        "meanFallingSlope",
        "stddevFallingSlope",
      ],
    },
  ],
};

/** The part of each cFunctionals instance of ComParE_2016_core.func.conf.inc reproduced here. */
const INSTANCES: Record<keyof typeof COMPARE16_FUNC_INSTANCE_LEVELS, FunctionalsSpec> = {
  A: percentilesAndSegments,
  B: percentilesAndSegments,
  Nz: { nonZero: true, components: percentilesAndSegments.components.slice(0, 1) },
  F0: {
    components: [
      { kind: "segments", algorithm: "nonX", x: 0, maxSegments: 100, outputs: SEGMENT_LENGTHS },
    ],
  },
  LLD: peaks2,
  Delta: peaks2,
};

/** Our value of every reproduced column of one WAV, by openSMILE's column name. */
function ourColumns(wav: string): Map<string, number> {
  const inputs = readCompare16FuncInputs(wav);
  const values = new Map<string, number>();
  for (const [instance, spec] of Object.entries(INSTANCES)) {
    const levels = instanceInputs(inputs, instance as keyof typeof INSTANCES);
    for (const level of levels) {
      const row = applyFunctionals(level, spec, 0.01);
      functionalColumns(spec, level.columns).forEach((column, c) => {
        values.set(column, row[c] as number);
      });
    }
  }
  return values;
}

function reference(wav: string): Map<string, number> {
  const text = readFileSync(join(openSmileReferenceDir, "compare16_func", `${wav}.csv`), "utf8");
  const { columns, features } = parseOpenSmileCsv(text, `${wav}.csv`);
  return new Map(columns.map((column, c) => [column, features.data[c] as number]));
}

describe.skipIf(!hasOpenSmileReference)(
  "ComParE 2016 Segments, Peaks2 and Percentiles, openSMILE parity",
  () => {
    it("matches every value to openSMILE's printed precision, from openSMILE's own LLD rows", () => {
      const rows = compare16FuncInputWavs().map((wav) => ({
        wav,
        ours: ourColumns(wav),
        theirs: reference(wav),
      }));
      const columns = [...(rows[0]?.ours.keys() ?? [])];
      // A and B: 118 columns × 13 outputs; Nz: 12 × 9; F0: 4; LLD and Delta: 118 × 12.
      expect(columns).toHaveLength(118 * 13 + 12 * 9 + 4 + 118 * 12);
      const failures: string[] = [];
      for (const column of columns) {
        const values = rows.map(({ theirs }) => theirs.get(column));
        expect(values, column).not.toContain(undefined);
        const known = values as number[];
        const scale = Math.max(...known) - Math.min(...known) || Math.max(...known.map(Math.abs));
        for (const { wav, ours, theirs } of rows) {
          const ourValue = ours.get(column) as number;
          const theirValue = theirs.get(column) as number;
          const difference = Math.abs(ourValue - theirValue);
          if (difference > 5e-7 * Math.abs(theirValue) && difference > 1e-6 * scale) {
            failures.push(`${wav} ${column}: ours ${ourValue}, openSMILE ${theirValue}`);
          }
        }
      }
      expect(failures).toEqual([]);
    });
  },
);
