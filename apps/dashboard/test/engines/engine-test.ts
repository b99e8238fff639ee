// Playwright's test runner for the Firefox and WebKit tests: the project says which engine
// (playwright.config.ts), `openBrowser` starts it on the built dashboard, and it is closed after
// the test. A missing engine skips locally and fails in CI, like Chromium. The stream server is
// the Chromium tests' fixture (`server`).
import { test as base } from "../e2e/stream-server-fixture.js";
import type { EngineDriver, EngineName, MicrophoneMode } from "./engine-driver.js";
import { launchFirefox, missingFirefoxReason } from "./firefox-engine.js";
import {
  launchWebKit,
  missingWebKitReason,
  startWebKitService,
  type WebKitService,
} from "./webkit-engine.js";

export interface EngineOptions {
  readonly engine: EngineName;
}

export function missingEngineReason(engine: EngineName): string | undefined {
  return engine === "firefox-esr" ? missingFirefoxReason() : missingWebKitReason();
}

export const test = base.extend<
  { openBrowser: (microphone?: MicrophoneMode) => Promise<EngineDriver> },
  EngineOptions & { webkitService: WebKitService | undefined }
>({
  engine: ["firefox-esr", { option: true, scope: "worker" }],
  webkitService: [
    async ({ engine }, use) => {
      if (engine !== "webkitgtk" || missingWebKitReason() !== undefined) return use(undefined);
      const service = await startWebKitService();
      await use(service);
      await service.stop();
    },
    { scope: "worker" },
  ],
  openBrowser: async ({ engine, webkitService, baseURL }, use) => {
    const reason = missingEngineReason(engine);
    if (reason !== undefined) {
      if (process.env.CI === "true") throw new Error(reason);
      base.skip(true, reason);
    }
    const opened: EngineDriver[] = [];
    await use(async (microphone = "fake") => {
      const base = baseURL ?? "";
      const driver =
        engine === "firefox-esr"
          ? await launchFirefox(base, microphone)
          : // Set for WebKit whenever the engine is present (checked above).
            await launchWebKit(webkitService as WebKitService, base, microphone);
      opened.push(driver);
      return driver;
    });
    for (const driver of opened) await driver.close();
  },
});

export { expect } from "../e2e/stream-server-fixture.js";
