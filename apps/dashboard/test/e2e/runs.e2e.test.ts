import { readdirSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { STUDY_RUNS } from "../fixtures/write-runs-directory.js";
import { E2E_RUNS_DIR, missingBrowserReason, skipBrowserTests } from "./e2e-environment.js";

test.skip(skipBrowserTests(), missingBrowserReason() ?? "");

/** The runs the setup wrote: the fixture's, and the trainer's own run when it made the live model. */
const allRuns = () => readdirSync(E2E_RUNS_DIR);
const trainerRuns = () => allRuns().filter((id) => !STUDY_RUNS.some((run) => run.id === id));

test.describe("runs", () => {
  test("lists the runs directory, filters and sorts it", async ({ page }) => {
    await page.goto("/runs");
    const rows = page.locator("table tbody tr");
    const total = allRuns().length;
    await expect(rows).toHaveCount(total);
    await page.getByLabel("Filter").fill("cafe fr");
    await expect(page.getByText(`3 of ${total} runs`)).toBeVisible();
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
    const english = page.getByRole("table", { name: "paper — test ravdess (en)" });
    await expect(english.getByRole("row", { name: /^Joy/ })).toContainText("0.600");
    await expect(english.getByRole("row", { name: /^UAR/ })).toBeVisible();
    const heatmap = page.getByRole("table", { name: "Confusion matrix, ravdess (en)" });
    await expect(heatmap.getByRole("row", { name: /^Anger/ })).toContainText("70%");
    await expect(page.getByText("Validation UAR per epoch")).toBeVisible();
    await page.screenshot({ path: "test-results/screenshots/run-page.png", fullPage: true });
  });

  test("compares runs side by side with the study's tables over all of them", async ({ page }) => {
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
    // As `trainer report` lays them out: one table per preset and test corpus, a column per kind.
    const paper = page.getByRole("table", { name: "paper — test ravdess (en)" });
    const uar = paper.getByRole("row", { name: /^UAR/ });
    await expect(uar.locator("td")).toHaveCount(2);
    await expect(uar.locator("td").nth(1)).not.toHaveText("-");
    const cross = page.getByRole("table", { name: "cnn1d-bn-statpool — test ravdess (en)" });
    await expect(cross.getByRole("columnheader", { name: "cross" })).toBeVisible();
    await page.screenshot({ path: "test-results/screenshots/compare.png", fullPage: true });
  });

  test("a run's page stays usable on a phone-sized screen", async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto("/runs/20261125-103000Z-paper-multi");
    await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
    await expect(page.getByRole("table", { name: "paper — test cafe (fr)" })).toBeVisible();
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: "test-results/screenshots/run-page-phone.png", fullPage: true });
  });

  test("a run the trainer wrote is read and opens with its study table", async ({ page }) => {
    const [id] = trainerRuns();
    test.skip(
      id === undefined,
      "no trainer run: the live model was given or not made (pnpm build)",
    );
    await page.goto("/runs");
    await expect(page.locator("table tbody tr")).toHaveCount(allRuns().length);
    await expect(page.getByText("Runs that could not be read")).toHaveCount(0);
    await page.goto(`/runs/${id}`);
    await expect(page.getByRole("heading", { level: 1 })).toContainText(id ?? "");
    await expect(page.getByRole("table", { name: / — test .+ \(.+\)$/ }).first()).toBeVisible();
  });

  test("the study page shows every finished run as `trainer report` does", async ({ page }) => {
    await page.goto("/study");
    const paper = page.getByRole("table", { name: "paper — test ravdess (en)" });
    await expect(paper.getByRole("columnheader", { name: "mono" })).toBeVisible();
    await expect(paper.getByRole("columnheader", { name: "multi" })).toBeVisible();
    await expect(page.getByRole("table", { name: "paper — test cafe (fr)" })).toBeVisible();
    await expect(page.getByText("Runs not finished, left out")).toBeVisible();
    await expect(
      page.getByRole("link", { name: "20261125-113000Z-paper-interrupted" }),
    ).toBeVisible();
    await page.screenshot({ path: "test-results/screenshots/study.png", fullPage: true });
  });

  test("an unknown run says so and links back", async ({ page }) => {
    await page.goto("/runs/no-such-run");
    await expect(page.getByRole("heading", { name: "No such run" })).toBeVisible();
  });
});
