// End-to-end tests against the built dashboard (`next start`), reading a runs directory the tests
// write in the trainer's format, in Debian's browsers (never a downloaded one): Chromium through
// Playwright; Firefox ESR (WebDriver BiDi) and WebKitGTK (WebDriver) through the engine drivers
// in test/engines, on the same runner, server and setup.
import { defineConfig } from "@playwright/test";
import { BROWSER_ARGS, chromiumPath, E2E_RUNS_DIR } from "./test/e2e/e2e-environment.js";
import type { EngineOptions } from "./test/engines/engine-test.js";

const port = Number(process.env.DASHBOARD_E2E_PORT ?? 3907);

export default defineConfig<EngineOptions>({
  outputDir: "test-results",
  globalSetup: "./test/e2e/global-setup.ts",
  fullyParallel: false,
  workers: 1,
  timeout: 60_000,
  forbidOnly: process.env.CI === "true",
  reporter: [["list"], ["json", { outputFile: "reports/e2e.json" }]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: chromiumPath(),
      args: BROWSER_ARGS,
    },
  },
  projects: [
    { name: "chromium", testDir: "test/e2e", testMatch: "**/*.e2e.test.ts" },
    {
      name: "firefox-esr",
      testDir: "test/engines",
      testMatch: "**/*.e2e.test.ts",
      use: { engine: "firefox-esr" },
    },
    {
      // Safari's engine as it runs on Linux; real Safari cannot be tested here.
      name: "webkitgtk",
      testDir: "test/engines",
      testMatch: "**/*.e2e.test.ts",
      use: { engine: "webkitgtk" },
    },
  ],
  webServer: {
    command: `pnpm exec next start --hostname 127.0.0.1 --port ${port}`,
    url: `http://127.0.0.1:${port}/runs`,
    reuseExistingServer: false,
    timeout: 120_000,
    env: {
      EMOTION_STREAM_RUNS_DIR: E2E_RUNS_DIR,
      NEXT_TELEMETRY_DISABLED: "1",
    },
  },
});
