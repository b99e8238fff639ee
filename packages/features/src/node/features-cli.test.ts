import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import wavefile from "wavefile";
import { hasOpenSmileReference, openSmileReferenceDir } from "../../test/shared-data.js";
import { parseOpenSmileArff } from "../formats/opensmile-arff.js";
import { parseOpenSmileCsv } from "../formats/opensmile-csv.js";
import { availableFeatureSets } from "../sets/registry.js";
import { runFeaturesCli } from "./features-cli.js";

async function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const code = await runFeaturesCli(args, {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
  });
  return { code, stdout, stderr };
}

let dir = "";
let good = "";
let other = "";
let broken = "";

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "features-cli-"));
  const tone = Int16Array.from({ length: 8000 }, (_, t) => Math.round(8000 * Math.sin(t / 5)));
  const wav = new wavefile.WaveFile();
  wav.fromScratch(1, 16000, "16", tone);
  good = join(dir, "tone.wav");
  other = join(dir, "tone_copy.wav");
  broken = join(dir, "broken.wav");
  writeFileSync(good, wav.toBuffer());
  writeFileSync(other, wav.toBuffer());
  writeFileSync(broken, wav.toBuffer().subarray(0, 2000));
});

describe("features extract", () => {
  it("writes openSMILE CSV to stdout with instance names and frame times", async () => {
    const { code, stdout, stderr } = await run(["extract", good, "--set", "mfcc0_12"]);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    const parsed = parseOpenSmileCsv(stdout);
    expect(stdout.startsWith("name;frameTime;pcm_fftMag_mfcc[0];")).toBe(true);
    expect(parsed.features.frames).toBe(48);
    expect(parsed.names[0]).toBe("tone");
    expect(parsed.frameTimes?.[2]).toBeCloseTo(0.02, 9);
  });

  it("writes ARFF to a file chosen by -o", async () => {
    const out = join(dir, "tone.arff");
    const { code } = await run(["extract", good, "--set", "mfcc0_12_d_a", "-o", out]);
    expect(code).toBe(0);
    const parsed = parseOpenSmileArff(readFileSync(out, "utf8"));
    expect(parsed.columns).toHaveLength(39);
    expect(parsed.classes?.[0]).toBe("unassigned");
  });

  it("reports a bad input on one line and still writes the others", async () => {
    const out = join(dir, "several");
    const result = await run(["extract", good, broken, other, "--set", "mfcc0_12", "-o", out]);
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(result.stderr).toMatch(/^error: BAD_WAV: .*broken\.wav/);
    expect(readdirSync(out).sort()).toEqual(["tone.csv", "tone_copy.csv"]);
  });

  it("writes one row of functionals per file for a set that has them, or its LLDs with --level lld", async () => {
    const functionals = await run(["extract", good, other, "--set", "is09"]);
    expect(functionals).toMatchObject({ code: 0, stderr: "" });
    const parsed = parseOpenSmileCsv(functionals.stdout);
    expect(parsed.features).toMatchObject({ frames: 2, dimension: 384 });
    expect(parsed.names).toEqual(["tone", "tone_copy"]);
    expect(parsed.columns.slice(0, 3)).toEqual([
      "pcm_RMSenergy_sma_max",
      "pcm_RMSenergy_sma_min",
      "pcm_RMSenergy_sma_range",
    ]);
    const lld = await run(["extract", good, "--set", "is09", "--level", "lld"]);
    expect(parseOpenSmileCsv(lld.stdout).features.dimension).toBe(32);
    const none = await run(["extract", good, "--set", "mfcc0_12", "--level", "functionals"]);
    expect(none.code).toBe(1);
    expect(none.stderr).toMatch(
      /^error: BAD_ARGUMENT: set mfcc0_12 has no functionals .*field --level/,
    );
  });

  it("rejects an unknown set, a bad format and an unknown flag with one coded line", async () => {
    const unknownSet = await run(["extract", good, "--set", "mfcc7"]);
    expect(unknownSet.code).toBe(1);
    expect(unknownSet.stderr).toMatch(
      /^error: UNKNOWN_FEATURE_SET: .*allowed: mfcc0_12.*, is09.*\)\n$/,
    );
    const badFormat = await run(["extract", good, "--set", "mfcc0_12", "--format", "json"]);
    expect(badFormat.stderr).toMatch(/^error: BAD_ARGUMENT: .*field format/);
    const badFlag = await run(["extract", good, "--set", "mfcc0_12", "--frobnicate"]);
    expect(badFlag).toMatchObject({ code: 1, stdout: "" });
    expect(badFlag.stderr).toBe("error: BAD_ARGUMENT: unknown option '--frobnicate'\n");
  });

  it("reports a missing file by code and prints a stack only with --verbose", async () => {
    const missing = join(dir, "missing.wav");
    const plain = await run(["extract", missing, "--set", "mfcc0_12"]);
    expect(plain.stderr).toBe(`error: FILE_NOT_FOUND: no such file (at ${missing})\n`);
    const verbose = await run(["extract", missing, "--set", "mfcc0_12", "--verbose"]);
    expect(verbose.stderr).toMatch(/EmotionStreamError: no such file\n\s+at /);
  });
});

describe.skipIf(!hasOpenSmileReference)("features extract on openSMILE's reference WAVs", () => {
  const referenceCsvDirs: Readonly<Record<string, string>> = {
    mfcc0_12_d_a: "mfcc12_0_d_a",
    is09_lld: "is09_lld",
    is09: "is09_func",
    egemaps_v02_lld: "egemaps_v02_lld",
    egemaps_v02: "egemaps_v02_func",
  };
  const sets = availableFeatureSets().filter((set) => referenceCsvDirs[set] !== undefined);

  it.each(sets)(
    "%s: header, instance names and frame times as openSMILE writes them",
    async (set) => {
      for (const file of ["en_male_normal", "very_short_120ms"]) {
        const wav = join(openSmileReferenceDir, "wav", `${file}.wav`);
        const { code, stdout } = await run(["extract", wav, "--set", set]);
        expect(code).toBe(0);
        const csv = join(openSmileReferenceDir, referenceCsvDirs[set] ?? "", `${file}.csv`);
        const reference = readFileSync(csv, "utf8");
        expect(stdout.split("\n")[0]).toBe(reference.split("\n")[0]);
        const ours = parseOpenSmileCsv(stdout);
        const theirs = parseOpenSmileCsv(reference);
        expect(ours.names).toEqual(theirs.names);
        expect(ours.frameTimes).toEqual(theirs.frameTimes);
      }
    },
  );
});
