import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { RUN_FILES } from "@emotion-stream/artifacts";
import { writeSyntheticCorpus } from "@emotion-stream/synthetic-speech/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildPaperNetwork } from "../models/presets/paper.js";
import { layersModelToOnnx } from "./layers-model-to-onnx.js";
import { randomizeWeights } from "./random-weights.js";
import { runValidationWindows } from "./run-validation-windows.js";
import { verifyExport } from "./verify-export.js";

describe("a run's validation windows, rebuilt from its config and the feature cache", () => {
  let directory: string;

  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), "validation-windows-"));
    const corpus = join(directory, "corpus");
    await writeSyntheticCorpus(corpus, { seed: 1, speakersPerLanguage: 3, utterancesPerClass: 1 });
    const config = {
      preset: "paper",
      seed: 1,
      featureSet: "mfcc0_12",
      corpora: [{ adapter: "manifest", path: corpus }],
    };
    await writeFile(join(directory, RUN_FILES.config), JSON.stringify(config));
  });

  afterAll(async () => {
    await rm(directory, { recursive: true, force: true });
  });

  it("are real, normalised as training did, and verify an export of a model of their shape", async () => {
    const { windows, description } = await runValidationWindows(directory, {
      cacheDir: join(directory, "cache"),
      count: 6,
      workers: 0,
    });
    expect(description).toContain("validation windows");
    expect(windows.count).toBeGreaterThan(0);
    expect(windows.count).toBeLessThanOrEqual(6);
    expect(windows.dimension).toBe(13);
    // The paper preset scales every frame to unit length (zero padding past an utterance's end stays 0).
    for (let start = 0; start < windows.data.length; start += windows.dimension) {
      const length = Math.hypot(...windows.data.subarray(start, start + windows.dimension));
      expect(length === 0 || Math.abs(length - 1) < 1e-5).toBe(true);
    }
    const model = buildPaperNetwork({ frames: windows.frames, dimension: 13, classes: 4 });
    randomizeWeights(model, 8);
    expect((await verifyExport(model, layersModelToOnnx(model), windows)).passed).toBe(true);
  });

  it("are cut with the window the run trained with (--window-frames/--hop-frames), not the preset's", async () => {
    const run = join(directory, "fixed-window-run");
    await mkdir(run, { recursive: true });
    await writeFile(
      join(run, RUN_FILES.config),
      JSON.stringify({
        preset: "lld-statpool-mlp",
        seed: 1,
        featureSet: "mfcc0_12",
        corpora: [{ adapter: "manifest", path: join(directory, "corpus") }],
        window: { frames: 40, hop: 20, rule: { kind: "fixed" } },
      }),
    );
    const { windows } = await runValidationWindows(run, {
      cacheDir: join(directory, "cache"),
      count: 3,
      workers: 0,
    });
    expect(windows.frames).toBe(40);
  });
});
