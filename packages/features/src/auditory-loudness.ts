// GeMAPS loudness and ComParE's auditory spectra: openSMILE's cMelspec (26 mel bands 20-8000 Hz
// on the power spectrum, no HTK scaling) -> cPlp with doAud only (each band floored at melfloor,
// weighted by Hermansky's equal-loudness curve at its centre frequency, raised to the power
// 0.33) -> cVectorOperation `ll1`, which divides the sum of the auditory spectrum by the number
// of bands: loudness is the band mean, not the sum GeMAPS describes. With RASTA (cPlp newRASTA,
// which forces doLog and doInvLog) the same weighting and compression happen in the log domain
// around the RASTA filter: exp(0.33 (rasta(ln band) + ln weight)). All steps in float32 as
// openSMILE stores them.
import { type MelBandOptions, MelFilterbank, melBandEdges } from "./mel-filterbank.js";
import { RastaFilter } from "./rasta-filter.js";

const f = Math.fround;

export interface AuditorySpectrumOptions extends MelBandOptions {
  /** cPlp `compression`: exponent of the intensity-loudness power law. */
  readonly compression: number;
  /** cPlp newRASTA = 1, with the seconds between frames (its input level's period). */
  readonly rasta?: { readonly framePeriodSeconds: number };
}

/** The options of AuditorySpectrum without RASTA: GeMAPS's loudness. */
export type AuditoryLoudnessOptions = Omit<AuditorySpectrumOptions, "rasta">;

/** cPlp's default `melfloor`: doAud floors the bands at it (before the log with RASTA). */
const PLP_MEL_FLOOR = f(0.00000000093);

/**
 * cPlp with doAud (and with RASTA the doLog and doInvLog it forces), then cVectorOperation ll1:
 * mel band energies (cMelspec usePower 1, htkcompatible 0) to the auditory spectrum and its band
 * mean. With RASTA it holds the filter's state across frames, so one instance serves one stream.
 */
export class AuditorySpectrum {
  /** The auditory spectrum of the last frame (cPlp's `audSpec`), one value per band. */
  readonly values: Float32Array;
  /** Equal-loudness weight of each band at its centre frequency (float32; its ln with RASTA). */
  private readonly equalLoudness: Float32Array;
  private readonly compression: number;
  private readonly rasta: RastaFilter | undefined;

  constructor(options: AuditorySpectrumOptions) {
    const { nBands } = options;
    this.values = new Float32Array(nBands);
    this.compression = f(options.compression);
    const centres = melBandCentresHz(options);
    this.equalLoudness = new Float32Array(nBands);
    for (let band = 0; band < nBands; band += 1) {
      const weight = equalLoudnessWeight(centres[band] as number);
      this.equalLoudness[band] = options.rasta === undefined ? weight : Math.log(weight);
    }
    this.rasta =
      options.rasta === undefined
        ? undefined
        : new RastaFilter({ bands: nBands, framePeriodSeconds: options.rasta.framePeriodSeconds });
  }

  /** The auditory spectrum of the mel band energies `bands` into `values`; returns its mean. */
  compute(bands: Float32Array): number {
    const { values, equalLoudness, compression, rasta } = this;
    let sum = 0;
    if (rasta === undefined) {
      for (let band = 0; band < values.length; band += 1) {
        const energy = Math.max(bands[band] as number, PLP_MEL_FLOOR);
        const loudness = f(f(energy * (equalLoudness[band] as number)) ** compression);
        values[band] = loudness;
        sum = f(sum + loudness);
      }
      return f(sum / values.length);
    }
    for (let band = 0; band < values.length; band += 1) {
      values[band] = Math.log(Math.max(bands[band] as number, PLP_MEL_FLOOR));
    }
    rasta.filter(values);
    for (let band = 0; band < values.length; band += 1) {
      const weighted = f((values[band] as number) + (equalLoudness[band] as number));
      const loudness = f(Math.exp(f(weighted * compression)));
      values[band] = loudness;
      sum = f(sum + loudness);
    }
    return f(sum / values.length);
  }
}

/** GeMAPS loudness: cMelspec on the magnitude spectrum, then AuditorySpectrum (no RASTA). */
export class AuditoryLoudness {
  /** The auditory spectrum of the last frame (cPlp's `audSpec`), one value per band. */
  readonly auditorySpectrum: Float32Array;
  private readonly filterbank: MelFilterbank;
  private readonly spectrum: AuditorySpectrum;

  constructor(options: AuditoryLoudnessOptions) {
    this.filterbank = new MelFilterbank({ ...options, usePower: true, htkcompatible: false });
    this.spectrum = new AuditorySpectrum(options);
    this.auditorySpectrum = this.spectrum.values;
  }

  /** Loudness of the spectrum whose float32 powers (magnitudes squared) are `powers`. */
  compute(magnitudes: Float32Array, powers: Float32Array): number {
    return this.spectrum.compute(this.filterbank.compute(magnitudes, powers));
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
function melBandCentresHz(options: MelBandOptions): Float64Array {
  const edges = melBandEdges(options);
  return Float64Array.from(
    { length: options.nBands },
    (_, band) => 700 * (Math.exp((edges[band + 1] as number) / 1127) - 1),
  );
}
