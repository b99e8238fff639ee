import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeRunsDirectory } from "../../test/fixtures/write-runs-directory.js";
import { readRun, readRunsDirectory } from "./read-runs.js";

describe("readRunsDirectory", () => {
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "dashboard-runs-"));
    await writeRunsDirectory(dir);
    await mkdir(join(dir, "broken"));
    await writeFile(join(dir, "broken", "status.json"), "{ not json");
    await mkdir(join(dir, "odd-status"));
    await writeFile(
      join(dir, "odd-status", "status.json"),
      JSON.stringify({ status: "paused", updatedAt: "2026-11-25T10:00:00Z" }),
    );
  });

  afterAll(() => rm(dir, { recursive: true, force: true }));

  it("reads every run with its metrics, history and summaries", async () => {
    const result = await readRunsDirectory(dir);
    if (result.state !== "read") throw new Error("expected a read directory");
    expect(result.runs).toHaveLength(4);
    const multi = result.runs.find((run) => run.id.endsWith("-multi"));
    expect(multi?.tests.map((test) => test.language)).toEqual(["en", "fr"]);
    expect(multi?.tests[0]?.recall.joy).toBeCloseTo(12 / 20, 12);
    expect(multi?.tests[0]?.confusion[1]).toEqual([2, 14, 2, 2]);
    expect(multi?.history).toHaveLength(5);
    expect(multi?.dataSummary).toBeDefined();
    expect(multi?.train).toEqual([
      { corpus: "ravdess", language: "en" },
      { corpus: "cafe", language: "fr" },
    ]);
    expect(multi?.experiment).toBe("multi");
  });

  it("lists a run without metrics (interrupted) with no test results", async () => {
    const result = await readRunsDirectory(dir);
    const interrupted =
      result.state === "read" ? result.runs.find((run) => run.status === "interrupted") : undefined;
    expect(interrupted?.tests).toEqual([]);
    expect(interrupted?.statusMessage).toBe("received SIGINT");
    expect(interrupted?.createdAt).toBe("2026-11-25T11:30:00Z");
  });

  it("reports unreadable runs with their coded reason instead of failing the list", async () => {
    const result = await readRunsDirectory(dir);
    if (result.state !== "read") throw new Error("expected a read directory");
    const reasons = Object.fromEntries(result.unreadable.map((run) => [run.id, run.reason]));
    expect(reasons.broken).toMatch(/^BAD_FILE: /);
    expect(reasons["odd-status"]).toMatch(/^BAD_FILE: .*field status/);
  });

  it("says when the runs directory does not exist", async () => {
    expect(await readRunsDirectory(join(dir, "nope"))).toEqual({
      state: "missing",
      dir: join(dir, "nope"),
    });
  });

  it("refuses a directory that is not a run with RUN_NOT_FOUND", async () => {
    await mkdir(join(dir, "empty"), { recursive: true });
    await expect(readRun(dir, "empty")).rejects.toMatchObject({ code: "RUN_NOT_FOUND" });
  });
});
