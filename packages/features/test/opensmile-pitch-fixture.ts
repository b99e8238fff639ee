// openSMILE's GeMAPS pitch level for the reference WAVs (fixtures/opensmile-gemaps-pitch), and the
// `;`-separated files openSMILE writes: what the jitter and harmonics tests read their F0 from.
import { readFileSync } from "node:fs";
import { join } from "node:path";

const pitchFixtureDir = join(import.meta.dirname, "fixtures/opensmile-gemaps-pitch");

/** Header and rows of a `;`-separated openSMILE file. */
export function readSemicolonRows(path: string): { header: string[]; rows: string[][] } {
  const lines = readFileSync(path, "utf8").trim().split(/\r?\n/);
  return {
    header: (lines[0] ?? "").split(";"),
    rows: lines.slice(1).map((line) => line.split(";")),
  };
}

/** openSMILE's F0final (Hz, 0 = unvoiced) per 60 ms frame of reference WAV `file`. */
export function fixtureF0(file: string): Float32Array {
  const { header, rows } = readSemicolonRows(join(pitchFixtureDir, `${file}.csv`));
  const column = header.indexOf("F0final");
  return Float32Array.from(rows, (row) => Number(row[column]));
}
