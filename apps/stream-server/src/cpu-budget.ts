// One connection's allotment of the main thread, as a token bucket of CPU milliseconds: the time
// spent handling its messages (parsing, validation, resampling, feature extraction, window cutting)
// is charged after each message, and a connection in debt is not read from until the debt is repaid
// (TCP backpressure: its data waits in its own socket, nothing is dropped). The refill rate is set
// every second by the server's fair share.

/** Seconds of refill a connection may save up: its burst, so a quiet connection is never throttled. */
const BURST_SECONDS = 0.25;
/** The smallest burst, so a connection whose share is tiny can still send one small message. */
const MIN_BURST_MS = 2;

export class CpuBudget {
  private tokensMs: number;
  private refilledAt: number;
  /** CPU ms charged since the last `takeUsage()`. */
  private usedMs = 0;
  /** Whether the connection was in debt at any time since the last `takeUsage()`. */
  private wasThrottled = false;

  constructor(
    private rateMsPerSecond: number,
    now: number,
  ) {
    this.tokensMs = this.burstMs;
    this.refilledAt = now;
  }

  get rate(): number {
    return this.rateMsPerSecond;
  }

  private get burstMs(): number {
    return Math.max(MIN_BURST_MS, this.rateMsPerSecond * BURST_SECONDS);
  }

  setRate(rateMsPerSecond: number, now: number): void {
    this.refill(now);
    this.rateMsPerSecond = rateMsPerSecond;
    this.tokensMs = Math.min(this.tokensMs, this.burstMs);
  }

  /** Charges `ms` of handling; returns how long (ms) the connection must wait before its next read. */
  charge(ms: number, now: number): number {
    this.refill(now);
    this.tokensMs -= ms;
    this.usedMs += ms;
    return this.debtWaitMs();
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
