// WAV encoding for tools and tests that write audio: mono 16-bit PCM, samples in [-1, 1] clipped and
// scaled by 32767, the inverse of decodeWav's 16-bit scaling.
import { wavefile } from "./wavefile.js";

export function encodeWavPcm16(samples: Float32Array, sampleRate: number): Uint8Array {
  const pcm = new Int16Array(samples.length);
  for (let i = 0; i < samples.length; i++) {
    pcm[i] = Math.round(Math.max(-1, Math.min(1, samples[i] ?? 0)) * 32767);
  }
  const wav = new wavefile.WaveFile();
  wav.fromScratch(1, sampleRate, "16", pcm);
  return wav.toBuffer();
}
