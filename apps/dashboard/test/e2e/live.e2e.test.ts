// The Live and Try-it pages against the real stream server serving a real exported model.
import { encodeWavPcm16 } from "@emotion-stream/features";
import { missingBrowserReason, missingLiveReason, skipBrowserTests } from "./e2e-environment.js";
import { produce } from "./feature-producer.js";
import { openWithServer } from "./server-address-form.js";
import { expect, test } from "./stream-server-fixture.js";
import { syntheticUtterance } from "./synthetic-audio.js";

test.skip(skipBrowserTests(), missingBrowserReason() ?? "");
test.skip(missingLiveReason() !== undefined, missingLiveReason() ?? "");

test.describe("live", () => {
  test("a producer's stream shows up with its language and predictions, which keep coming", async ({
    page,
    server,
  }) => {
    await openWithServer(page, "/live", server.httpUrl);
    await expect(page.locator("[data-connection=open]")).toBeVisible();
    const streamId = `e2e-live-${Date.now()}`;
    const producing = produce(server, streamId, ["anger", "sadness", "joy", "pleasure"], "en-US");
    const entry = page.getByRole("button", { name: new RegExp(streamId) });
    await expect(entry).toBeVisible({ timeout: 15_000 });
    await expect(entry.getByTestId("stream-language")).toHaveText("en-US");
    await entry.click();
    const panel = page.getByRole("region", { name: `Stream ${streamId}` });
    await expect(panel.locator("dt:text('Language') + dd")).toHaveText("en-US");
    await expect(panel.getByTestId("current-emotion")).toHaveText(/Joy|Anger|Sadness|Pleasure/, {
      timeout: 20_000,
    });
    const count = async () =>
      Number(await panel.locator("dt:text('Predictions') + dd").textContent());
    const first = await count();
    await expect.poll(count, { timeout: 20_000 }).toBeGreaterThan(first);
    await page.screenshot({ path: "test-results/screenshots/live.png", fullPage: true });
    await producing;
    await expect(entry).toContainText("(ended)", { timeout: 20_000 });
  });
});

test.describe("many streams", () => {
  test("stays smooth with 40 streams predicting twice a second each", async ({ page, server }) => {
    await openWithServer(page, "/live", server.httpUrl);
    await expect(page.locator("[data-connection=open]")).toBeVisible();
    await page.evaluate(() => {
      const frames: number[] = [];
      (window as unknown as { frameTimes: number[] }).frameTimes = frames;
      const tick = (time: number) => {
        frames.push(time);
        requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
    const prefix = `e2e-many-${Date.now()}`;
    const producing = Promise.all(
      Array.from({ length: 40 }, (_, index) =>
        produce(server, `${prefix}-${index}`, ["anger", "joy"]),
      ),
    );
    await expect(page.getByRole("heading", { name: "Streams (40 live)" })).toBeVisible({
      timeout: 20_000,
    });
    await page.getByLabel("Find a stream").fill(`${prefix}-7`);
    await page.getByRole("button", { name: new RegExp(`${prefix}-7\\b`) }).click();
    await expect(page.getByTestId("current-emotion")).toBeVisible({ timeout: 20_000 });
    await producing;
    await expect(page.getByRole("region", { name: `Stream ${prefix}-7` })).toContainText("ended");
    const { framesPerSecond, longestGapMs } = await page.evaluate(() => {
      const times = (window as unknown as { frameTimes: number[] }).frameTimes;
      const gaps = times.slice(1).map((time, index) => time - (times[index] ?? time));
      const seconds = ((times.at(-1) ?? 0) - (times[0] ?? 0)) / 1000;
      return { framesPerSecond: times.length / seconds, longestGapMs: Math.max(...gaps) };
    });
    console.log(
      `40 streams: ${framesPerSecond.toFixed(1)} frames/s, longest frame gap ${longestGapMs.toFixed(0)} ms`,
    );
    await page.screenshot({
      path: "test-results/screenshots/live-many-streams.png",
      fullPage: true,
    });
    // Lenient: the machine is shared; a page that blocks on every message would fall far below.
    expect(framesPerSecond).toBeGreaterThan(15);
  });
});

test.describe("models", () => {
  test("the Models page lists the server's model with its card", async ({ page, server }) => {
    await openWithServer(page, "/models", server.httpUrl);
    const model = page.getByRole("region", { name: `Model ${server.modelId}` });
    await expect(model).toBeVisible({ timeout: 15_000 });
    await expect(model.getByText("Features", { exact: true })).toBeVisible();
    await expect(model.getByRole("table", { name: /^Training data of/ })).toBeVisible();
    await page.screenshot({ path: "test-results/screenshots/models.png", fullPage: true });
  });
});

test.describe("try it", () => {
  test("a 44.1 kHz WAV file dropped on the page is resampled, streamed and its predictions appear", async ({
    page,
    server,
  }) => {
    await openWithServer(page, "/try", server.httpUrl);
    await expect(page.getByLabel("Model")).toBeVisible();
    // At CD rate, as most recordings are, so the browser resamples before extracting features.
    const rate = 44_100;
    const samples = Float32Array.from([
      ...syntheticUtterance("anger", rate),
      ...syntheticUtterance("joy", rate),
    ]);
    const wav = [...encodeWavPcm16(samples, rate)];
    const dataTransfer = await page.evaluateHandle((bytes) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([new Uint8Array(bytes)], "acted.wav", { type: "audio/wav" }));
      return transfer;
    }, wav);
    await page.getByTestId("wav-drop-zone").dispatchEvent("drop", { dataTransfer });
    await expect(page.getByTestId("current-emotion")).toHaveText(/Joy|Anger|Sadness|Pleasure/, {
      timeout: 30_000,
    });
    await page.screenshot({ path: "test-results/screenshots/try-it.png", fullPage: true });
    await expect(page.getByText("Finished.")).toBeVisible({ timeout: 30_000 });
  });
});
