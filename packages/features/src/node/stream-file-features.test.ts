// Block-by-block extraction writes exactly what extracting the whole file and formatting it at once
// writes: every reference WAV (rates, stereo, 120 ms, silence), every frame-level set, both
// formats, with blocks far smaller than a frame and of odd sizes.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  hasOpenSmileReference,
  openSmileReferenceDir,
  referenceWavNames,
} from "../../test/shared-data.js";
import { availableFeatureSets } from "../sets/registry.js";
import { extractFile, streamFileFeatures } from "./extract-file.js";
import { FeatureFileWriter } from "./feature-file-writer.js";
import { formatFeatureFile } from "./feature-files.js";
import { runFeaturesCli } from "./features-cli.js";

async function streamed(path: string, set: string, format: "csv" | "arff", blockFrames: number) {
  let text = "";
  const writer = new FeatureFileWriter(format, (chunk) => {
    text += chunk;
  });
  await streamFileFeatures(path, set, (rows) => writer.rows(rows), blockFrames);
  await writer.finish();
  return text;
}

describe.skipIf(!hasOpenSmileReference)("block-by-block extraction", () => {
  const wavs = referenceWavNames().map((name) => join(openSmileReferenceDir, "wav", `${name}.wav`));

  it.each(availableFeatureSets())("writes what whole-file extraction writes, %s", async (set) => {
    for (const wav of wavs) {
      const whole = await extractFile(wav, set);
      for (const format of ["csv", "arff"] as const) {
        const expected = formatFeatureFile(whole, format);
        for (const blockFrames of [37, 4096]) {
          expect(
            await streamed(wav, set, format, blockFrames),
            `${wav} ${format} ${blockFrames}`,
          ).toBe(expected);
        }
      }
    }
  });
});

describe("a truncated WAV", () => {
  it("is refused before any row is written, and leaves no output file", async () => {
    const dir = mkdtempSync(join(tmpdir(), "stream-features-"));
    const header = Buffer.alloc(44);
    header.write("RIFF", 0);
    header.writeUInt32LE(36 + 32000, 4);
    header.write("WAVEfmt ", 8);
    header.writeUInt32LE(16, 16);
    header.writeUInt16LE(1, 20);
    header.writeUInt16LE(1, 22);
    header.writeUInt32LE(16000, 24);
    header.writeUInt32LE(32000, 28);
    header.writeUInt16LE(2, 32);
    header.writeUInt16LE(16, 34);
    header.write("data", 36);
    header.writeUInt32LE(32000, 40);
    const wav = join(dir, "cut.wav");
    writeFileSync(wav, Buffer.concat([header, Buffer.alloc(20000)]));
    const out = join(dir, "cut.csv");
    let stderr = "";
    const code = await runFeaturesCli(["extract", wav, "--set", "mfcc0_12", "-o", out], {
      stdout: () => {},
      stderr: (text) => {
        stderr += text;
      },
    });
    expect(code).toBe(1);
    expect(stderr).toMatch(/^error: BAD_WAV: .*truncated/);
    expect(() => readFileSync(out)).toThrow();
  });
});
