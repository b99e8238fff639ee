import { describe, expect, it } from "vitest";
import { formatPercent, formatRunDate, formatShare } from "./format-metric.js";

describe("metric formatting", () => {
  it("writes shares with three decimals and a dash when there is none", () => {
    expect(formatShare(0.4215)).toBe("0.421");
    expect(formatShare(Number.NaN)).toBe("—");
    expect(formatShare(undefined)).toBe("—");
  });

  it("writes percentages rounded to whole numbers", () => {
    expect(formatPercent(0.876)).toBe("88%");
    expect(formatPercent(Number.NaN)).toBe("—");
  });

  it("writes run dates in UTC to the minute and leaves unparseable text alone", () => {
    expect(formatRunDate("2026-11-25T10:30:59.000+01:00")).toBe("2026-11-25 09:30 UTC");
    expect(formatRunDate("yesterday")).toBe("yesterday");
  });
});
