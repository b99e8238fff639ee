// `mfcc0_12_d_a`: openSMILE's shipped config/mfcc/MFCC12_0_D_A.conf — 13 MFCCs in HTK order
// (c1..c12 then c0, although openSMILE's header names c0 first), their deltas and accelerations.
// Params are named `<section>.<option>` exactly as in that config.
import { defineMfccFeatureSet } from "./mfcc-feature-set.js";

const names = (suffix: string) =>
  Array.from({ length: 13 }, (_, c) => `pcm_fftMag_mfcc${suffix}[${c}]`);

export const mfcc012DA = defineMfccFeatureSet({
  name: "mfcc0_12_d_a",
  frameSizeSeconds: 0.025,
  frameStepSeconds: 0.01,
  preemphasis: 0.97,
  melspec: { nBands: 26, lofreq: 0, hifreq: 8000, usePower: true, htkcompatible: true },
  mfcc: { firstMfcc: 0, lastMfcc: 12, cepLifter: 22, htkcompatible: true },
  deltawin: 2,
  columns: [...names(""), ...names("_de"), ...names("_de_de")],
  params: {
    "waveIn.monoMixdown": 1,
    "frame.noPostEOIprocessing": 1,
    "frame.frameSize": 0.025,
    "frame.frameStep": 0.01,
    "frame.frameMode": "fixed",
    "frame.frameCenterSpecial": "left",
    "pe.k": 0.97,
    "pe.de": 0,
    "win.winFunc": "ham",
    "win.gain": 1,
    "win.offset": 0,
    "fft.inverse": 0,
    "fft.zeroPadSymmetric": 0,
    "fftmag.inverse": 0,
    "fftmag.magnitude": 1,
    "fftmag.phase": 0,
    "melspec.htkcompatible": 1,
    "melspec.nBands": 26,
    "melspec.usePower": 1,
    "melspec.lofreq": 0,
    "melspec.hifreq": 8000,
    "melspec.specScale": "mel",
    "melspec.inverse": 0,
    "mfcc.firstMfcc": 0,
    "mfcc.lastMfcc": 12,
    "mfcc.cepLifter": 22,
    "mfcc.htkcompatible": 1,
    "delta.noPostEOIprocessing": 0,
    "delta.deltawin": 2,
    "delta.blocksize": 1,
    "accel.noPostEOIprocessing": 0,
    "accel.deltawin": 2,
    "accel.blocksize": 1,
  },
});
