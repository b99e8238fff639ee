import { expect, test } from "@playwright/test";
import { missingBrowserReason, skipBrowserTests } from "./e2e-environment.js";

test.skip(skipBrowserTests(), missingBrowserReason() ?? "");

test.describe("runs", () => {
  test("lists the runs directory, filters and sorts it", async ({ page }) => {
    await page.goto("/runs");
    const rows = page.locator("table tbody tr");
    await expect(rows).toHaveCount(4);
    await page.getByLabel("Filter").fill("cafe fr");
    await expect(page.getByText("3 of 4 runs")).toBeVisible();
    await page.getByLabel("Filter").fill("statpool");
    await expect(rows).toHaveCount(1);
    await page.getByLabel("Filter").fill("");
    await page.getByRole("button", { name: /UAR per test set/ }).click();
    await expect(page.locator("th[aria-sort=descending]")).toContainText("UAR");
    await page.screenshot({ path: "test-results/screenshots/runs-list.png", fullPage: true });
  });

  test("a run's page shows the study's table and a confusion heatmap", async ({ page }) => {
    await page.goto("/runs");
    await page.getByRole("row", { name: /multi/ }).getByRole("link").click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText(
      "20261125-103000Z-paper-multi",
    );
    const english = page.getByRole("table", { name: "Results on en test data" });
    await expect(english.getByRole("row", { name: /^Joy/ })).toContainText("0.600");
    await expect(english.getByRole("row", { name: /^UAR/ })).toBeVisible();
    const heatmap = page.getByRole("table", { name: "Confusion matrix, ravdess (en)" });
    await expect(heatmap.getByRole("row", { name: /^Anger/ })).toContainText("70%");
    await expect(page.getByText("Validation UAR per epoch")).toBeVisible();
    await page.screenshot({ path: "test-results/screenshots/run-page.png", fullPage: true });
  });

  test("compares runs side by side with one study table for all of them", async ({ page }) => {
    await page.goto("/runs");
    for (const id of [
      "20261125-100000Z-paper-mono-en",
      "20261125-103000Z-paper-multi",
      "20261125-110000Z-cnn1d-bn-statpool-cross",
    ]) {
      await page.getByLabel(`Compare run ${id}`).check();
    }
    await page.getByRole("link", { name: "Compare 3 selected runs" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Compare 3 runs");
    const english = page.getByRole("table", { name: "Results on en test data" });
    const uar = english.getByRole("row", { name: /^UAR/ });
    await expect(uar.locator("td")).toHaveCount(3);
    await expect(uar.locator("td").nth(2)).not.toHaveText("—");
    await page.screenshot({ path: "test-results/screenshots/compare.png", fullPage: true });
  });

  test("a run's page stays usable on a phone-sized screen", async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto("/runs/20261125-103000Z-paper-multi");
    await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
    await expect(page.getByRole("table", { name: "Results on fr test data" })).toBeVisible();
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: "test-results/screenshots/run-page-phone.png", fullPage: true });
  });

  test("an unknown run says so and links back", async ({ page }) => {
    await page.goto("/runs/no-such-run");
    await expect(page.getByRole("heading", { name: "No such run" })).toBeVisible();
  });
});
