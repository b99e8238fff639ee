// openSMILE's monoMixdown: the average of all channels per sample, summed in float32.
import type { DecodedAudio } from "./decode-wav.js";

export function mixToMono(audio: DecodedAudio): Float32Array {
  const [first, ...rest] = audio.channels;
  if (first === undefined) return new Float32Array(0);
  if (rest.length === 0) return first;
  const mono = new Float32Array(first);
  for (const channel of rest) {
    for (let i = 0; i < mono.length; i += 1) mono[i] = (mono[i] ?? 0) + (channel[i] ?? 0);
  }
  const count = audio.channels.length;
  for (let i = 0; i < mono.length; i += 1) mono[i] = (mono[i] ?? 0) / count;
  return mono;
}
