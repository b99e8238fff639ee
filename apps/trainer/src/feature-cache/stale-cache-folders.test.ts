import { mkdir, mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { getFeatureSet } from "@emotion-stream/features";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { LOCK_NAME } from "./cache-lock.js";
import { specFolderName } from "./feature-cache.js";
import { removeCacheFolders, staleCacheFolders } from "./stale-cache-folders.js";

let cacheDir: string;

beforeEach(async () => {
  cacheDir = await mkdtemp(join(tmpdir(), "stale-cache-"));
});
afterEach(async () => {
  await rm(cacheDir, { recursive: true, force: true });
});

async function folder(corpus: string, name: string, bytes: number): Promise<string> {
  const path = join(cacheDir, corpus, name);
  await mkdir(path, { recursive: true });
  await writeFile(join(path, "index.json"), "x".repeat(bytes));
  return path;
}

describe("stale cache folders", () => {
  it("are the spec folders no current feature set reads, with their size; pruning removes only them", async () => {
    const current = specFolderName(getFeatureSet("mfcc0_12").spec);
    const kept = await folder("emodb-0123456789", current, 10);
    const oldSpec = await folder("emodb-0123456789", "mfcc0_12-0000000000", 300);
    const goneSet = await folder("ravdess-9876543210", "retired_set-1111111111", 20);
    const stale = await staleCacheFolders(cacheDir);
    expect(stale.sort((a, b) => a.path.localeCompare(b.path))).toEqual([
      { path: oldSpec, bytes: 300 },
      { path: goneSet, bytes: 20 },
    ]);
    await removeCacheFolders(stale);
    expect(await readdir(join(cacheDir, "emodb-0123456789"))).toEqual([current]);
    expect(await readdir(join(cacheDir, "ravdess-9876543210"))).toEqual([]);
    expect(await readdir(kept)).toEqual(["index.json"]);
  });

  it("leave out a folder a writer holds, and find none in a cache not yet made", async () => {
    const locked = await folder("emodb-0123456789", "mfcc0_12-0000000000", 5);
    await mkdir(join(locked, LOCK_NAME));
    expect(await staleCacheFolders(cacheDir)).toEqual([]);
    expect(await staleCacheFolders(join(cacheDir, "absent"))).toEqual([]);
  });
});
