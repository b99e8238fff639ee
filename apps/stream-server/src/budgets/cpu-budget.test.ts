import { describe, expect, it } from "vitest";
import { CpuBudget } from "./cpu-budget.js";

describe("a connection's CPU budget", () => {
  it("starts a new connection with 5 ms and holds one over its rate for exactly its debt", () => {
    const budget = new CpuBudget(100, 0);
    expect(budget.charge(4, 0)).toBe(0);
    expect(budget.charge(11, 0)).toBeCloseTo(100, 9);
    expect(budget.waitMs(50)).toBeCloseTo(50, 9);
    expect(budget.waitMs(100)).toBe(0);
    expect(budget.takeUsage()).toEqual({ usedMs: 15, throttled: true });
    expect(budget.takeUsage()).toEqual({ usedMs: 0, throttled: false });
  });

  it("saves up five seconds of its rate while idle, between 50 and 250 ms", () => {
    expect(new CpuBudget(1, 0).charge(60, 60_000)).toBeCloseTo(10_000, 9);
    expect(new CpuBudget(20, 0).charge(110, 60_000)).toBeCloseTo(500, 9);
    expect(new CpuBudget(100, 0).charge(260, 60_000)).toBeCloseTo(100, 9);
  });

  it("takes a new rate from the next refill on", () => {
    const budget = new CpuBudget(100, 0);
    budget.charge(5, 0);
    budget.setRate(10, 0);
    expect(budget.charge(3, 0)).toBeCloseTo(300, 9);
  });
});
