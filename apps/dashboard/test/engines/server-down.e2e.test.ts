// With no stream server at the address, the Live and Try-it pages say so in Firefox ESR and
// WebKitGTK too.
import { openWithServer, screenshot, waitForText } from "./engine-page.js";
import { test } from "./engine-test.js";
import { freePort } from "./free-port.js";

test("server down: Live shows it is not connected, Try it that the server cannot be reached", async ({
  openBrowser,
}) => {
  // A port the OS just freed, so the connection is refused. (Not port 9, as the Chromium test
  // uses: it is on the browsers' blocked-port list, and WebKitGTK then sometimes reports nothing.)
  const DEAD_SERVER = `http://127.0.0.1:${await freePort()}`;
  const browser = await openBrowser();
  await openWithServer(browser, "/live", DEAD_SERVER);
  await waitForText(browser, "[data-connection=waiting]", /Not connected/, 15_000);
  await waitForText(browser, "[data-connection=waiting]", /pnpm server/);
  await screenshot(browser, "live-server-down");
  await openWithServer(browser, "/try", DEAD_SERVER);
  await waitForText(browser, "main [role=alert]", /cannot be reached/, 15_000);
  await screenshot(browser, "try-server-down");
});
