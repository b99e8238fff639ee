// Server-wide budgets over all connections, checked once a second: the main thread's time for
// message handling, shared max-min fairly (every connection's CPU budget gets the fair share as its
// rate), and the bytes queued for sending, past which the peers furthest behind are disconnected.
import { CLOSE_CODES } from "@emotion-stream/core";
import type { WebSocket } from "ws";
import type { CpuBudget } from "./cpu-budget.js";
import { fairShareCap } from "./fair-share.js";

export interface BudgetedConnection {
  readonly socket: WebSocket;
  readonly budget: CpuBudget;
}

export class ConnectionBudgets {
  /** The main-thread CPU (ms per second) each connection may use now. */
  cpuRate: number;
  private readonly capacityMs: number;
  private rebalancedAt: number;

  constructor(
    /** Share of one core for message handling, 0..1. */
    mainThreadBudget: number,
    private readonly maxTotalUnsentBytes: number,
    now: number,
  ) {
    this.capacityMs = mainThreadBudget * 1000;
    this.cpuRate = this.capacityMs;
    this.rebalancedAt = now;
  }

  /** Sets every connection's rate to the max-min fair share of the last period's demands. */
  rebalance(connections: readonly BudgetedConnection[], now: number): void {
    const seconds = Math.max(0.001, (now - this.rebalancedAt) / 1000);
    this.rebalancedAt = now;
    const demands = connections.map(({ budget }) => {
      const { usedMs, throttled } = budget.takeUsage();
      // A connection held back wanted more than it got: its demand is unknown, so unbounded.
      return throttled ? Number.POSITIVE_INFINITY : usedMs / seconds;
    });
    this.cpuRate = Math.min(this.capacityMs, fairShareCap(demands, this.capacityMs));
    for (const { budget } of connections) budget.setRate(this.cpuRate, now);
  }

  /**
   * The bytes queued for sending over all connections; past the budget the peers with the most
   * queued are closed as slow consumers (4001) until the rest fits. Returns the total before.
   */
  enforceUnsent(connections: readonly BudgetedConnection[]): number {
    let total = 0;
    for (const { socket } of connections) total += socket.bufferedAmount;
    if (total <= this.maxTotalUnsentBytes) return total;
    const furthestBehind = [...connections].sort(
      (a, b) => b.socket.bufferedAmount - a.socket.bufferedAmount,
    );
    let remaining = total;
    for (const { socket } of furthestBehind) {
      if (remaining <= this.maxTotalUnsentBytes) break;
      remaining -= socket.bufferedAmount;
      socket.close(CLOSE_CODES.slowConsumer, "slow consumer: the server's send budget is spent");
    }
    return total;
  }
}
