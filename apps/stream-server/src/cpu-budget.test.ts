import { describe, expect, it } from "vitest";
import { CpuBudget } from "./cpu-budget.js";

describe("a connection's CPU budget", () => {
  it("lets a connection under its rate through and holds one over it for exactly its debt", () => {
    const budget = new CpuBudget(100, 0);
    // The burst (a quarter second of the rate) pays for 25 ms at once.
    expect(budget.charge(20, 0)).toBe(0);
    expect(budget.charge(15, 0)).toBeCloseTo(100, 9);
    expect(budget.waitMs(50)).toBeCloseTo(50, 9);
    expect(budget.waitMs(100)).toBe(0);
    expect(budget.takeUsage()).toEqual({ usedMs: 35, throttled: true });
    expect(budget.takeUsage()).toEqual({ usedMs: 0, throttled: false });
  });

  it("saves up no more than its burst while idle", () => {
    const budget = new CpuBudget(100, 0);
    expect(budget.charge(30, 60_000)).toBeCloseTo(50, 9);
  });

  it("takes a new rate from the next refill on", () => {
    const budget = new CpuBudget(100, 0);
    budget.charge(25, 0);
    budget.setRate(10, 0);
    expect(budget.charge(3, 0)).toBeCloseTo(300, 9);
  });
});
