// Server-wide budgets over all connections, checked once a second: the main thread's time spent on
// connections' behalf, shared max-min fairly (every connection's CPU budget gets its rate from
// here), and the bytes queued for sending, past which the peers furthest behind are disconnected.
//
// The main thread also sends producers their predictions, answers pings and HTTP and collects
// garbage; that work grows with the streams served and is no one connection's. So connections get
// what that work leaves of a target utilisation, measured every REBALANCE_MS. Every connection's
// rate is the max-min fair share of that (light ones keep room for a garbage collection charged to
// them), except a new connection's: an equal part until a rebalance has seen what it uses, so
// connections opened together cannot take the whole thread before the next rebalance.
import { CLOSE_CODES } from "@emotion-stream/core";
import type { WebSocket } from "ws";
import type { CpuBudget } from "./cpu-budget.js";
import { fairShareCap } from "./fair-share.js";

export interface BudgetedConnection {
  readonly socket: WebSocket;
  readonly budget: CpuBudget;
}

/** Connections never get less than this share of the main thread together, however busy it is. */
const MIN_CONNECTION_SHARE = 0.05;

/**
 * No connection's rate falls below this (0.1 % of a core): a feature stream's messages take about
 * 0.2 ms a second, a 16 kHz PCM stream's 1-12 ms (by feature set). Without it, an overload that
 * shrinks the capacity below what the light connections use would cap them all below their need.
 * The price: each connection, however many there are, keeps this much (maxConnections bounds it).
 */
const MIN_CONNECTION_RATE_MS = 1;

/** How often the fair share is recomputed. */
export const REBALANCE_MS = 250;

export class ConnectionBudgets {
  /** The main-thread CPU (ms per second) all connections may use now. */
  capacityMs: number;
  /** The max-min fair cap on one connection (ms per second); the capacity when all demand fits. */
  fairShareMs: number;
  /** An equal part of the capacity among the connections active last period. */
  equalShareMs: number;
  private readonly targetMs: number;
  private rebalancedAt: number;

  constructor(
    /** The main thread's utilisation to stay under, 0..1. */
    mainThreadTarget: number,
    private readonly maxTotalUnsentBytes: number,
    now: number,
  ) {
    this.targetMs = mainThreadTarget * 1000;
    this.capacityMs = this.targetMs;
    this.fairShareMs = this.capacityMs;
    this.equalShareMs = this.capacityMs;
    this.rebalancedAt = now;
  }

  /**
   * Sets every connection's rate from the last period's usage, out of what the rest of the main
   * thread's work (`utilisation` of the period, less the connections' own) leaves of the target.
   */
  rebalance(connections: readonly BudgetedConnection[], now: number, utilisation: number): void {
    const seconds = Math.max(0.001, (now - this.rebalancedAt) / 1000);
    this.rebalancedAt = now;
    let usedMs = 0;
    let active = 0;
    const usages = connections.map(({ budget }) => {
      const usage = budget.takeUsage();
      usedMs += usage.usedMs;
      if (usage.usedMs > 0) active++;
      return { rate: usage.usedMs / seconds, throttled: usage.throttled };
    });
    const otherWorkMs = Math.max(0, (utilisation * 1000 * seconds - usedMs) / seconds);
    this.capacityMs = Math.max(MIN_CONNECTION_SHARE * 1000, this.targetMs - otherWorkMs);
    // A connection held back wanted more than it got: its demand is unknown, so unbounded.
    const demands = usages.map(({ rate, throttled }) =>
      throttled ? Number.POSITIVE_INFINITY : rate,
    );
    this.fairShareMs = Math.max(
      MIN_CONNECTION_RATE_MS,
      Math.min(this.capacityMs, fairShareCap(demands, this.capacityMs)),
    );
    this.equalShareMs = this.capacityMs / Math.max(1, active);
    for (const { budget } of connections) budget.setRate(this.fairShareMs, now);
  }

  /** The rate a connection starts with, until a rebalance has measured it. */
  get newConnectionRate(): number {
    return Math.max(MIN_CONNECTION_RATE_MS, Math.min(this.fairShareMs, this.equalShareMs));
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
