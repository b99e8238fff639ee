// Frame geometry as openSMILE's cFramer derives it (cWinToVecProcessor::configureWriter): sizes in
// seconds are converted to samples with C's round(), and only whole frames count
// (noPostEOIprocessing = 1), frames starting at sample 0 (frameCenterSpecial = left).

export interface FrameGeometry {
  /** Samples per frame. */
  readonly frameSize: number;
  /** Samples between frame starts. */
  readonly frameStep: number;
}

/** C `round()`: halves go away from zero (JavaScript's Math.round sends -0.5 up). */
export function roundHalfAwayFromZero(value: number): number {
  return Math.sign(value) * Math.round(Math.abs(value));
}

export function frameGeometry(
  sampleRate: number,
  frameSizeSeconds: number,
  frameStepSeconds: number,
): FrameGeometry {
  // openSMILE divides by the level period T = 1/rate rather than multiplying by the rate; at
  // 44.1 kHz the 25 ms frame is exactly 1102.5 samples either way and rounds up to 1103.
  const period = 1 / sampleRate;
  return {
    frameSize: roundHalfAwayFromZero(frameSizeSeconds / period),
    frameStep: roundHalfAwayFromZero(frameStepSeconds / period),
  };
}

/** Whole frames in `samples` samples: floor((N - size) / step) + 1, or 0 when N < size. */
export function wholeFrameCount(samples: number, geometry: FrameGeometry): number {
  if (samples < geometry.frameSize) return 0;
  return Math.floor((samples - geometry.frameSize) / geometry.frameStep) + 1;
}
