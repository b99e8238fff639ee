// WebKitGTK, the closest to Safari's engine that runs on Linux (real Safari does not): its
// MiniBrowser driven by WebKitWebDriver (W3C WebDriver) through selenium-webdriver, on a virtual
// X display (Xvfb), since MiniBrowser has no headless mode. Nothing is downloaded.
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { Builder, By, type WebDriver } from "selenium-webdriver";
import type { EngineDriver, MicrophoneMode } from "./engine-driver.js";
import { freePort } from "./free-port.js";

const WEBDRIVER = process.env.WEBKIT_WEBDRIVER_PATH ?? "/usr/bin/WebKitWebDriver";
const XVFB = "/usr/bin/Xvfb";

/** Debian installs MiniBrowser under the multiarch library folder of webkit2gtk-4.x. */
export function miniBrowserPath(): string | undefined {
  if (process.env.WEBKIT_MINIBROWSER_PATH !== undefined) return process.env.WEBKIT_MINIBROWSER_PATH;
  const lib = "/usr/lib";
  if (!existsSync(lib)) return undefined;
  for (const arch of readdirSync(lib)) {
    for (const api of ["webkit2gtk-4.1", "webkit2gtk-4.0", "webkitgtk-6.0"]) {
      const path = join(lib, arch, api, "MiniBrowser");
      if (existsSync(path)) return path;
    }
  }
  return undefined;
}

export function missingWebKitReason(): string | undefined {
  if (!existsSync(WEBDRIVER))
    return `no WebKitWebDriver at ${WEBDRIVER}: apt-get install -y webkit2gtk-driver`;
  if (miniBrowserPath() === undefined)
    return "no WebKitGTK MiniBrowser under /usr/lib/*/webkit2gtk-4.*: apt-get install -y webkit2gtk-driver";
  if (!existsSync(XVFB)) return `no ${XVFB}: apt-get install -y xvfb`;
  return undefined;
}

/** Xvfb and WebKitWebDriver, shared by the sessions of one test worker. */
export interface WebKitService {
  readonly url: string;
  stop(): Promise<void>;
}

export async function startWebKitService(): Promise<WebKitService> {
  // -displayfd: Xvfb picks a free display and writes its number to fd 3.
  const xvfb = spawn(XVFB, ["-displayfd", "3", "-screen", "0", "1280x900x24", "-nolisten", "tcp"], {
    stdio: ["ignore", "ignore", "pipe", "pipe"],
  });
  const display = await new Promise<string>((resolve, reject) => {
    let text = "";
    xvfb.stdio[3]?.on("data", (chunk: Buffer) => {
      text += chunk.toString();
      if (text.includes("\n")) resolve(`:${text.trim()}`);
    });
    xvfb.once("exit", (code) => reject(new Error(`Xvfb exited with code ${code}`)));
  });
  const port = await freePort();
  const driver = spawn(WEBDRIVER, [`--port=${port}`], {
    env: { ...process.env, DISPLAY: display },
    stdio: "ignore",
  });
  const url = `http://127.0.0.1:${port}`;
  await waitForStatus(url, driver);
  return {
    url,
    async stop() {
      await Promise.all([stopChild(driver), stopChild(xvfb)]);
    },
  };
}

export async function launchWebKit(
  service: WebKitService,
  baseUrl: string,
  microphone: MicrophoneMode,
): Promise<EngineDriver> {
  const driver: WebDriver = await new Builder()
    .usingServer(service.url)
    .withCapabilities({
      browserName: "MiniBrowser",
      "webkitgtk:browserOptions": {
        binary: miniBrowserPath(),
        args: [
          "--automation",
          "--enable-webaudio=true",
          "--enable-media-stream=true",
          // A mock microphone (a tone), which automation mode grants without asking.
          "--enable-mock-capture-devices=true",
        ],
      },
    })
    .build();
  await driver.manage().window().setRect({ width: 1280, height: 900 });
  return {
    engine: "webkitgtk",
    async goto(path) {
      await driver.get(new URL(path, baseUrl).href);
      if (microphone === "refused") await refuseMicrophone(driver);
    },
    run: (fn, ...args) => driver.executeScript(fn as (...values: unknown[]) => unknown, ...args),
    async type(css, text) {
      const element = await driver.findElement(By.css(css));
      await element.clear();
      await element.sendKeys(text);
    },
    async click(css) {
      // Again just before the click: WebKitWebDriver may return from `get` while the outgoing
      // document (the session's about:blank, itself "complete") is still current, and a stub set
      // there is lost with it; the document being clicked is the one that must refuse.
      if (microphone === "refused") await refuseMicrophone(driver);
      await driver.findElement(By.css(css)).click();
    },
    async screenshot(path) {
      await writeFile(path, Buffer.from(await driver.takeScreenshot(), "base64"));
    },
    close: () => driver.quit(),
  };
}

/**
 * WebKitWebDriver has no permission command (POST /session/{id}/permissions answers "unknown
 * command") and MiniBrowser grants its mock devices, so a refusal is what the browser's
 * getUserMedia answers when the user says no, as in the Chromium test.
 */
async function refuseMicrophone(driver: WebDriver): Promise<void> {
  await driver.executeScript(() => {
    navigator.mediaDevices.getUserMedia = () =>
      Promise.reject(new DOMException("Permission denied", "NotAllowedError"));
  });
}

async function waitForStatus(url: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`WebKitWebDriver exited with code ${child.exitCode}`);
    const ready = await fetch(`${url}/status`).then(
      (response) => response.ok,
      () => false,
    );
    if (ready) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`WebKitWebDriver did not answer at ${url}/status within 15 s`);
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
  });
}
