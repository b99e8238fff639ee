import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { CLASS_COLUMNS, FigureTable, numericColumns } from "./figure-table.js";

function render(props: Parameters<typeof FigureTable>[0]): string {
  return renderToStaticMarkup(createElement(FigureTable, props));
}

describe("FigureTable", () => {
  it("heads each row and right-aligns the numeric columns' headings and cells", () => {
    const html = render({
      label: "By corpus",
      caption: "By corpus",
      columns: [{ heading: "Name" }, { heading: "Language" }, ...numericColumns("Minutes")],
      rows: [{ key: "ravdess", heading: "ravdess", cells: ["en", "12.5"] }],
    });
    expect(html).toBe(
      '<table aria-label="By corpus"><caption class="muted">By corpus</caption>' +
        '<thead><tr><th scope="col">Name</th><th scope="col">Language</th>' +
        '<th scope="col" class="number">Minutes</th></tr></thead>' +
        '<tbody><tr><th scope="row">ravdess</th><td>en</td><td class="number">12.5</td></tr></tbody>' +
        "</table>",
    );
  });

  it("leaves the caption in the text's colour when asked to", () => {
    const html = render({
      label: "paper",
      caption: "paper",
      mutedCaption: false,
      columns: [{ heading: "Class" }],
      rows: [],
    });
    expect(html).toContain("<caption>paper</caption>");
  });
});

describe("CLASS_COLUMNS", () => {
  it("is a numeric column per class, in the classes' order, by the pages' names", () => {
    expect(CLASS_COLUMNS).toEqual([
      { heading: "Joy", numeric: true },
      { heading: "Anger", numeric: true },
      { heading: "Sadness", numeric: true },
      { heading: "Pleasure", numeric: true },
    ]);
  });
});
