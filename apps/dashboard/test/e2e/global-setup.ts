import { rm } from "node:fs/promises";
import { writeRunsDirectory } from "../fixtures/write-runs-directory.js";
import { E2E_RUNS_DIR, missingBrowserReason, skipBrowserTests } from "./e2e-environment.js";

export default async function globalSetup(): Promise<void> {
  if (skipBrowserTests()) console.warn(`\n[dashboard e2e] skipped: ${missingBrowserReason()}\n`);
  await rm(E2E_RUNS_DIR, { recursive: true, force: true });
  await writeRunsDirectory(E2E_RUNS_DIR);
}
