// A fresh directory under the system's temp folder for each test of the suite that calls this, removed
// after it: where the package's tests write runs and model files.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach } from "vitest";

/** Registers the hooks; the returned function gives the current test's directory. */
export function useTemporaryDirectory(prefix: string): () => string {
  let directory = "";
  beforeEach(async () => {
    directory = await mkdtemp(join(tmpdir(), prefix));
  });
  afterEach(() => rm(directory, { recursive: true, force: true }));
  return () => directory;
}
