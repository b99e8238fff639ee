// The Try-it page's microphone path in Chromium with its fake capture device (a steady beep),
// against the real stream server and model; and the message when the microphone is refused.
import {
  BROWSER_ARGS,
  chromiumPath,
  missingBrowserReason,
  missingLiveReason,
  skipBrowserTests,
} from "./e2e-environment.js";
import { openWithServer } from "./server-address-form.js";
import { expect, test } from "./stream-server-fixture.js";

test.skip(skipBrowserTests(), missingBrowserReason() ?? "");
test.skip(missingLiveReason() !== undefined, missingLiveReason() ?? "");

test.use({
  launchOptions: {
    executablePath: chromiumPath(),
    args: [...BROWSER_ARGS, "--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream"],
  },
});

test("recording from the microphone streams predictions until stopped", async ({
  page,
  context,
  server,
}) => {
  await context.grantPermissions(["microphone"]);
  await openWithServer(page, "/try", server.httpUrl);
  await page.getByRole("button", { name: "Record from the microphone" }).click();
  await expect(page.getByText("Recording: speak now.")).toBeVisible({ timeout: 15_000 });
  await expect(page.getByTestId("current-emotion")).toHaveText(/Joy|Anger|Sadness|Pleasure/, {
    timeout: 30_000,
  });
  await page.screenshot({ path: "test-results/screenshots/try-microphone.png", fullPage: true });
  await page.getByRole("button", { name: "Stop recording" }).click();
  await expect(page.getByText("Finished.")).toBeVisible({ timeout: 30_000 });
});

test("a refused microphone says how to allow it, or to drop a file", async ({
  page,
  context,
  server,
}) => {
  await context.clearPermissions();
  await page.addInitScript(() => {
    navigator.mediaDevices.getUserMedia = () =>
      Promise.reject(new DOMException("Permission denied", "NotAllowedError"));
  });
  await openWithServer(page, "/try", server.httpUrl);
  await page.getByRole("button", { name: "Record from the microphone" }).click();
  await expect(page.locator("main").getByRole("alert")).toContainText("microphone was refused");
});
