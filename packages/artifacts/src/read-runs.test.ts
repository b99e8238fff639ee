import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeRun } from "../test/run-fixtures.js";
import { findRunDirectories, readRunsDirectory } from "./read-runs.js";

describe("reading the runs under a directory", () => {
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "runs-"));
    await writeRun(dir, "20261125-110000Z-b");
    await writeRun(dir, "20261125-100000Z-a", { status: "interrupted" });
    await mkdir(join(dir, "broken"));
    await writeFile(join(dir, "broken", "status.json"), "{ not json");
    await mkdir(join(dir, "odd-status"));
    await writeFile(
      join(dir, "odd-status", "status.json"),
      JSON.stringify({ status: "paused", updatedAt: "2026-11-25T10:00:00Z" }),
    );
    await mkdir(join(dir, "not-a-run"));
    await writeFile(join(dir, "notes.txt"), "");
  });

  afterAll(() => rm(dir, { recursive: true, force: true }));

  it("reads every run in name order, whatever its status", async () => {
    const result = await readRunsDirectory(dir);
    if (result.state !== "read") throw new Error("expected a read directory");
    expect(result.runs.map((run) => [run.id, run.status.status])).toEqual([
      ["20261125-100000Z-a", "interrupted"],
      ["20261125-110000Z-b", "finished"],
    ]);
  });

  it("reports unreadable runs with their coded reason instead of failing the list", async () => {
    const result = await readRunsDirectory(dir);
    if (result.state !== "read") throw new Error("expected a read directory");
    const reasons = Object.fromEntries(result.unreadable.map((run) => [run.id, run.reason]));
    expect(Object.keys(reasons).sort()).toEqual(["broken", "not-a-run", "odd-status"]);
    expect(reasons.broken).toMatch(/^BAD_FILE: /);
    expect(reasons["odd-status"]).toMatch(/^BAD_FILE: .*field status/);
    expect(reasons["not-a-run"]).toMatch(/^RUN_NOT_FOUND: /);
  });

  it("says when the runs directory does not exist", async () => {
    expect(await readRunsDirectory(join(dir, "nope"))).toEqual({
      state: "missing",
      dir: join(dir, "nope"),
    });
  });
});

describe("finding runs among paths", () => {
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "runs-"));
    await writeRun(dir, "b");
    await writeRun(dir, "a");
    await mkdir(join(dir, "not-a-run"));
  });

  afterAll(() => rm(dir, { recursive: true, force: true }));

  it("takes a path with a status as a run and otherwise lists the runs in it, in name order", async () => {
    expect(await findRunDirectories([dir])).toEqual([join(dir, "a"), join(dir, "b")]);
    expect(await findRunDirectories([join(dir, "b"), dir])).toEqual([
      join(dir, "b"),
      join(dir, "a"),
      join(dir, "b"),
    ]);
  });

  it("refuses a path that is not a directory with RUN_NOT_FOUND", async () => {
    await expect(findRunDirectories([join(dir, "nope")])).rejects.toMatchObject({
      code: "RUN_NOT_FOUND",
      details: { file: join(dir, "nope") },
    });
  });
});
