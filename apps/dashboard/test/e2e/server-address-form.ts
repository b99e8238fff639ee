// How a Chromium test opens a page on a stream server: as a user would, through the page's address
// form (the address-form tests themselves also cover links and a form used before hydration).
import type { Page } from "@playwright/test";

/** Opens the dashboard page at `path` and points it at the stream server at `address`. */
export async function openWithServer(page: Page, path: string, address: string): Promise<void> {
  await page.goto(path);
  await page.getByLabel("Stream server").fill(address);
  await page.getByRole("button", { name: "Use this server" }).click();
}
