// The LLDs eGeMAPS v02 computes from its 20 ms Hamming spectrum (openSMILE's `gemapsv01b_frame25`
// level: 20 ms despite the name, every 10 ms from sample 0, no pre-emphasis, FFT magnitudes of
// `gemapsv01b_fftmagH25`), unsmoothed, in the order of the LLD file's energy group:
// loudness (gemapsv01b_melspec1 -> gemapsv01b_audspec -> gemapsv01b_audspecSum), alpha ratio,
// Hammarberg index and the 0-500 / 500-1500 Hz slopes (gemapsv01b_logSpectral), spectral flux
// (egemapsv02_logSpectral_flux), MFCC 1-4 (egemapsv02_melspecMfcc -> egemapsv02_mfcc), and last
// the mean squared sample of the raw frame (egemapsv02_energyRMS, energy2 1: the input of the
// equivalent sound level functional, not an LLD column).
import { AuditoryLoudness } from "./auditory-loudness.js";
import type { FrameProcessor } from "./feature-set.js";
import { frameGeometry } from "./framing.js";
import {
  alphaRatioDb,
  BandSlope,
  binsBelow,
  hammarbergIndexDb,
  SpectralFlux,
} from "./gemaps-spectral-shape.js";
import { MelFilterbank, openSmileBinSpacing } from "./mel-filterbank.js";
import { Mfcc } from "./mfcc.js";
import { hammingWindow } from "./window-function.js";
import { WindowedMagnitudeSpectrum } from "./windowed-magnitude-spectrum.js";

export const GEMAPS_SPECTRAL_FRAME_SECONDS = 0.02;
export const GEMAPS_SPECTRAL_STEP_SECONDS = 0.01;

/** Column names (openSMILE's, before `_sma3`), in output order. */
export const GEMAPS_SPECTRAL_LLD_NAMES = [
  "Loudness",
  "alphaRatio",
  "hammarbergIndex",
  "slope0-500",
  "slope500-1500",
  "spectralFlux",
  "mfcc1",
  "mfcc2",
  "mfcc3",
  "mfcc4",
  "pcm_SQUAREDenergy",
] as const;

const MEL_BANDS = 26;
const MEL_LOFREQ = 20;
const MEL_HIFREQ = 8000;

/** The options of the configs, as `<section>.<option>`. */
export const GEMAPS_SPECTRAL_PARAMS = {
  "gemapsv01b_frame25.frameSize": GEMAPS_SPECTRAL_FRAME_SECONDS,
  "gemapsv01b_frame25.frameStep": GEMAPS_SPECTRAL_STEP_SECONDS,
  "gemapsv01b_win25.winFunc": "hamming",
  "gemapsv01b_melspec1.nBands": MEL_BANDS,
  "gemapsv01b_melspec1.lofreq": MEL_LOFREQ,
  "gemapsv01b_melspec1.hifreq": MEL_HIFREQ,
  "gemapsv01b_melspec1.usePower": 1,
  "gemapsv01b_melspec1.htkcompatible": 0,
  "gemapsv01b_audspec.doAud": 1,
  "gemapsv01b_audspec.compression": 0.33,
  "gemapsv01b_audspecSum.operation": "ll1",
  "gemapsv01b_logSpectral.slopes": "0-500;500-1500",
  "gemapsv01b_logSpectral.freqRange": "0-5000",
  "gemapsv01b_logSpectral.useLogSpectrum": 1,
  "egemapsv02_melspecMfcc.htkcompatible": 1,
  "egemapsv02_mfcc.firstMfcc": 1,
  "egemapsv02_mfcc.lastMfcc": 4,
  "egemapsv02_mfcc.cepLifter": 22,
  "egemapsv02_energyRMS.energy2": 1,
} as const;

export class GemapsSpectralLlds implements FrameProcessor {
  readonly dimension = GEMAPS_SPECTRAL_LLD_NAMES.length;
  /** Samples of the 20 ms frame (cFramer rounding). */
  readonly frameSize: number;
  private readonly spectrum: WindowedMagnitudeSpectrum;
  private readonly binHz: number;
  private readonly loudness: AuditoryLoudness;
  private readonly lowSlope: BandSlope;
  private readonly midSlope: BandSlope;
  private readonly flux: SpectralFlux;
  private readonly mfccFilterbank: MelFilterbank;
  private readonly mfcc: Mfcc;

  constructor(sampleRate: number) {
    this.frameSize = frameGeometry(
      sampleRate,
      GEMAPS_SPECTRAL_FRAME_SECONDS,
      GEMAPS_SPECTRAL_STEP_SECONDS,
    ).frameSize;
    this.spectrum = new WindowedMagnitudeSpectrum(hammingWindow(this.frameSize));
    const { fftSize } = this.spectrum;
    const bins = fftSize / 2 + 1;
    // cTransformFFT's frequency axis: the frame's configured seconds stretched by the padding.
    const fftSeconds =
      fftSize === this.frameSize
        ? GEMAPS_SPECTRAL_FRAME_SECONDS
        : GEMAPS_SPECTRAL_FRAME_SECONDS * (fftSize / this.frameSize);
    this.binHz = 1 / fftSeconds;
    const melOptions = {
      bins,
      binSpacingHz: openSmileBinSpacing(GEMAPS_SPECTRAL_FRAME_SECONDS, this.frameSize, fftSize),
      nBands: MEL_BANDS,
      lofreq: MEL_LOFREQ,
      hifreq: MEL_HIFREQ,
    };
    this.loudness = new AuditoryLoudness({ ...melOptions, compression: 0.33 });
    this.lowSlope = new BandSlope(0, 500, bins, this.binHz);
    this.midSlope = new BandSlope(500, 1500, bins, this.binHz);
    this.flux = new SpectralFlux(binsBelow(5000, bins, this.binHz));
    this.mfccFilterbank = new MelFilterbank({ ...melOptions, usePower: true, htkcompatible: true });
    this.mfcc = new Mfcc({
      nBands: MEL_BANDS,
      firstMfcc: 1,
      lastMfcc: 4,
      cepLifter: 22,
      htkcompatible: true,
    });
  }

  /** The 11 values of the frame of `frameSize` samples from `start`. */
  process(samples: Float32Array, start: number, out: Float32Array, outOffset: number): void {
    const { spectrum, binHz } = this;
    spectrum.compute(samples, start);
    const { magnitudes, powers } = spectrum;
    out[outOffset] = this.loudness.compute(magnitudes, powers);
    out[outOffset + 1] = alphaRatioDb(powers, binHz);
    out[outOffset + 2] = hammarbergIndexDb(powers, binHz);
    out[outOffset + 3] = this.lowSlope.compute(powers);
    out[outOffset + 4] = this.midSlope.compute(powers);
    out[outOffset + 5] = this.flux.compute(magnitudes);
    this.mfcc.compute(this.mfccFilterbank.compute(magnitudes, powers), out, outOffset + 6);
    out[outOffset + 10] = meanSquare(samples, start, this.frameSize);
  }
}

/** cEnergy's energy2: float32 squares summed in double, divided by the frame length. */
function meanSquare(samples: Float32Array, start: number, length: number): number {
  let sum = 0;
  for (let t = start; t < start + length; t += 1) {
    const sample = samples[t] as number;
    sum += Math.fround(sample * sample);
  }
  return Math.fround(sum / length);
}
