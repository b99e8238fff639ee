// The LLDs ComParE 2016 computes from its 20 ms frames (openSMILE's `is13_frame25` level: 20 ms
// despite the name, every 10 ms from sample 0, no pre-emphasis; Hamming window, FFT of the frame
// centred in zeros, magnitudes `is13_fftmagH25`), unsmoothed, in the order of the LLD file:
// auditory spectrum band means (is13_melspec1 -> is13_audspec / is13_audspecRasta -> ll1), RMS
// energy of the raw frame (is13_energy), the RASTA auditory spectrum (is13_audspecRasta), the
// cSpectral descriptors (is13_spectral) and MFCC 1-14 (is13_melspecMfcc -> is13_mfcc). The zero
// crossing rate between energy and the RASTA spectrum comes from 60 ms frames: Compare16Zcr.
// The RASTA filter holds state across frames, so one instance serves one stream.
import { AuditorySpectrum } from "./auditory-loudness.js";
import { rmsEnergy } from "./energy.js";
import type { FrameProcessor } from "./feature-set.js";
import { Float32WindowedSpectrum } from "./float32-windowed-spectrum.js";
import { frameGeometry } from "./framing.js";
import { MelFilterbank, openSmileBinSpacing } from "./mel-filterbank.js";
import { Mfcc } from "./mfcc.js";
import { SpectralDescriptors } from "./spectral-descriptors.js";
import { hammingWindow } from "./window-function.js";

export const COMPARE16_SPECTRAL_FRAME_SECONDS = 0.02;
export const COMPARE16_STEP_SECONDS = 0.01;

const MEL_BANDS = 26;
const MEL_LOFREQ = 20;
const MEL_HIFREQ = 8000;
const FIRST_MFCC = 1;
const LAST_MFCC = 14;
const CEP_LIFTER = 22;
/** cPlp `compression` of both auditory spectra. */
const COMPRESSION = 0.33;
const SPECTRAL_BANDS = [
  [250, 650],
  [1000, 4000],
] as const;
const ROLL_OFFS = [0.25, 0.5, 0.75, 0.9] as const;

/** Column names (openSMILE's, before `_sma`), in output order. */
export const COMPARE16_SPECTRAL_LLD_NAMES: readonly string[] = [
  "audspec_lengthL1norm",
  "audspecRasta_lengthL1norm",
  "pcm_RMSenergy",
  ...Array.from({ length: MEL_BANDS }, (_, band) => `audSpec_Rfilt[${band}]`),
  ...SPECTRAL_BANDS.map(([low, high]) => `pcm_fftMag_fband${low}-${high}`),
  ...ROLL_OFFS.map((fraction) => `pcm_fftMag_spectralRollOff${(fraction * 100).toFixed(1)}`),
  ...[
    "spectralFlux",
    "spectralCentroid",
    "spectralEntropy",
    "spectralVariance",
    "spectralSkewness",
    "spectralKurtosis",
    "spectralSlope",
    "psySharpness",
    "spectralHarmonicity",
  ].map((name) => `pcm_fftMag_${name}`),
  ...Array.from({ length: LAST_MFCC - FIRST_MFCC + 1 }, (_, c) => `mfcc[${c + FIRST_MFCC}]`),
];

/** The options of the config, as `<section>.<option>`. */
export const COMPARE16_SPECTRAL_PARAMS = {
  "is13_frame25.frameSize": COMPARE16_SPECTRAL_FRAME_SECONDS,
  "is13_frame25.frameStep": COMPARE16_STEP_SECONDS,
  "is13_win25.winFunc": "hamming",
  "is13_fft25.zeroPadSymmetric": 1,
  "is13_energy.rms": 1,
  "is13_melspec1.nBands": MEL_BANDS,
  "is13_melspec1.lofreq": MEL_LOFREQ,
  "is13_melspec1.hifreq": MEL_HIFREQ,
  "is13_melspec1.usePower": 1,
  "is13_melspec1.htkcompatible": 0,
  "is13_audspec.doAud": 1,
  "is13_audspec.compression": COMPRESSION,
  "is13_audspecRasta.newRASTA": 1,
  "is13_audspecSum.operation": "ll1",
  "is13_spectral.bands": SPECTRAL_BANDS.map(([low, high]) => `${low}-${high}`).join(";"),
  "is13_spectral.rollOff": ROLL_OFFS.join(";"),
  "is13_melspecMfcc.htkcompatible": 1,
  "is13_mfcc.firstMfcc": FIRST_MFCC,
  "is13_mfcc.lastMfcc": LAST_MFCC,
  "is13_mfcc.cepLifter": CEP_LIFTER,
} as const;

