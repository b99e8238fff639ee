// Energy-based voice activity for cutting long recordings: a 25 ms frame is active when its
// energy lies above the midpoint (in dB) between the recording's noise floor (10th percentile)
// and its speech level (95th percentile) — a level-independent rule for studio recordings.

const FRAME_SECONDS = 0.025;
const SILENCE_DB = -120;

/** Per-frame activity of a whole recording, frames of 25 ms without overlap. */
export function detectVoiceActivity(samples: Float32Array, sampleRate: number): Uint8Array {
  const frameLength = Math.max(1, Math.round(FRAME_SECONDS * sampleRate));
  const frameCount = Math.floor(samples.length / frameLength);
  const levels = new Float64Array(frameCount);
  for (let frame = 0; frame < frameCount; frame++) {
    let energy = 0;
    for (let i = frame * frameLength; i < (frame + 1) * frameLength; i++) {
      const sample = samples[i] ?? 0;
      energy += sample * sample;
    }
    levels[frame] = Math.max(SILENCE_DB, 10 * Math.log10(energy / frameLength));
  }
  const sorted = Float64Array.from(levels).sort();
  const threshold = (percentile(sorted, 0.1) + percentile(sorted, 0.95)) / 2;
  const activity = new Uint8Array(frameCount);
  levels.forEach((level, frame) => {
    activity[frame] = level > threshold ? 1 : 0;
  });
  return activity;
}

/** Fraction of active frames within `[start, end)` seconds. */
export function activeFraction(activity: Uint8Array, startSeconds: number, endSeconds: number) {
  const first = Math.floor(startSeconds / FRAME_SECONDS);
  const last = Math.min(activity.length, Math.floor(endSeconds / FRAME_SECONDS));
  if (last <= first) return 0;
  let active = 0;
  for (let frame = first; frame < last; frame++) active += activity[frame] ?? 0;
  return active / (last - first);
}

function percentile(sorted: Float64Array, fraction: number): number {
  const index = Math.min(sorted.length - 1, Math.floor(fraction * sorted.length));
  return sorted[index] ?? SILENCE_DB;
}
