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

  it("gives floods the fair share of what quiet connections leave", () => {
    const budgets = new ConnectionBudgets(0.6, 1000, 0);
    const quiet = Array.from({ length: 100 }, () => connection(0));
    const floods = [connection(0), connection(0)];
    for (const { budget } of quiet) budget.charge(2, 0);
    for (const { budget } of floods) budget.charge(500, 0);
    budgets.rebalance([...quiet, ...floods], 1000);
    expect(budgets.cpuRate).toBeCloseTo((600 - 200) / 2, 9);
    budgets.rebalance(quiet, 2000);
    expect(budgets.cpuRate).toBe(600);
  });
});
