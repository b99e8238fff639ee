// Where the shared research data (corpora, openSMILE references) is for tests: $EMOTION_STREAM_SHARED
// or the `shared` folder beside the repository. Suites that need it skip with a warning when it is
// missing on a developer's machine, and fail under CI=true, where a skip would hide a broken path.
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const repositoryRoot = resolve(fileURLToPath(new URL(".", import.meta.url)), "..", "..");

export const sharedDir = process.env.EMOTION_STREAM_SHARED ?? join(repositoryRoot, "..", "shared");

export function hasSharedData(relativePath, what) {
  const path = join(sharedDir, relativePath);
  if (existsSync(path)) return true;
  const message = `${what} not found at ${path} (set EMOTION_STREAM_SHARED)`;
  if (process.env.CI === "true") {
    throw new Error(`${message}: under CI=true the tests that need it fail instead of skipping`);
  }
  console.warn(`${message}: its tests are skipped`);
  return false;
}
