// GeMAPS loudness: openSMILE's cMelspec (26 mel bands 20-8000 Hz on the power spectrum, no HTK
// scaling) -> cPlp with doAud only (each band floored at melfloor, weighted by Hermansky's
// equal-loudness curve at its centre frequency, raised to the power 0.33) -> cVectorOperation
// `ll1`, which divides the sum of the auditory spectrum by the number of bands: loudness is the
// band mean, not the sum GeMAPS describes. All steps in float32 as openSMILE stores them.
import { MelFilterbank, melBandEdges } from "./mel-filterbank.js";

const f = Math.fround;

export interface AuditoryLoudnessOptions {
  /** Magnitude bins in (fftSize / 2 + 1). */
  readonly bins: number;
  /** Hz between bins as openSMILE's cMelspec believes it (openSmileBinSpacing). */
  readonly binSpacingHz: number;
  readonly nBands: number;
  readonly lofreq: number;
  readonly hifreq: number;
  /** cPlp `compression`: exponent of the intensity-loudness power law. */
  readonly compression: number;
}

/** cPlp's default `melfloor` (doAud floors the bands at it when doLog = 0). */
const PLP_MEL_FLOOR = f(0.00000000093);

export class AuditoryLoudness {
  /** The auditory spectrum of the last frame (cPlp's `audSpec`), one value per band. */
  readonly auditorySpectrum: Float32Array;
  private readonly filterbank: MelFilterbank;
  /** Equal-loudness weight of each band at its centre frequency (float32). */
  private readonly equalLoudness: Float32Array;
  private readonly compression: number;

  constructor(options: AuditoryLoudnessOptions) {
    this.filterbank = new MelFilterbank({ ...options, usePower: true, htkcompatible: false });
    this.auditorySpectrum = new Float32Array(options.nBands);
    this.compression = f(options.compression);
    const centres = melBandCentresHz(options);
    this.equalLoudness = new Float32Array(options.nBands);
    for (let band = 0; band < options.nBands; band += 1) {
      this.equalLoudness[band] = equalLoudnessWeight(centres[band] as number);
    }
  }

  /** Loudness of the spectrum whose float32 powers (magnitudes squared) are `powers`. */
  compute(magnitudes: Float32Array, powers: Float32Array): number {
    const { auditorySpectrum, equalLoudness, compression } = this;
    const bands = this.filterbank.compute(magnitudes, powers);
    let sum = 0;
    for (let band = 0; band < bands.length; band += 1) {
      const energy = Math.max(bands[band] as number, PLP_MEL_FLOOR);
      const weighted = f(energy * (equalLoudness[band] as number));
      const loudness = f(weighted ** compression);
      auditorySpectrum[band] = loudness;
      sum = f(sum + loudness);
    }
    return f(sum / bands.length);
  }
}

/**
 * Hermansky's (1990) equal-loudness curve scaled to a maximum of 1, as
 * smileDsp_equalLoudnessWeight computes it in double (stored as float32).
 */
export function equalLoudnessWeight(frequencyHz: number): number {
  const w = 2 * Math.PI * frequencyHz;
  const w2 = w * w;
  const c = w2 + 6300000;
  return f(
    (1e32 * ((w2 + 56.8e6) * w2 * w2)) / (c * c * (w2 + 0.38e9) * (w2 * w2 * w2 * w + 1.7e31)),
  );
}

/**
 * Centre frequencies (Hz) of the mel bands, as cMelspec writes them into its level's metadata
 * for cPlp: its float32 mel centres converted back with 700 (e^(m / 1127) - 1) in double.
 */
function melBandCentresHz(options: AuditoryLoudnessOptions): Float64Array {
  const edges = melBandEdges(options);
  return Float64Array.from(
    { length: options.nBands },
    (_, band) => 700 * (Math.exp((edges[band + 1] as number) / 1127) - 1),
  );
}
