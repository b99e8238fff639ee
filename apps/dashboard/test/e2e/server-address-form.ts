import type { Page } from "@playwright/test";

/** Points the page at another stream server through its address form, as a user would. */
export async function useServer(page: Page, address: string): Promise<void> {
  await page.getByLabel("Stream server").fill(address);
  await page.getByRole("button", { name: "Use this server" }).click();
}
