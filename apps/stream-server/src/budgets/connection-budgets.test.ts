import { describe, expect, it } from "vitest";
import type { WebSocket } from "ws";
import { ConnectionBudgets } from "./connection-budgets.js";
import { CpuBudget } from "./cpu-budget.js";

function connection(bufferedAmount: number) {
  const socket = {
    bufferedAmount,
    closedWith: undefined as number | undefined,
    close(code: number) {
      socket.closedWith = code;
    },
  };
  return { socket: socket as unknown as WebSocket, fake: socket, budget: new CpuBudget(600, 0) };
}

describe("server-wide connection budgets", () => {
  it("closes the peers furthest behind until the rest of the unsent bytes fit", () => {
    const budgets = new ConnectionBudgets(0.6, 1000, 0);
    const peers = [connection(100), connection(900), connection(300), connection(400)];
    expect(budgets.enforceUnsent(peers)).toBe(1700);
    expect(peers.map((peer) => peer.fake.closedWith)).toEqual([
      undefined,
      4001,
      undefined,
      undefined,
    ]);
    expect(budgets.enforceUnsent([connection(500), connection(500)])).toBe(1000);
  });

  it("gives floods the fair share of what quiet connections leave, and the quiet room to grow", () => {
    const budgets = new ConnectionBudgets(0.6, 1000, 0);
    const quiet = Array.from({ length: 100 }, () => connection(0));
    const floods = [connection(0), connection(0)];
    for (const { budget } of quiet) budget.charge(2, 0);
    for (const { budget } of floods) budget.charge(500, 0);
    // The loop was busy the whole second, all of it on these connections' behalf.
    budgets.rebalance([...quiet, ...floods], 1000, 1);
    expect(budgets.capacityMs).toBe(600);
    expect(budgets.fairShareMs).toBeCloseTo((600 - 200) / 2, 9);
    expect(floods.map(({ budget }) => budget.rate)).toEqual([200, 200]);
    // Quiet connections get the same rate: room for a garbage collection charged to them.
    expect(quiet[0]?.budget.rate).toBe(200);
    // A new connection gets an equal part until it has been measured.
    expect(budgets.newConnectionRate).toBeCloseTo(600 / 102, 9);
    budgets.rebalance(quiet, 2000, 0);
    expect(budgets.fairShareMs).toBe(600);
  });

  it("gives connections what the rest of the main thread's work leaves of the target", () => {
    const budgets = new ConnectionBudgets(0.6, 1000, 0);
    const quiet = Array.from({ length: 100 }, () => connection(0));
    const flood = connection(0);
    for (const { budget } of quiet) budget.charge(1, 0);
    flood.budget.charge(200, 0);
    // 500 ms busy: 300 on the connections' behalf, 200 of other work (sending, pings, GC): 400
    // left to share, 100 of it for the quiet connections, 300 for the flood (held back, so its
    // demand is open).
    budgets.rebalance([...quiet, flood], 1000, 0.5);
    expect(budgets.capacityMs).toBeCloseTo(400, 9);
    expect(flood.budget.rate).toBeCloseTo(300, 9);
    // Other work past the target still leaves the connections their floor of 5 %.
    budgets.rebalance([flood], 2000, 0.95);
    expect(budgets.capacityMs).toBe(50);
  });
});
