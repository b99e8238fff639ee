import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ServedModelsStatus } from "./served-models-status.js";
import type { ServedModelsState } from "./use-served-models.js";

function render(state: ServedModelsState): string {
  return renderToStaticMarkup(
    createElement(ServedModelsStatus, {
      served: { state, reload: () => {}, address: "http://127.0.0.1:9" },
      failedTitle: "The models cannot be listed",
      children: "Start the server, then",
    }),
  );
}

describe("ServedModelsStatus", () => {
  it("says which server is being asked while the models load", () => {
    expect(render({ kind: "loading" })).toBe(
      '<p role="status">Asking http://127.0.0.1:9 for its models…</p>',
    );
  });

  it("says why the models cannot be had, what to do, and offers to try again", () => {
    expect(render({ kind: "failed", message: "The stream server cannot be reached" })).toBe(
      '<section class="notice notice-error" role="alert"><h2>The models cannot be listed</h2>' +
        "<p>The stream server cannot be reached.</p>" +
        '<p>Start the server, then <button type="button" class="secondary">try again</button></p>' +
        "</section>",
    );
  });

  it("shows nothing once the models are there", () => {
    expect(render({ kind: "loaded", models: [] })).toBe("");
  });
});
