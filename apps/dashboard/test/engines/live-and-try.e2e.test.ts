// The Live and Try-it pages in Firefox ESR and WebKitGTK (Safari's engine; real Safari does not run
// on Linux), against the real stream server and a real exported model, as the Chromium tests do.
import { encodeWavPcm16 } from "@emotion-stream/features";
import { missingLiveReason } from "../e2e/e2e-environment.js";
import { produce } from "../e2e/feature-producer.js";
import { syntheticUtterance } from "../e2e/synthetic-audio.js";
import {
  clickNamed,
  dropFile,
  figure,
  fill,
  openWithServer,
  screenshot,
  textOf,
  waitFor,
  waitForText,
} from "./engine-page.js";
import { expect, test } from "./engine-test.js";

test.skip(missingLiveReason() !== undefined, missingLiveReason() ?? "");

const EMOTION = /^(Joy|Anger|Sadness|Pleasure)$/;
const CURRENT_EMOTION = "[data-testid=current-emotion]";

test("live: a producer's stream is listed with its language, and its predictions appear and keep coming", async ({
  openBrowser,
  engine,
  server,
}) => {
  const browser = await openBrowser();
  await openWithServer(browser, "/live", server.httpUrl);
  await waitForText(browser, "[data-connection=open]", /Connected to/);
  const streamId = `e2e-${engine}-${Date.now()}`;
  const producing = produce(server, streamId, ["anger", "sadness", "joy", "pleasure"], "de-DE");
  const entry = await clickNamed(browser, streamId);
  expect(await waitForText(browser, `${entry} [data-testid=stream-language]`, /./)).toBe("de-DE");
  await waitForText(browser, CURRENT_EMOTION, EMOTION, 20_000);
  expect(await figure(browser, "Language")).toBe("de-DE");
  const predictions = async () => Number(await figure(browser, "Predictions"));
  const first = await predictions();
  await waitFor(browser, "more predictions", 20_000, async () => (await predictions()) > first);
  await screenshot(browser, "live");
  await producing;
  await waitForText(browser, entry, /\(ended\)/, 20_000);
});

test("try it: a dropped 44.1 kHz WAV is decoded, resampled and turned into features here, and the predictions appear", async ({
  openBrowser,
  server,
}) => {
  const browser = await openBrowser();
  await openWithServer(browser, "/try", server.httpUrl);
  await waitFor(browser, "the model list", 15_000, () =>
    browser.run(() => document.querySelector("select") !== null),
  );
  await fill(browser, "Spoken language", "en");
  const rate = 44_100;
  const samples = Float32Array.from([
    ...syntheticUtterance("anger", rate),
    ...syntheticUtterance("joy", rate),
  ]);
  await dropFile(browser, "[data-testid=wav-drop-zone]", {
    name: "acted.wav",
    type: "audio/wav",
    bytes: encodeWavPcm16(samples, rate),
  });
  await waitForText(browser, CURRENT_EMOTION, EMOTION, 30_000);
  // A feature stream: the features were computed in this browser, and it declared its language.
  expect(
    await textOf(browser, "section[aria-label^='Stream dashboard-features-'] dl"),
  ).toBeTruthy();
  expect(await figure(browser, "Language")).toBe("en");
  await screenshot(browser, "try-it");
  await waitForText(browser, "[role=status][aria-live]", /Finished\./, 30_000);
});

test("try it: recording from the engine's fake microphone streams predictions until stopped", async ({
  openBrowser,
  engine,
  server,
}) => {
  const browser = await openBrowser("fake");
  await openWithServer(browser, "/try", server.httpUrl);
  await clickNamed(browser, "Record from the microphone");
  await waitForText(browser, "[role=status][aria-live]", /Recording: speak now\./, 15_000);
  await waitForText(browser, CURRENT_EMOTION, EMOTION, 30_000);
  // Features computed in the page when the engine records at the model's rate, else raw audio.
  const panel = await browser.run(
    () =>
      document
        .querySelector("section[aria-label^='Stream dashboard-']")
        ?.getAttribute("aria-label") ?? "",
  );
  console.log(`${engine}: the microphone was streamed as ${panel}`);
  await screenshot(browser, "try-microphone");
  await clickNamed(browser, "Stop recording");
  await waitForText(browser, "[role=status][aria-live]", /Finished\./, 30_000);
});

test("try it: a refused microphone says how to allow it, or to drop a file", async ({
  openBrowser,
  server,
}) => {
  const browser = await openBrowser("refused");
  await openWithServer(browser, "/try", server.httpUrl);
  await clickNamed(browser, "Record from the microphone");
  await waitForText(browser, "main [role=alert]", /microphone was refused/, 15_000);
  await screenshot(browser, "try-microphone-refused");
});
