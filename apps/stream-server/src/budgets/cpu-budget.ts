// One connection's allotment of the main thread, as a token bucket of CPU milliseconds: the time
// spent on its behalf (handling its messages: parsing, validation, resampling, feature extraction,
// window cutting; for a watcher, sending it predictions) is charged as it is spent, and a
// connection in debt is held back until the debt is repaid: a producer is not read from (TCP
// backpressure: its data waits in its own socket, nothing is dropped), a watcher's predictions are
// skipped. The refill rate is set every second by the server's fair share.

/**
 * A connection may save up `BURST_SECONDS` of its rate, between 50 and 250 ms: a light producer
 * that has been using less than its share absorbs a costly message (a window cut, a collection not
 * reported as one) without being held back, while a connection that spends its share as it earns
 * it never saves anything.
 */
const BURST_SECONDS = 5;
const MIN_BURST_MS = 50;
const MAX_BURST_MS = 250;
/** What a new connection starts with: enough for its hello and first messages, no more. */
const INITIAL_MS = 5;

export class CpuBudget {
  private tokensMs = INITIAL_MS;
  private refilledAt: number;
  /** CPU ms charged since the last `takeUsage()`. */
  private usedMs = 0;
  /** Whether the connection was in debt at any time since the last `takeUsage()`. */
  private wasThrottled = false;

  constructor(
    private rateMsPerSecond: number,
    now: number,
  ) {
    this.refilledAt = now;
  }

  get rate(): number {
    return this.rateMsPerSecond;
  }

  private get burstMs(): number {
    return Math.min(MAX_BURST_MS, Math.max(MIN_BURST_MS, this.rateMsPerSecond * BURST_SECONDS));
  }

  setRate(rateMsPerSecond: number, now: number): void {
    this.refill(now);
    this.rateMsPerSecond = rateMsPerSecond;
  }

  /** Charges `ms` spent for the connection; returns how long (ms) until its debt is repaid. */
  charge(ms: number, now: number): number {
    this.refill(now);
    this.tokensMs -= ms;
    this.usedMs += ms;
    return this.debtWaitMs();
  }

  /** Gives back `ms` charged for time that was not the connection's (a garbage collection). */
  refund(ms: number): void {
    this.tokensMs = Math.min(this.burstMs, this.tokensMs + ms);
    this.usedMs = Math.max(0, this.usedMs - ms);
  }

  /** How long until the debt is repaid (0 when there is none). */
  waitMs(now: number): number {
    this.refill(now);
    return this.debtWaitMs();
  }

  /** The usage since the last call (for the fair share), and whether the budget held it back. */
  takeUsage(): { usedMs: number; throttled: boolean } {
    const usage = { usedMs: this.usedMs, throttled: this.wasThrottled || this.tokensMs < 0 };
    this.usedMs = 0;
    this.wasThrottled = false;
    return usage;
  }

  private debtWaitMs(): number {
    if (this.tokensMs >= 0) return 0;
    this.wasThrottled = true;
    return (-this.tokensMs / this.rateMsPerSecond) * 1000;
  }

  private refill(now: number): void {
    const elapsedSeconds = Math.max(0, now - this.refilledAt) / 1000;
    this.refilledAt = now;
    this.tokensMs = Math.min(this.burstMs, this.tokensMs + elapsedSeconds * this.rateMsPerSecond);
  }
}
