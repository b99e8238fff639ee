// The voiced source: a Rosenberg (1971) glottal flow pulse whose derivative (lip radiation folded in)
// excites the vocal tract. The open quotient sets the spectral tilt: a short, abrupt closure (pressed
// voice, low open quotient) has more high-frequency energy than a long, smooth one (breathy voice).
// Jitter and shimmer perturb each period's length and amplitude.
import type { Random } from "@emotion-stream/core";

export class GlottalSource {
  private phase = 0;
  private periodScale = 1;
  private amplitudeScale = 1;
  private previousFlow = 0;

  constructor(
    private readonly sampleRate: number,
    private readonly random: Random,
  ) {}

  /** Next sample of the flow derivative for the current F0 (Hz), normalised to about unit peak. */
  next(f0: number, openQuotient: number, jitter: number, shimmer: number): number {
    const flow = this.amplitudeScale * rosenbergFlow(this.phase, openQuotient);
    const derivative = ((flow - this.previousFlow) * (this.sampleRate * openQuotient)) / (4 * f0);
    this.previousFlow = flow;
    this.phase += f0 / (this.sampleRate * this.periodScale);
    if (this.phase >= 1) {
      this.phase -= 1;
      this.periodScale = Math.max(0.8, 1 + jitter * this.random.normal(0, 1));
      this.amplitudeScale = Math.max(0.5, 1 + shimmer * this.random.normal(0, 1));
    }
    return derivative;
  }

  /** Where in the glottal cycle we are, for pulsing aspiration noise with the opening. */
  get openPhase(): number {
    return this.phase;
  }
}

function rosenbergFlow(phase: number, openQuotient: number): number {
  const opening = 0.6 * openQuotient;
  if (phase < opening) return 0.5 * (1 - Math.cos((Math.PI * phase) / opening));
  if (phase < openQuotient)
    return Math.cos((0.5 * Math.PI * (phase - opening)) / (openQuotient - opening));
  return 0;
}