/** Where each group starts in the row. */
const AUDSPEC_SUM = 0;
const RASTA_SUM = 1;
const ENERGY = 2;
const RASTA_SPECTRUM = 3;
const SPECTRAL = RASTA_SPECTRUM + MEL_BANDS;

export class Compare16SpectralLlds implements FrameProcessor {
  readonly dimension = COMPARE16_SPECTRAL_LLD_NAMES.length;
  /** Samples of the 20 ms frame (cFramer rounding). */
  readonly frameSize: number;
  private readonly rawFrame: Float32Array;
  private readonly spectrum: Float32WindowedSpectrum;
  private readonly melFilterbank: MelFilterbank;
  private readonly auditorySpectrum: AuditorySpectrum;
  private readonly rastaSpectrum: AuditorySpectrum;
  private readonly descriptors: SpectralDescriptors;
  private readonly mfccFilterbank: MelFilterbank;
  private readonly mfcc: Mfcc;
  private readonly mfccOffset: number;

  constructor(sampleRate: number) {
    this.frameSize = frameGeometry(
      sampleRate,
      COMPARE16_SPECTRAL_FRAME_SECONDS,
      COMPARE16_STEP_SECONDS,
    ).frameSize;
    this.rawFrame = new Float32Array(this.frameSize);
    this.spectrum = new Float32WindowedSpectrum(hammingWindow(this.frameSize));
    const { fftSize } = this.spectrum;
    const bins = fftSize / 2 + 1;
    const melOptions = {
      bins,
      binSpacingHz: openSmileBinSpacing(COMPARE16_SPECTRAL_FRAME_SECONDS, this.frameSize, fftSize),
      nBands: MEL_BANDS,
      lofreq: MEL_LOFREQ,
      hifreq: MEL_HIFREQ,
    };
    this.melFilterbank = new MelFilterbank({ ...melOptions, usePower: true, htkcompatible: false });
    this.auditorySpectrum = new AuditorySpectrum({ ...melOptions, compression: COMPRESSION });
    this.rastaSpectrum = new AuditorySpectrum({
      ...melOptions,
      compression: COMPRESSION,
      rasta: { framePeriodSeconds: COMPARE16_STEP_SECONDS },
    });
    // cTransformFFT's frequency axis: the frame's configured seconds stretched by the padding.
    const fftSeconds = COMPARE16_SPECTRAL_FRAME_SECONDS * (fftSize / this.frameSize);
    this.descriptors = new SpectralDescriptors(this.spectrum, {
      bins,
      binHz: 1 / fftSeconds,
      bands: SPECTRAL_BANDS,
      rollOffs: ROLL_OFFS,
    });
    this.mfccFilterbank = new MelFilterbank({ ...melOptions, usePower: true, htkcompatible: true });
    this.mfcc = new Mfcc({
      nBands: MEL_BANDS,
      firstMfcc: FIRST_MFCC,
      lastMfcc: LAST_MFCC,
      cepLifter: CEP_LIFTER,
      htkcompatible: true,
    });
    this.mfccOffset = SPECTRAL + this.descriptors.dimension;
  }

  /** The row of the frame of `frameSize` samples from `start`. */
  process(samples: Float32Array, start: number, out: Float32Array, outOffset: number): void {
    const { rawFrame, spectrum } = this;
    // rmsEnergy reads a whole array: a copy into a fixed buffer rather than a view per frame.
    for (let t = 0; t < rawFrame.length; t += 1) rawFrame[t] = samples[start + t] as number;
    out[outOffset + ENERGY] = rmsEnergy(rawFrame);
    spectrum.compute(samples, start);
    const { magnitudes, powers } = spectrum;
    const bands = this.melFilterbank.compute(magnitudes, powers);
    out[outOffset + AUDSPEC_SUM] = this.auditorySpectrum.compute(bands);
    out[outOffset + RASTA_SUM] = this.rastaSpectrum.compute(bands);
    out.set(this.rastaSpectrum.values, outOffset + RASTA_SPECTRUM);
    this.descriptors.compute(out, outOffset + SPECTRAL);
    this.mfcc.compute(
      this.mfccFilterbank.compute(magnitudes, powers),
      out,
      outOffset + this.mfccOffset,
    );
  }
}
