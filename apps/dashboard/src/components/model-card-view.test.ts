import { fixtureModelCard } from "@emotion-stream/core/testing";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ModelCardView } from "./model-card-view.js";

describe("ModelCardView", () => {
  it("says which languages a language-aware model hears, and nothing of it for another model", () => {
    const aware = fixtureModelCard({ languageInput: { languages: ["de", "en"], value: 3 } });
    expect(renderToStaticMarkup(createElement(ModelCardView, { card: aware }))).toContain(
      "heard: de, en; another or none counts as their average",
    );
    expect(
      renderToStaticMarkup(createElement(ModelCardView, { card: fixtureModelCard() })),
    ).not.toContain("Spoken language");
  });
});
