// The server address reaches the page however the user gives it: through a link, or through the
// form before the page's scripts have run (a slow connection, a loaded machine), when the browser
// submits the form itself.
import { expect, test } from "@playwright/test";
import { missingBrowserReason, skipBrowserTests } from "./e2e-environment.js";

test.skip(skipBrowserTests(), missingBrowserReason() ?? "");

// Nothing listens on port 9 (discard) on the test machine; the page names the address it tried.
const DEAD_SERVER = "http://127.0.0.1:9";

test("a link that names the server makes every page use it", async ({ page }) => {
  await page.goto(`/try?server=${encodeURIComponent(DEAD_SERVER)}`);
  await expect(page.locator("main").getByRole("alert")).toContainText(
    `the stream server at ${DEAD_SERVER} cannot be reached`,
    { timeout: 15_000 },
  );
  await page.getByRole("link", { name: "Models" }).click();
  await expect(page.getByLabel("Stream server")).toHaveValue(DEAD_SERVER);
});

test("an address submitted before the page's scripts have run is used once they have", async ({
  page,
}) => {
  // Hold the page's scripts until the form has been used, so the click surely comes first.
  let releaseScripts = () => {};
  const scriptsReleased = new Promise<void>((resolve) => {
    releaseScripts = resolve;
  });
  await page.route("**/_next/static/**/*.js", async (route) => {
    await scriptsReleased;
    await route.continue();
  });
  await page.goto("/try", { waitUntil: "domcontentloaded" });
  await page.getByLabel("Stream server").fill(DEAD_SERVER);
  const submitted = page.waitForURL(/[?&]server=/);
  await page.getByRole("button", { name: "Use this server" }).click({ noWaitAfter: true });
  releaseScripts();
  await submitted;
  await expect(page.locator("main").getByRole("alert")).toContainText(
    `the stream server at ${DEAD_SERVER} cannot be reached`,
    { timeout: 15_000 },
  );
});
