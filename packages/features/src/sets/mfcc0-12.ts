// `mfcc0_12`: the original study's MFCC0_12.conf (13 MFCCs, c0 first, mel bands 0-6500 Hz).
import { defineMfccFeatureSet } from "./mfcc-feature-set.js";

const coefficients = Array.from({ length: 13 }, (_, c) => `pcm_fftMag_mfcc[${c}]`);

export const mfcc012 = defineMfccFeatureSet({
  name: "mfcc0_12",
  frameSizeSeconds: 0.025,
  frameStepSeconds: 0.01,
  preemphasis: 0.97,
  melspec: { nBands: 26, lofreq: 0, hifreq: 6500, usePower: true, htkcompatible: true },
  mfcc: { firstMfcc: 0, lastMfcc: 12, cepLifter: 22, htkcompatible: false },
  columns: coefficients,
  params: {
    "waveIn.monoMixdown": 1,
    "frame.frameSize": 0.025,
    "frame.frameStep": 0.01,
    "frame.frameMode": "fixed",
    "frame.frameCenterSpecial": "left",
    "frame.noPostEOIprocessing": 1,
    "pe.k": 0.97,
    "pe.de": 0,
    "win.winFunc": "ham",
    "win.gain": 1,
    "win.offset": 0,
    "fft.zeroPadSymmetric": 0,
    "fftmag.magnitude": 1,
    "melspec.htkcompatible": 1,
    "melspec.nBands": 26,
    "melspec.usePower": 1,
    "melspec.lofreq": 0,
    "melspec.hifreq": 6500,
    "melspec.specScale": "mel",
    "mfcc.firstMfcc": 0,
    "mfcc.lastMfcc": 12,
    "mfcc.cepLifter": 22,
    "mfcc.htkcompatible": 0,
    "mfcc.melfloor": 1e-8,
  },
});
