import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { LineChart } from "recharts";
import { describe, expect, it } from "vitest";
import { ChartFrame } from "./chart-frame.js";

function render(props: Omit<Parameters<typeof ChartFrame>[0], "children">): string {
  return renderToStaticMarkup(
    createElement(ChartFrame, { ...props, children: createElement(LineChart) }),
  );
}

describe("ChartFrame", () => {
  it("captions the chart in bold and names a described chart as one image", () => {
    const html = render({ caption: "Class probabilities, last 60 s", description: "Line chart" });
    expect(html).toMatch(
      /^<figure style="margin:0"><figcaption><strong>Class probabilities, last 60 s<\/strong><\/figcaption><div class="chart" role="img" aria-label="Line chart">/,
    );
  });

  it("leaves a chart without a description as it is to a screen reader", () => {
    const html = render({ caption: "Loss per epoch", className: "panel" });
    expect(html).toMatch(/^<figure class="panel" style="margin:0">/);
    expect(html).toContain('<div class="chart">');
    expect(html).not.toContain("role=");
  });
});
