// RASTA filtering of log band energies across frames, as openSMILE's cPlp does it with
// newRASTA = 1 (Hermansky and Morgan's band-pass, 1-29 Hz by default, in transposed direct form
// II, float32 as there): FIR taps (2, -4 om, 0, 4 om, -2) / norm, om = cos(2 pi upper T),
// norm = sqrt(10 (32 om^2 + 8)) (about (2, 1, 0, -1, -2) / 10 at 100 frames/s), and one pole at
// 1 - sin(2 pi lower T). Quirks kept: the first five frames output 0 (then cPlp's auditory
// weighting and exp still turn them into the equal-loudness curve to the power 0.33), and the
// pole is switched on only from the sixth frame, whose state holds five frames of FIR-only
// history.
const f = Math.fround;

/** Frames output as 0 while the FIR history fills (cPlp's rasta_init). */
const WARM_UP_FRAMES = 5;

export interface RastaFilterOptions {
  readonly bands: number;
  /** Seconds between frames (the period of cPlp's input level). */
  readonly framePeriodSeconds: number;
  /** cPlp `rastaLowerCutoff`, Hz. */
  readonly lowerCutoffHz?: number;
  /** cPlp `rastaUpperCutoff`, Hz. */
  readonly upperCutoffHz?: number;
}

export class RastaFilter {
  private readonly bands: number;
  private readonly pole: number;
  /** FIR taps b0..b4 (b2 = 0, b3 = -b1, b4 = -b0). */
  private readonly b0: number;
  private readonly b1: number;
  /** Per band the four delay registers, band-major. */
  private readonly state: Float32Array;
  private frames = 0;

  constructor(options: RastaFilterOptions) {
    const { bands, framePeriodSeconds: period } = options;
    // cPlp stores both cut-offs as float before the double trigonometry.
    const lower = f(options.lowerCutoffHz ?? 1);
    const upper = f(options.upperCutoffHz ?? 29);
    this.bands = bands;
    this.pole = f(1 - Math.sin(2 * Math.PI * lower * period));
    const om = f(Math.cos(2 * Math.PI * upper * period));
    const norm = f(Math.sqrt(10 * (32 * om * om + 8)));
    this.b0 = f(2 / norm);
    this.b1 = f((-4 * om) / norm);
    this.state = new Float32Array(4 * bands);
  }

  /** Filters one frame of log band energies in place (`values` has `bands` values). */
  filter(values: Float32Array): void {
    const { bands, state, b0, b1 } = this;
    const warm = this.frames >= WARM_UP_FRAMES;
    const pole = warm ? this.pole : 0;
    for (let band = 0; band < bands; band += 1) {
      const x = values[band] as number;
      const s = 4 * band;
      const out = f(f(b0 * x) + (state[s] as number));
      state[s] = f(f(f(b1 * x) + (state[s + 1] as number)) + f(pole * out));
      // The zero middle tap only shifts the register along.
      state[s + 1] = state[s + 2] as number;
      state[s + 2] = f(f(-b1 * x) + (state[s + 3] as number));
      state[s + 3] = f(-b0 * x);
      values[band] = warm ? out : 0;
    }
    if (!warm) this.frames += 1;
  }
}
