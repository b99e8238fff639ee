// Debian's Firefox ESR, driven over WebDriver BiDi by puppeteer-core (which downloads nothing).
// Playwright 1.65's own BiDi mode needs commands this ESR lacks (emulation.setMediaFeaturesOverride).
import { existsSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import puppeteer from "puppeteer-core";
import type { EngineDriver, MicrophoneMode } from "./engine-driver.js";

export function firefoxPath(): string {
  return process.env.FIREFOX_PATH ?? "/usr/bin/firefox-esr";
}

export function missingFirefoxReason(): string | undefined {
  return existsSync(firefoxPath())
    ? undefined
    : `no Firefox at ${firefoxPath()}: install it (apt-get install -y firefox-esr) or set FIREFOX_PATH`;
}

/** Firefox's own fake capture device (a tone), allowed without asking or blocked by default. */
function microphonePrefs(microphone: MicrophoneMode): Record<string, unknown> {
  return {
    "media.navigator.streams.fake": true,
    "media.navigator.permission.disabled": microphone === "fake",
    ...(microphone === "refused" ? { "permissions.default.microphone": 2 } : {}),
  };
}

export async function launchFirefox(
  baseUrl: string,
  microphone: MicrophoneMode,
): Promise<EngineDriver> {
  const browser = await puppeteer.launch({
    browser: "firefox",
    executablePath: firefoxPath(),
    headless: true,
    extraPrefsFirefox: {
      // No network of its own: updates, telemetry, remote settings.
      "app.update.enabled": false,
      "datareporting.policy.dataSubmissionEnabled": false,
      "toolkit.telemetry.enabled": false,
      // The test machine has no sound card; without one Firefox never starts an AudioContext
      // (it stays "suspended"). Firefox's own tests use its mock audio backend for that.
      "media.cubeb.force_mock_context": true,
      ...microphonePrefs(microphone),
    },
  });
  const page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 900 });
  return {
    engine: "firefox-esr",
    async goto(path) {
      await page.goto(new URL(path, baseUrl).href, { waitUntil: "load" });
    },
    run: (fn, ...args) => page.evaluate(fn as (...values: unknown[]) => unknown, ...args) as never,
    async type(css, text) {
      await page.locator(css).fill(text);
    },
    async click(css) {
      await page.locator(css).click();
    },
    async screenshot(path) {
      await writeFile(path, await page.screenshot({ fullPage: true }));
    },
    close: () => browser.close(),
  };
}
