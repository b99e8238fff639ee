import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { testSetMetrics, writeRun } from "../test/run-fixtures.js";
import { useTemporaryDirectory } from "../test/temporary-directory.js";
import { readRun, readRunStatus } from "./read-run.js";
import { writeRunJson } from "./run-json-files.js";

describe("reading one run", () => {
  const runs = useTemporaryDirectory("runs-");

  it("gives its id, status and every file it has so far", async () => {
    const path = await writeRun(runs(), "20261125-100000Z-paper", {
      metrics: [testSetMetrics("ravdess", 0.6)],
    });
    await writeRunJson(path, "history", { selectedEpoch: 1, epochs: [{ epoch: 1, loss: 0.9 }] });
    const run = await readRun(path);
    expect(run).toMatchObject({
      id: "20261125-100000Z-paper",
      path,
      status: { status: "finished" },
    });
    expect(run.metrics?.[0]?.uar).toBe(0.6);
    expect(run.history?.selectedEpoch).toBe(1);
    expect(run.config?.preset).toBe("paper");
    expect(run.data).toBeUndefined();
    expect(run.modelCard).toBeUndefined();
  });

  it("leaves out what a running run has not written yet", async () => {
    const run = await readRun(await writeRun(runs(), "running", { status: "running" }));
    expect(run.status.status).toBe("running");
    expect(run.metrics).toBeUndefined();
  });

  it("refuses a directory without a status with RUN_NOT_FOUND: it is not a run", async () => {
    await mkdir(join(runs(), "empty"));
    await expect(readRun(join(runs(), "empty"))).rejects.toMatchObject({ code: "RUN_NOT_FOUND" });
    await expect(readRunStatus(join(runs(), "missing"))).rejects.toMatchObject({
      code: "RUN_NOT_FOUND",
    });
  });
});
