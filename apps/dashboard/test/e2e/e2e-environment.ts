// What the end-to-end tests need from the machine: Debian's Chromium, and where they write their
// runs directory. Without Chromium the browser tests are skipped locally and fail in CI.
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const appDir = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

export const E2E_DIR = join(appDir, ".e2e");

export const E2E_RUNS_DIR = join(E2E_DIR, "runs");

/** The trainer's built CLI, which makes the live tests' model when none is given. */
export const TRAINER_CLI = join(appDir, "..", "trainer", "dist", "cli.js");

/** The stream server's built CLI (turbo builds it before test:e2e: the dashboard depends on nothing
 * of it, so the e2e task names it explicitly in apps/dashboard/turbo.json). */
export const STREAM_SERVER_CLI = join(appDir, "..", "stream-server", "dist", "cli.js");

/** An exported ONNX model (with its card) for the live tests: EMOTION_STREAM_E2E_MODEL. */
export function liveModelPath(): string | undefined {
  const path = process.env.EMOTION_STREAM_E2E_MODEL;
  return path !== undefined && existsSync(path) ? path : undefined;
}

/** Why the tests against a real server and model cannot run here, or undefined when they can. */
export function missingLiveReason(): string | undefined {
  if (!existsSync(STREAM_SERVER_CLI))
    return `the stream server is not built (${STREAM_SERVER_CLI}): run pnpm build`;
  if (liveModelPath() === undefined) {
    return "no model for the live tests: set EMOTION_STREAM_E2E_MODEL to an exported .onnx (pnpm trainer export ...)";
  }
  return undefined;
}

/** Chromium without a sandbox, GPU or any network of its own (updates, sync, first-run pages). */
export const BROWSER_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

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
