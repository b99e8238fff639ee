// Renders a planned utterance to samples with a cascade formant synthesiser: a glottal source (plus
// pulsed aspiration) through four formant resonators for voiced segments, band-limited noise for
// bursts and fricatives, syllable envelopes with the affect's attack time, and a floor of room noise.
import type { Random } from "@emotion-stream/core";
import type { AffectProsody } from "./affect-prosody.js";
import { GlottalSource } from "./glottal-source.js";
import { Resonator } from "./resonator.js";
import type { Segment, UtterancePlan } from "./utterance-plan.js";
import type { Voice } from "./voices.js";

/** Coefficients and envelope targets change once per block: 1 ms at 16 kHz. */
const CONTROL_BLOCK = 16;
const SPEECH_LEVEL = 0.06;

export function renderUtterance(
  plan: UtterancePlan,
  voice: Voice,
  prosody: AffectProsody,
  sampleRate: number,
  random: Random,
): Float32Array {
  const samples = new Float32Array(Math.ceil(plan.duration * sampleRate));
  const semitones = pitchContour(plan, samples.length, sampleRate);
  const meanF0 = voice.neutralF0 * prosody.f0Factor;
  const source = new GlottalSource(sampleRate, random);
  const tract = [0, 1, 2, 3].map(() => new Resonator(sampleRate));
  const noiseBand = new Resonator(sampleRate);
  const tiltCoefficient = Math.min(0.75, Math.max(0, (prosody.openQuotient - 0.4) * 1.6));
  const breathiness = voice.breathiness + prosody.breathiness;
  const gain = SPEECH_LEVEL * 10 ** ((prosody.intensityDb + voice.levelDb) / 20);
  const floor = 10 ** (random.uniform(-64, -52) / 20);
  const formants = new Float64Array(8);
  const targetFormants = new Float64Array(8);
  const formantSmoothing = Math.exp(-CONTROL_BLOCK / (0.018 * sampleRate));
  const attack = Math.exp(-1 / (prosody.attackSeconds * sampleRate));
  const release = Math.exp(-1 / (0.02 * sampleRate));
  const noiseSmoothing = Math.exp(-1 / (0.004 * sampleRate));

  let segmentIndex = 0;
  let segment = plan.segments[0] as Segment;
  let voicedLevel = 0;
  let noiseLevel = 0;
  let noiseNormaliser = 1;
  let whiteBefore1 = 0;
  let whiteBefore2 = 0;
  let tilted = 0;
  let drift = 0;
  for (let n = 0; n < samples.length; n++) {
    const time = n / sampleRate;
    while (time >= segment.end && segmentIndex < plan.segments.length - 1) {
      segment = plan.segments[++segmentIndex] as Segment;
      if (segment.consonant && segment.kind !== "nasal") {
        noiseBand.tune(segment.consonant.noiseCentre, segment.consonant.noiseBandwidth);
        const centre = segment.consonant.noiseCentre;
        const w = (2 * Math.PI * centre) / sampleRate;
        noiseNormaliser = 1 / (noiseBand.gainAt(centre) * Math.abs(2 * Math.sin(w)));
      }
    }
    if (n % CONTROL_BLOCK === 0) {
      drift = 0.995 * drift + random.normal(0, 0.03);
      if (segment.formants) {
        for (let k = 0; k < 4; k++) {
          targetFormants[k] = (segment.formants.frequencies[k] ?? 0) * voice.formantScale;
          targetFormants[k + 4] = segment.formants.bandwidths[k] ?? 100;
        }
        if (formants[0] === 0) formants.set(targetFormants);
      }
      for (let k = 0; k < 8; k++) {
        formants[k] =
          formantSmoothing * (formants[k] ?? 0) + (1 - formantSmoothing) * (targetFormants[k] ?? 0);
      }
      for (let k = 0; k < 4; k++) tract[k]?.tune(formants[k] ?? 0, formants[k + 4] ?? 100);
    }
    const voicedTarget =
      segment.kind === "vowel" || segment.kind === "nasal" || segment.kind === "closure"
        ? segment.level
        : 0;
    voicedLevel =
      voicedTarget > voicedLevel
        ? attack * voicedLevel + (1 - attack) * voicedTarget
        : release * voicedLevel + (1 - release) * voicedTarget;
    const noiseTarget =
      segment.kind === "burst" || segment.kind === "fricative" ? segment.level : 0;
    noiseLevel = noiseSmoothing * noiseLevel + (1 - noiseSmoothing) * noiseTarget;

    const f0 = meanF0 * 2 ** (((semitones[n] ?? 0) + drift) / 12);
    const glottal = source.next(f0, prosody.openQuotient, prosody.jitter, prosody.shimmer);
    tilted = (1 - tiltCoefficient) * glottal + tiltCoefficient * tilted;
    const pulsedAspiration =
      breathiness * random.normal(0, 1) * (source.openPhase < prosody.openQuotient ? 1 : 0.3);
    let voiced = voicedLevel * (tilted + pulsedAspiration);
    for (const resonator of tract) voiced = resonator.process(voiced);
    // White noise through (1 - z^-2) then the resonator: zeros at 0 Hz and Nyquist make it a band.
    const white = random.normal(0, 1);
    const noise = noiseLevel * noiseNormaliser * noiseBand.process(white - whiteBefore2);
    whiteBefore2 = whiteBefore1;
    whiteBefore1 = white;
    samples[n] = softClip(gain * (voiced + noise) + floor * random.normal(0, 1));
  }
  return samples;
}

/** Per-sample semitone offsets, linear between pitch targets and held beyond the first and last. */
function pitchContour(plan: UtterancePlan, length: number, sampleRate: number): Float32Array {
  const targets = [...plan.pitch].sort((a, b) => a.time - b.time);
  const contour = new Float32Array(length);
  let next = 0;
  for (let n = 0; n < length; n++) {
    const time = n / sampleRate;
    while (next < targets.length && (targets[next]?.time ?? 0) <= time) next++;
    const before = targets[next - 1];
    const after = targets[next];
    if (!before) contour[n] = after?.semitones ?? 0;
    else if (!after) contour[n] = before.semitones;
    else {
      const span = after.time - before.time;
      const t = span > 0 ? (time - before.time) / span : 1;
      contour[n] = before.semitones + t * (after.semitones - before.semitones);
    }
  }
  return contour;
}

/** Loud anger must not wrap around: compress smoothly above 0.9 instead of clipping hard. */
function softClip(x: number): number {
  const magnitude = Math.abs(x);
  if (magnitude <= 0.9) return x;
  return Math.sign(x) * (0.9 + 0.09 * Math.tanh((magnitude - 0.9) / 0.09));
}
