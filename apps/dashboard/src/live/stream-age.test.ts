import { describe, expect, it } from "vitest";
import { formatAge } from "./stream-age.js";

describe("formatAge", () => {
  it("reads in seconds, minutes and hours", () => {
    expect(formatAge(0, 42_900)).toBe("42 s");
    expect(formatAge(0, 125_000)).toBe("2 min 5 s");
    expect(formatAge(0, 3_780_000)).toBe("1 h 3 min");
  });

  it("never shows a negative age when clocks disagree", () => {
    expect(formatAge(10_000, 0)).toBe("0 s");
  });
});
