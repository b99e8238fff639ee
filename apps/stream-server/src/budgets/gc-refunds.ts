// A garbage collection runs inside whatever message happens to allocate when the heap fills, and a
// major one pauses the thread for tens of milliseconds: charged to that message's connection, it
// would throttle a light producer for seconds. So the intervals spent on connections' behalf are
// remembered (the last few hundred), and when the collector reports a pause, the part of it inside
// an interval is given back to that interval's connection.
import { PerformanceObserver } from "node:perf_hooks";
import type { CpuBudget } from "./cpu-budget.js";

/** Intervals remembered; a collection is reported within a few milliseconds of its end. */
const REMEMBERED = 512;

export class GcRefunds {
  private readonly starts = new Float64Array(REMEMBERED);
  private readonly ends = new Float64Array(REMEMBERED);
  private readonly budgets: (CpuBudget | undefined)[] = new Array(REMEMBERED);
  private next = 0;
  /** CPU ms given back so far. */
  refundedMs = 0;
  private readonly observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries())
      this.refund(entry.startTime, entry.startTime + entry.duration);
  });

  constructor() {
    this.observer.observe({ entryTypes: ["gc"] });
  }

  /** `budget` was charged for [start, end] (performance.now() ms). */
  record(budget: CpuBudget, start: number, end: number): void {
    this.starts[this.next] = start;
    this.ends[this.next] = end;
    this.budgets[this.next] = budget;
    this.next = (this.next + 1) % REMEMBERED;
  }

  close(): void {
    this.observer.disconnect();
  }

  private refund(gcStart: number, gcEnd: number): void {
    for (let i = 0; i < REMEMBERED; i++) {
      const overlap =
        Math.min(gcEnd, this.ends[i] as number) - Math.max(gcStart, this.starts[i] as number);
      const budget = this.budgets[i];
      if (overlap <= 0 || budget === undefined) continue;
      budget.refund(overlap);
      this.refundedMs += overlap;
    }
  }
}
