// Root-mean-square energy of one frame, as openSMILE's cEnergy computes it (rms=1, log=0). In the
// IS09 chain it reads the pre-emphasised, Hamming-windowed frame, not the raw samples.

/**
 * sqrt(sum(x^2) / N). Squares are float32 products summed in double, as cEnergy does with its
 * float data memory and double accumulator, so the float32 result matches openSMILE's bit for bit.
 */
export function rmsEnergy(frame: Float32Array): number {
  if (frame.length === 0) return 0;
  let sumOfSquares = 0;
  for (let i = 0; i < frame.length; i++) {
    const x = frame[i] as number;
    sumOfSquares += Math.fround(x * x);
  }
  return Math.fround(Math.sqrt(sumOfSquares / frame.length));
}
