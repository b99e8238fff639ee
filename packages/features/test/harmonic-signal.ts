// Synthetic voiced signals of known F0 for pitch tests: a harmonic complex whose harmonics fall off
// as 1/h (a crude glottal spectrum), quantised to float32 as decoded audio is.

export interface HarmonicComplexOptions {
  readonly f0: number;
  readonly sampleRate: number;
  readonly seconds: number;
  /** Harmonics up to this frequency (default: 0.9 * Nyquist). */
  readonly maxFrequency?: number;
  /** Peak amplitude of the first harmonic (default 0.3). */
  readonly amplitude?: number;
}

export function harmonicComplex(options: HarmonicComplexOptions): Float32Array {
  const { f0, sampleRate, seconds } = options;
  const amplitude = options.amplitude ?? 0.3;
  const maxFrequency = options.maxFrequency ?? 0.45 * sampleRate;
  const samples = new Float32Array(Math.round(seconds * sampleRate));
  for (let h = 1; h * f0 <= maxFrequency; h += 1) {
    const step = (2 * Math.PI * h * f0) / sampleRate;
    for (let t = 0; t < samples.length; t += 1) {
      samples[t] = (samples[t] as number) + (amplitude / h) * Math.sin(step * t + h);
    }
  }
  return samples;
}

export function pureTone(frequency: number, sampleRate: number, seconds: number): Float32Array {
  const samples = new Float32Array(Math.round(seconds * sampleRate));
  for (let t = 0; t < samples.length; t += 1) {
    samples[t] = 0.5 * Math.sin((2 * Math.PI * frequency * t) / sampleRate);
  }
  return samples;
}
