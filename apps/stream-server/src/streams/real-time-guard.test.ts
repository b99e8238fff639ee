import { describe, expect, it } from "vitest";
import { RealTimeGuard } from "./real-time-guard.js";

describe("real-time guard", () => {
  it("admits the allowance at once and then factor x elapsed wall time", () => {
    const guard = new RealTimeGuard(2, 3, 1000);
    expect(guard.admits(3, 1000)).toBe(true);
    expect(guard.admits(3.01, 1000)).toBe(false);
    expect(guard.admits(5, 2000)).toBe(true);
    expect(guard.admits(5.01, 2000)).toBe(false);
  });
});
