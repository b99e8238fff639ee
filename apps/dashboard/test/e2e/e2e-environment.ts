// What the end-to-end tests need from the machine: Debian's Chromium, and where they write their
// runs directory. Without Chromium the browser tests are skipped locally and fail in CI.
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const appDir = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

export const E2E_RUNS_DIR = join(appDir, ".e2e", "runs");

export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
}

/** Why browser tests cannot run here, or undefined when they can. */
export function missingBrowserReason(): string | undefined {
  if (existsSync(chromiumPath())) return undefined;
  return `no Chromium at ${chromiumPath()}: install it (apt-get install -y chromium) or set CHROMIUM_PATH`;
}

/** Skip locally, never in CI: there a missing browser is a failure. */
export function skipBrowserTests(): boolean {
  return missingBrowserReason() !== undefined && process.env.CI !== "true";
}
