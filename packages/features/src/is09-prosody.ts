// The prosodic LLDs of openSMILE's IS09_emotion.conf for one frame: RMS energy of the
// pre-emphasised Hamming frame (cEnergy), zero-crossing rate of the raw frame (cMZcr), and voicing
// probability and F0 from the power spectrum's autocorrelation and cepstrum (cAcf x2, cPitchACF).
// Reads the SpectralFrontEnd the caller ran on the same frame. Stateful (the F0 contour), so one
// instance serves one stream.
import { AcfAndCepstrum } from "./acf-and-cepstrum.js";
import { rmsEnergy } from "./energy.js";
import { PitchAcf, type PitchAcfResult } from "./pitch-acf.js";
import type { SpectralFrontEnd } from "./spectral-front-end.js";
import { zeroCrossingRate } from "./zero-crossing-rate.js";

export const IS09_FRAME_SIZE_SECONDS = 0.025;
export const IS09_PREEMPHASIS = 0.97;
export const IS09_MAX_PITCH = 500;
export const IS09_VOICING_CUTOFF = 0.55;

/** IS09_emotion.conf options of its pitch, energy and ZCR components, for every set using them. */
export const IS09_PROSODY_PARAMS = {
  "is09_pitchACF.maxPitch": IS09_MAX_PITCH,
  "is09_pitchACF.voicingCutoff": IS09_VOICING_CUTOFF,
  "is09_energy.rms": 1,
  "is09_mzcr.zcr": 1,
} as const;

export interface Is09ProsodyValues {
  energy: number;
  zcr: number;
  voiceProb: number;
  f0: number;
}

export class Is09Prosody {
  /** The last frame's values (float32). */
  readonly values: Is09ProsodyValues = { energy: 0, zcr: 0, voiceProb: 0, f0: 0 };
  private readonly acfAndCepstrum: AcfAndCepstrum;
  private readonly acf: Float32Array;
  private readonly cepstralCoefficients: Float32Array;
  private readonly pitch: PitchAcf;
  private readonly pitchResult: PitchAcfResult = { voiceProb: 0, f0: 0 };

  constructor(
    private readonly frontEnd: SpectralFrontEnd,
    private readonly frameSize: number,
  ) {
    const { fftSize } = frontEnd;
    this.acfAndCepstrum = new AcfAndCepstrum(fftSize);
    this.acf = new Float32Array(this.acfAndCepstrum.lags);
    this.cepstralCoefficients = new Float32Array(this.acfAndCepstrum.lags);
    this.pitch = new PitchAcf({
      maxPitch: IS09_MAX_PITCH,
      voicingCutoff: IS09_VOICING_CUTOFF,
      frameSizeSeconds: IS09_FRAME_SIZE_SECONDS,
      frameSize,
      fftSize,
    });
  }

  /** Values of the frame at `start`, whose front end has been computed. */
  compute(samples: Float32Array, start: number): Is09ProsodyValues {
    const { values, pitchResult } = this;
    values.energy = rmsEnergy(this.frontEnd.windowed);
    values.zcr = zeroCrossingRate(samples, start, this.frameSize);
    this.acfAndCepstrum.compute(this.frontEnd.powers, this.acf, this.cepstralCoefficients);
    this.pitch.process(this.acf, this.cepstralCoefficients, pitchResult);
    values.voiceProb = pitchResult.voiceProb;
    values.f0 = pitchResult.f0;
    return values;
  }
}
