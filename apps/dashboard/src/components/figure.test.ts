import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Figure } from "./figure.js";

describe("Figure", () => {
  it("shows the term above its value, in bold", () => {
    expect(renderToStaticMarkup(createElement(Figure, { term: "UAR", value: "0.612" }))).toBe(
      '<div class="figure"><dt class="muted">UAR</dt>' +
        '<dd style="margin:0"><strong>0.612</strong></dd></div>',
    );
  });

  it("shows a plain value as it is", () => {
    expect(
      renderToStaticMarkup(createElement(Figure, { term: "Preset", value: "paper", plain: true })),
    ).toBe(
      '<div class="figure"><dt class="muted">Preset</dt><dd style="margin:0">paper</dd></div>',
    );
  });
});
