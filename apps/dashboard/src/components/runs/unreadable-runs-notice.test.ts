import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { UnreadableRunsNotice } from "./unreadable-runs-notice.js";

describe("UnreadableRunsNotice", () => {
  it("names each unreadable run with its reason", () => {
    const html = renderToStaticMarkup(
      createElement(UnreadableRunsNotice, {
        directory: {
          state: "read",
          dir: "/runs",
          runs: [],
          unreadable: [{ id: "broken", reason: "RUN_FILE_INVALID: status.json" }],
        },
      }),
    );
    expect(html).toContain("<h2>Runs that could not be read</h2>");
    expect(html).toContain("<li><code>broken</code>: RUN_FILE_INVALID: status.json</li>");
  });

  it("shows nothing when every run was read, or there is no runs directory", () => {
    const notice = (directory: Parameters<typeof UnreadableRunsNotice>[0]["directory"]) =>
      renderToStaticMarkup(createElement(UnreadableRunsNotice, { directory }));
    expect(notice({ state: "read", dir: "/runs", runs: [], unreadable: [] })).toBe("");
    expect(notice({ state: "missing", dir: "/runs" })).toBe("");
  });
});
