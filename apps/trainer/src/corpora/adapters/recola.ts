// RECOLA (Ringeval et al. 2013) as distributed for AVEC: recordings_audio/<name>.wav and the
// gold-standard ratings ratings_gold_standard/{arousal,valence}/<name>.{arff,csv}. Each recording
// (one speaker) is cut into fixed-length segments labelled by their mean ratings, quadrant by sign.
import { access, readFile } from "node:fs/promises";
import { basename, join } from "node:path";
import type { ValenceArousalThresholds } from "@emotion-stream/core";
import { type DecodedAudio, decodeWav, mixToMono } from "@emotion-stream/features";
import type { CorpusReadOptions } from "../corpus-adapter.js";
import type { CorpusCollector } from "../corpus-collector.js";
import { listFiles, requireCorpusFolder } from "../corpus-files.js";
import { describeError } from "../describe-error.js";
import { folderCorpusAdapter } from "../folder-corpus-adapter.js";
import { meanRating, parseRatingTrack, type RatingTrack } from "../recola-ratings.js";
import { activeFraction, detectVoiceActivity } from "../voice-activity.js";

type Dimension = "arousal" | "valence";
const RATING_EXTENSIONS = [".arff", ".csv"];
/** A segment counts as voiced when speech is active in at least this fraction of it. */
const VOICED_FRACTION = 0.5;

export const recolaAdapter = folderCorpusAdapter({
  name: "recola",
  description: "RECOLA (recordings_audio + ratings_gold_standard arousal/valence), French",
  language: "fr",
  async collect(root, collector, language, options) {
    const audioDir = join(root, "recordings_audio");
    await requireCorpusFolder(audioDir, "recola", "its recordings_audio/ folder");
    for (const wav of await listFiles(audioDir, ".wav")) {
      await readRecording(root, wav, collector, language, options);
    }
  },
});

async function readRecording(
  root: string,
  wav: string,
  collector: CorpusCollector,
  language: string,
  options: CorpusReadOptions,
): Promise<void> {
  const name = basename(wav).slice(0, -".wav".length);
  const arousal = await readTrack(root, "arousal", name, wav, collector);
  const valence = arousal && (await readTrack(root, "valence", name, wav, collector));
  if (arousal === undefined || valence === undefined) return;
  let audio: DecodedAudio;
  try {
    audio = decodeWav(await readFile(wav), wav);
  } catch (error) {
    collector.skip(wav, "unreadable-file", describeError(error));
    return;
  }
  const samples = mixToMono(audio);
  const duration = samples.length / audio.sampleRate;
  const activity = options.recolaVoicedOnly
    ? detectVoiceActivity(samples, audio.sampleRate)
    : undefined;
  const length = options.recolaSegmentSeconds;
  const segmentCount = Math.floor(duration / length + 1e-9);
  const tracks = { arousal, valence };
  for (let segment = 0; segment < segmentCount; segment++) {
    const start = segment * length;
    const end = start + length;
    if (activity !== undefined && activeFraction(activity, start, end) < VOICED_FRACTION) continue;
    addSegment(collector, wav, name, start, end, tracks, language, options.signedThresholds);
  }
}

function addSegment(
  collector: CorpusCollector,
  wav: string,
  name: string,
  start: number,
  end: number,
  tracks: Record<Dimension, RatingTrack>,
  language: string,
  thresholds: ValenceArousalThresholds,
): void {
  const arousal = meanRating(tracks.arousal, start, end);
  const valence = meanRating(tracks.valence, start, end);
  const id = `${name}_${start.toFixed(2)}-${end.toFixed(2)}`;
  if (arousal === undefined || valence === undefined) {
    collector.skip(`${wav}@${start}s`, "no-label", `no ratings between ${start} s and ${end} s`);
    return;
  }
  collector.addByRatings(
    {
      id,
      corpus: "recola",
      speaker: `recola_${name}`,
      language,
      source: { kind: "audio-segment", path: wav, startSeconds: start, endSeconds: end },
    },
    { valence, arousal },
    thresholds,
  );
}

/** The recording's gold-standard track of `dimension`; undefined (and a skip) when absent or unreadable. */
async function readTrack(
  root: string,
  dimension: Dimension,
  name: string,
  wav: string,
  collector: CorpusCollector,
): Promise<RatingTrack | undefined> {
  const file = await findRatingFile(root, dimension, name);
  if (file === undefined) {
    collector.skip(wav, "no-label", `no ${dimension} gold standard for ${name}`);
    return undefined;
  }
  try {
    return parseRatingTrack(await readFile(file, "utf8"), file);
  } catch (error) {
    collector.skip(file, "bad-annotation", describeError(error));
    return undefined;
  }
}

async function findRatingFile(root: string, dimension: Dimension, name: string) {
  for (const extension of RATING_EXTENSIONS) {
    const file = join(root, "ratings_gold_standard", dimension, `${name}${extension}`);
    if (
      await access(file).then(
        () => true,
        () => false,
      )
    )
      return file;
  }
  return undefined;
}
