// openSMILE's monoMixdown (smilePcm_convertSamples): per sample, the channels' integer values
// summed in float32, divided by the channel count, then by the full scale; float samples are
// averaged as they are.
import type { DecodedAudio } from "./decode-wav.js";

const f = Math.fround;

export function mixToMono(audio: DecodedAudio): Float32Array {
  const [first, ...rest] = audio.channels;
  if (first === undefined) return new Float32Array(0);
  if (rest.length === 0) return first;
  const count = audio.channels.length;
  // Each decoded value is its integer over the full scale, so the integer comes back exactly.
  const scale = audio.fullScale ?? 1;
  const integer = (value: number) =>
    audio.fullScale === undefined ? value : Math.round(value * scale);
  const mono = new Float32Array(first.length);
  for (let i = 0; i < mono.length; i += 1) {
    let sum = integer(first[i] as number);
    for (const channel of rest) sum = f(sum + integer(channel[i] ?? 0));
    mono[i] = f(f(sum / count) / scale);
  }
  return mono;
}
