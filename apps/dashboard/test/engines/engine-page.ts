// The steps the engine tests take, built on the driver's few primitives: find controls by their
// label or text as a user would, wait for text to appear, drop a file on the page.
import { mkdir } from "node:fs/promises";
import { dirname, join } from "node:path";
import type { EngineDriver } from "./engine-driver.js";

const SCREENSHOTS = join("test-results", "screenshots");

/** Marks the control a `<label>` (starting with `label`) names, and returns a selector for it. */
async function labelled(driver: EngineDriver, label: string): Promise<string> {
  const marker = `label-${label.replace(/\W+/g, "-").toLowerCase()}`;
  const found = await driver.run(
    (text: string, mark: string) => {
      const element = [...document.querySelectorAll("label")].find((candidate) =>
        candidate.textContent?.trim().startsWith(text),
      );
      const control = element?.control;
      if (control === undefined || control === null) return false;
      control.setAttribute("data-e2e", mark);
      return true;
    },
    label,
    marker,
  );
  if (!found) throw new Error(`${driver.engine}: no control labelled "${label}" on the page`);
  return `[data-e2e="${marker}"]`;
}

/** Opens the dashboard page at `path` and points it at the stream server at `address`. */
export async function openWithServer(
  driver: EngineDriver,
  path: string,
  address: string,
): Promise<void> {
  await openPage(driver, path);
  await useServer(driver, address);
}

/**
 * Opens a dashboard page and waits until React has hydrated it: before that, a click reaches only
 * the server's HTML (the server form then submits natively and reloads the page, as a loaded
 * WebKit runner showed), not the controls the test is about.
 */
async function openPage(driver: EngineDriver, path: string): Promise<void> {
  await driver.goto(path);
  await waitFor(driver, `${path} to be hydrated`, 30_000, () =>
    driver.run(() => {
      const form = document.querySelector("main form");
      return form !== null && Object.keys(form).some((key) => key.startsWith("__reactProps"));
    }),
  );
}

/**
 * Types `text` into the control `label` names. A re-render between marking the control and typing
 * can replace it (seen once on a loaded WebKit runner: the marked element was gone); the user
 * would find the field again, and so does this, up to three times.
 */
export async function fill(driver: EngineDriver, label: string, text: string): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      await driver.type(await labelled(driver, label), text);
      return;
    } catch (error) {
      if (attempt === 3) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}

/** Clicks the (enabled) button or link whose text starts with `name`; returns a selector for it. */
export async function clickNamed(driver: EngineDriver, name: string): Promise<string> {
  const marker = `named-${name.replace(/\W+/g, "-").toLowerCase()}`;
  const selector = `[data-e2e="${marker}"]`;
  await waitFor(driver, `a button or link "${name}"`, 15_000, () =>
    driver.run(
      (text: string, mark: string) => {
        const element = [...document.querySelectorAll("button, a")].find(
          (candidate) =>
            candidate.textContent?.trim().startsWith(text) &&
            !(candidate instanceof HTMLButtonElement && candidate.disabled),
        );
        element?.setAttribute("data-e2e", mark);
        return element !== undefined;
      },
      name,
      marker,
    ),
  );
  await driver.click(selector);
  return selector;
}

/**
 * Points the page at a stream server through its address form, as a user would, and waits until
 * the page has taken it (it remembers it in localStorage). On a loaded machine keys typed while
 * React re-renders were seen lost once; the user would type it again, and so does this.
 */
async function useServer(driver: EngineDriver, address: string): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    await fill(driver, "Stream server", address);
    await clickNamed(driver, "Use this server");
    const taken = () =>
      driver.run(
        (wanted: string) =>
          window.localStorage.getItem("emotion-stream.server-address")?.startsWith(wanted) === true,
        address,
      );
    try {
      await waitFor(driver, `the page to use ${address}`, 5_000, taken);
      return;
    } catch (error) {
      if (attempt === 3) throw error;
    }
  }
}

/** Polls `probe` until it gives a truthy value; fails naming `what` and the page's text. */
export async function waitFor<Value>(
  driver: EngineDriver,
  what: string,
  timeoutMs: number,
  probe: () => Promise<Value>,
): Promise<NonNullable<Value>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) {
      const text = await driver.run(() => document.querySelector("main")?.textContent ?? "");
      throw new Error(
        `${driver.engine}: waited ${timeoutMs} ms for ${what}; the page says: ${text.slice(0, 600)}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** The text of the first element matching `css`, or "" when there is none. */
export function textOf(driver: EngineDriver, css: string): Promise<string> {
  return driver.run(
    (selector: string) => document.querySelector(selector)?.textContent?.trim() ?? "",
    css,
  );
}

/** Waits until the element matching `css` has text matching `pattern`; returns that text. */
export function waitForText(
  driver: EngineDriver,
  css: string,
  pattern: RegExp,
  timeoutMs = 15_000,
): Promise<string> {
  return waitFor(driver, `${css} to read ${pattern}`, timeoutMs, async () => {
    const text = await textOf(driver, css);
    return pattern.test(text) ? text : undefined;
  });
}

/** The value of a figure (`<dt>term</dt><dd>value</dd>`) on the page, or "" when there is none. */
export function figure(driver: EngineDriver, term: string): Promise<string> {
  return driver.run((wanted: string) => {
    const dt = [...document.querySelectorAll("dt")].find(
      (candidate) => candidate.textContent === wanted,
    );
    return dt?.nextElementSibling?.textContent?.trim() ?? "";
  }, term);
}

/** Drops a file on the element matching `css`, as dragging it from the desktop does. */
export async function dropFile(
  driver: EngineDriver,
  css: string,
  file: { readonly name: string; readonly type: string; readonly bytes: Uint8Array },
): Promise<void> {
  const dropped = await driver.run(
    (selector: string, name: string, type: string, base64: string) => {
      const target = document.querySelector(selector);
      if (target === null) return false;
      const binary = atob(base64);
      const bytes = new Uint8Array(binary.length);
      for (let index = 0; index < binary.length; index += 1)
        bytes[index] = binary.charCodeAt(index);
      const transfer = new DataTransfer();
      transfer.items.add(new File([bytes], name, { type }));
      for (const kind of ["dragenter", "dragover", "drop"]) {
        target.dispatchEvent(
          new DragEvent(kind, { dataTransfer: transfer, bubbles: true, cancelable: true }),
        );
      }
      return true;
    },
    css,
    file.name,
    file.type,
    Buffer.from(file.bytes).toString("base64"),
  );
  if (!dropped) throw new Error(`${driver.engine}: nothing matches ${css} to drop ${file.name} on`);
}

export async function screenshot(driver: EngineDriver, name: string): Promise<void> {
  const path = join(SCREENSHOTS, `${driver.engine}-${name}.png`);
  await mkdir(dirname(path), { recursive: true });
  await driver.screenshot(path);
}
