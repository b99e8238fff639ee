// Refuses producers that send stream time faster than real time beyond a factor. A fixed allowance
// (one window, by default) absorbs start-up bursts and network jitter.

export class RealTimeGuard {
  private readonly startedAt: number;

  constructor(
    private readonly factor: number,
    private readonly allowanceSeconds: number,
    now: number,
  ) {
    this.startedAt = now;
  }

  /** Stream seconds allowed by wall-clock time `now` (performance.now() milliseconds). */
  allowedSeconds(now: number): number {
    return this.allowanceSeconds + (this.factor * (now - this.startedAt)) / 1000;
  }

  admits(streamSeconds: number, now: number): boolean {
    return streamSeconds <= this.allowedSeconds(now);
  }
}
