// With no stream server at the address, each page says so and what to do next.
import { expect, test } from "@playwright/test";
import { missingBrowserReason, skipBrowserTests } from "./e2e-environment.js";
import { openWithServer } from "./server-address-form.js";

test.skip(skipBrowserTests(), missingBrowserReason() ?? "");

// Nothing listens on port 9 (discard) on the test machine.
const DEAD_SERVER = "http://127.0.0.1:9";

test.describe("server down", () => {
  test("the Live page shows that it is not connected and keeps retrying", async ({ page }) => {
    await openWithServer(page, "/live", DEAD_SERVER);
    await expect(page.locator("[data-connection=waiting]")).toContainText("Not connected", {
      timeout: 15_000,
    });
    await expect(page.locator("[data-connection=waiting]")).toContainText("pnpm server");
    await page.screenshot({
      path: "test-results/screenshots/live-server-down.png",
      fullPage: true,
    });
  });

  test("the Try-it and Models pages say the server cannot be reached", async ({ page }) => {
    await openWithServer(page, "/try", DEAD_SERVER);
    await expect(page.locator("main").getByRole("alert")).toContainText("cannot be reached", {
      timeout: 15_000,
    });
    await page.screenshot({ path: "test-results/screenshots/try-server-down.png", fullPage: true });
    await page.getByRole("link", { name: "Models" }).click();
    await expect(page.getByRole("heading", { name: "The models cannot be listed" })).toBeVisible({
      timeout: 15_000,
    });
  });

  test("an address that is not http(s) is refused with a hint", async ({ page }) => {
    await openWithServer(page, "/live", "localhost:8080");
    await expect(page.locator("main").getByRole("alert")).toContainText("http://");
  });
});
