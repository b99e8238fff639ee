import { describe, expect, it } from "vitest";
import { runId, runStartedAt } from "./run-id.js";

describe("run ids", () => {
  it("names runs by UTC time and name, sortable", () => {
    expect(runId("paper", new Date("2026-01-02T03:04:05.678Z"))).toBe("20260102-030405Z-paper");
  });

  it("reads the time back from the id, and nothing from a name runId did not make", () => {
    expect(runStartedAt("20261125-090501Z-paper")).toBe("2026-11-25T09:05:01Z");
    expect(runStartedAt(runId("paper", new Date("2026-01-02T03:04:05.678Z")))).toBe(
      "2026-01-02T03:04:05Z",
    );
    expect(runStartedAt("my-run")).toBeUndefined();
  });
});
