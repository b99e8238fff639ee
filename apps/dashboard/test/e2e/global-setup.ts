import { existsSync } from "node:fs";
import { cp, rm } from "node:fs/promises";
import { writeRunsDirectory } from "../fixtures/write-runs-directory.js";
import {
  E2E_RUNS_DIR,
  missingBrowserReason,
  missingLiveReason,
  skipBrowserTests,
} from "./e2e-environment.js";
import { ensureLiveModel, TRAINER_RUNS_DIR } from "./live-model.js";

export default async function globalSetup(): Promise<void> {
  if (skipBrowserTests()) console.warn(`\n[dashboard e2e] skipped: ${missingBrowserReason()}\n`);
  const noModel = skipBrowserTests() ? undefined : await ensureLiveModel();
  // In CI every browser test runs: a model that cannot be made is a failure, not a skip.
  if (noModel !== undefined && process.env.CI === "true")
    throw new Error(`dashboard e2e: ${noModel}`);
  const live = missingLiveReason();
  if (live !== undefined)
    console.warn(`\n[dashboard e2e] live, Try-it and Models tests skipped: ${live}\n`);
  await rm(E2E_RUNS_DIR, { recursive: true, force: true });
  await writeRunsDirectory(E2E_RUNS_DIR);
  // Beside the fixture runs, the run the trainer itself wrote for the live model, as it wrote it.
  if (existsSync(TRAINER_RUNS_DIR)) await cp(TRAINER_RUNS_DIR, E2E_RUNS_DIR, { recursive: true });
}
