import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  type FrameLevelFeatures,
  formatOpenSmileArff,
  formatOpenSmileCsv,
} from "@emotion-stream/features/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defaultLabellingOptions } from "../read-corpora.js";
import { opensmileAdapter } from "./opensmile.js";

let root: string;

function frameLevel(names: string[], classes?: string[]): FrameLevelFeatures {
  const dimension = 2;
  const data = Float32Array.from(names.flatMap((_, frame) => [frame, frame + 0.5]));
  return {
    columns: ["pcm_fftMag_mfcc[0]", "pcm_fftMag_mfcc[1]"],
    names,
    frameTimes: Float64Array.from(names.map((_, frame) => frame * 0.01)),
    ...(classes === undefined ? {} : { classes }),
    features: { frames: names.length, dimension, data },
  };
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), "opensmile-"));
  const ravdess = "03-01-03-01-01-01-07";
  await writeFile(
    join(root, "study.arff"),
    formatOpenSmileArff(
      frameLevel(
        [ravdess, ravdess, "03a01Wa", "mixed", "mixed"],
        ["happy", "happy", "angry", "sad", "happy"],
      ),
    ),
  );
  await mkdir(join(root, "sad"));
  await writeFile(
    join(root, "sad", "speaker9.csv"),
    formatOpenSmileCsv(frameLevel(["take1", "take1", "take1"])),
  );
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe("openSMILE adapter", () => {
  it("groups frames by instance, labels by ARFF class or CSV folder, speakers from known namings", async () => {
    const reading = await opensmileAdapter.read(root, defaultLabellingOptions());
    const summary = reading.utterances.map((u) => [u.id, u.label, u.speaker, u.gender, u.language]);
    expect(summary).toEqual([
      ["take1", "sadness", "opensmile_speaker9", undefined, "und"],
      ["03-01-03-01-01-01-07", "joy", "ravdess_07", "male", "en"],
      ["03a01Wa", "anger", "emodb_03", "male", "de"],
    ]);
    const source = reading.utterances[1]?.source;
    expect(source?.kind === "features" && Array.from(source.features.data)).toEqual([
      0, 0.5, 1, 1.5,
    ]);
  });

  it("skips an instance whose frames carry different classes", async () => {
    const reading = await opensmileAdapter.read(root, defaultLabellingOptions());
    expect(reading.skipped).toEqual([
      expect.objectContaining({
        file: `${join(root, "study.arff")}#mixed`,
        reason: "bad-annotation",
      }),
    ]);
  });
});
