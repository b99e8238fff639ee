import { mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readRunStatus } from "@emotion-stream/artifacts";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createRunDirectory, withRunStatus } from "./run-directory.js";

describe("run directory", () => {
  let runsDir = "";
  beforeEach(async () => {
    runsDir = await mkdtemp(join(tmpdir(), "runs-"));
  });
  afterEach(async () => {
    await rm(runsDir, { recursive: true, force: true });
  });

  it("keeps two runs of one name and second apart, the second suffixed", async () => {
    const first = await createRunDirectory(join(runsDir, "runs"), "20260102-030405Z-paper");
    const second = await createRunDirectory(join(runsDir, "runs"), "20260102-030405Z-paper");
    expect(second.id).toBe("20260102-030405Z-paper-2");
    expect(second.path).not.toBe(first.path);
    expect((await readdir(join(runsDir, "runs"))).sort()).toEqual([
      "20260102-030405Z-paper",
      "20260102-030405Z-paper-2",
    ]);
  });

  it("refuses a --runs that is a file, naming the flag, instead of a bare EEXIST", async () => {
    const file = join(runsDir, "a-file");
    await writeFile(file, "");
    await expect(createRunDirectory(file, "20260102-030405Z-paper")).rejects.toMatchObject({
      code: "BAD_ARGUMENT",
      message: `the runs directory ${file} cannot be used (EEXIST); give --runs a writable directory`,
      details: { field: "--runs", file },
    });
  });

  it("is `running` while the body runs and `finished` after, with no temporary files left", async () => {
    const run = await createRunDirectory(runsDir, "a");
    await withRunStatus(run, async () => {
      expect((await readRunStatus(run.path)).status).toBe("running");
      await run.writeJson("metrics", []);
    });
    expect((await readRunStatus(run.path)).status).toBe("finished");
    expect((await readdir(run.path)).sort()).toEqual(["metrics.json", "status.json"]);
  });

  it("is marked `failed` with the message when the body throws, and the error propagates", async () => {
    const run = await createRunDirectory(runsDir, "b");
    await expect(
      withRunStatus(run, async () => {
        throw new Error("diverged");
      }),
    ).rejects.toThrow("diverged");
    expect(await readRunStatus(run.path)).toMatchObject({ status: "failed", message: "diverged" });
  });
});
