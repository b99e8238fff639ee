// The LLD levels openSMILE's ComParE 2016 functionals read (fixtures/opensmile-compare16-func-inputs):
// each level's rows as they stood when the functionals ran, and the rows one instance reads.
import { readdirSync } from "node:fs";
import { join } from "node:path";
import type { FeatureMatrix } from "../src/feature-matrix.js";
import { readSemicolonRows } from "./opensmile-pitch-fixture.js";

const fixtureDir = join(import.meta.dirname, "fixtures", "opensmile-compare16-func-inputs");

export const COMPARE16_FUNC_LEVELS = [
  "is13_lldA_smo",
  "is13_lldA_smo_de",
  "is13_lldB_smo",
  "is13_lldB_smo_de",
  "is13_lld_nzsmo",
  "is13_lld_nzsmo_de",
  "is13_lld_f0_nzsmo",
] as const;

export type Compare16FuncLevel = (typeof COMPARE16_FUNC_LEVELS)[number];

/** The `reader.dmLevel` of each cFunctionals instance of ComParE_2016_core.func.conf.inc. */
export const COMPARE16_FUNC_INSTANCE_LEVELS = {
  A: ["is13_lldA_smo", "is13_lldA_smo_de"],
  B: ["is13_lldB_smo", "is13_lldB_smo_de"],
  F0: ["is13_lld_f0_nzsmo"],
  Nz: ["is13_lld_nzsmo", "is13_lld_nzsmo_de"],
  LLD: ["is13_lldA_smo", "is13_lldB_smo"],
  Delta: ["is13_lldA_smo_de", "is13_lldB_smo_de"],
} as const satisfies Record<string, readonly Compare16FuncLevel[]>;

export interface NamedFeatureMatrix extends FeatureMatrix {
  readonly columns: readonly string[];
}

/** The WAVs (base names) the fixture holds. */
export function compare16FuncInputWavs(): string[] {
  return readdirSync(fixtureDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

/** Every level of one WAV, with its column names. */
export function readCompare16FuncInputs(
  wav: string,
): Record<Compare16FuncLevel, NamedFeatureMatrix> {
  const levels = COMPARE16_FUNC_LEVELS.map((level) => {
    const { header, rows } = readSemicolonRows(join(fixtureDir, wav, `${level}.csv`));
    const matrix: NamedFeatureMatrix = {
      columns: header,
      frames: rows.length,
      dimension: header.length,
      data: Float32Array.from(rows.flat(), Number),
    };
    return [level, matrix] as const;
  });
  return Object.fromEntries(levels) as Record<Compare16FuncLevel, NamedFeatureMatrix>;
}

/**
 * The levels one instance reads, each cut to the shortest of them: openSMILE reads the levels of
 * one `reader.dmLevel` list as one, frame by frame.
 */
export function instanceInputs(
  inputs: Record<Compare16FuncLevel, NamedFeatureMatrix>,
  instance: keyof typeof COMPARE16_FUNC_INSTANCE_LEVELS,
): NamedFeatureMatrix[] {
  const levels = COMPARE16_FUNC_INSTANCE_LEVELS[instance].map((level) => inputs[level]);
  const frames = Math.min(...levels.map((level) => level.frames));
  return levels.map((level) => ({
    ...level,
    frames,
    data: level.data.subarray(0, frames * level.dimension),
  }));
}
