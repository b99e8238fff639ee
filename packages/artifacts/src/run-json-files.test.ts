import { readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, expectTypeOf, it } from "vitest";
import { testSetMetrics, trainingConfig } from "../test/run-fixtures.js";
import { useTemporaryDirectory } from "../test/temporary-directory.js";
import type { RunConfig } from "./run-config.js";
import { RUN_FILES } from "./run-files.js";
import {
  type RunJsonRead,
  readRunJson,
  readRunJsonAs,
  requireRunJson,
  writeRunJson,
} from "./run-json-files.js";
import type { RunMetrics } from "./run-metrics.js";
import { trainingRunConfigSchema } from "./training-run-config.js";

describe("a run's JSON files", () => {
  const run = useTemporaryDirectory("run-");

  it("are written indented under their names, atomically, and read back by their schemas", async () => {
    const metrics = [testSetMetrics("emodb", 0.5, { language: "de" })];
    await writeRunJson(run(), "metrics", metrics);
    await writeRunJson(run(), "config", trainingConfig());
    expect(await readdir(run())).toEqual(expect.arrayContaining(["config.json", "metrics.json"]));
    expect(await readdir(run())).toHaveLength(2);
    const text = await readFile(join(run(), RUN_FILES.metrics), "utf8");
    expect(text).toBe(`${JSON.stringify(metrics, null, 2)}\n`);
    expect(await readRunJson(run(), "metrics")).toEqual(metrics);
    const config = await readRunJson(run(), "config");
    expect(config?.experiment.kind).toBe("mono");
    // Every command's own fields are kept for the readers that show them.
    expect(config?.featureSet).toBe("mfcc0_12");
  });

  it("type what readers get from the one schema of each file", () => {
    expectTypeOf<RunJsonRead<"config">>().toEqualTypeOf<RunConfig>();
    expectTypeOf<RunJsonRead<"metrics">>().toEqualTypeOf<RunMetrics>();
  });

  it("are undefined when the run has none yet, and BAD_FILE naming the file when required", async () => {
    expect(await readRunJson(run(), "history")).toBeUndefined();
    expect(() => requireRunJson(undefined, run(), "history")).toThrow(
      expect.objectContaining({ code: "BAD_FILE", details: { file: join(run(), "history.json") } }),
    );
  });

  it("refuse a file that is not JSON or not in its shape, naming the file and field", async () => {
    await writeFile(join(run(), RUN_FILES.status), "{ not json");
    await expect(readRunJson(run(), "status")).rejects.toMatchObject({
      code: "BAD_FILE",
      details: { file: join(run(), "status.json") },
    });
    await writeFile(
      join(run(), RUN_FILES.status),
      JSON.stringify({ status: "paused", updatedAt: "" }),
    );
    await expect(readRunJson(run(), "status")).rejects.toMatchObject({
      code: "BAD_FILE",
      details: { file: join(run(), "status.json"), field: "status" },
    });
  });

  it("can be read by a schema derived from the file's own, for part of it and older runs", async () => {
    const older = { preset: "paper", seed: 1, corpora: [{ adapter: "a", path: "/a" }] };
    await writeFile(join(run(), RUN_FILES.config), JSON.stringify({ ...older, featureSet: "x" }));
    const part = trainingRunConfigSchema
      .pick({ preset: true, seed: true, featureSet: true, corpora: true, experiment: true })
      .partial({ experiment: true });
    expect(await readRunJsonAs(run(), "config", part)).toMatchObject(older);
    await expect(readRunJson(run(), "config")).rejects.toMatchObject({ code: "BAD_FILE" });
  });
});
