// Klatt's (1980) second-order digital resonator: the building block of a cascade formant
// synthesiser. Unity gain at 0 Hz, so a cascade of them shapes the source like a vocal tract.

export class Resonator {
  private a = 1;
  private b = 0;
  private c = 0;
  private y1 = 0;
  private y2 = 0;

  constructor(private readonly sampleRate: number) {}

  tune(frequency: number, bandwidth: number): void {
    const t = 1 / this.sampleRate;
    // Keep the pole inside Nyquist: a formant scaled above it would alias back down.
    const f = Math.min(frequency, 0.45 * this.sampleRate);
    this.c = -Math.exp(-2 * Math.PI * bandwidth * t);
    this.b = 2 * Math.exp(-Math.PI * bandwidth * t) * Math.cos(2 * Math.PI * f * t);
    this.a = 1 - this.b - this.c;
  }

  /** Magnitude response at a frequency (Hz), to level a noise band by its peak rather than by DC. */
  gainAt(frequency: number): number {
    const w = (2 * Math.PI * frequency) / this.sampleRate;
    const re = 1 - this.b * Math.cos(w) - this.c * Math.cos(2 * w);
    const im = this.b * Math.sin(w) + this.c * Math.sin(2 * w);
    return Math.abs(this.a) / Math.hypot(re, im);
  }

  process(x: number): number {
    const y = this.a * x + this.b * this.y1 + this.c * this.y2;
    this.y2 = this.y1;
    this.y1 = y;
    return y;
  }
}
