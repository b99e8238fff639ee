// A feature cache data file of synthetic utterances (random frames, the class as a mean offset of
// one coefficient) for the training benchmarks: corpora of any size without audio or extraction,
// written record by record so writing one costs no more memory than one utterance.
import { open } from "node:fs/promises";
import { createRandom, QUADRANT_CLASSES, type QuadrantClass } from "@emotion-stream/core";
import type { CachedUtterance } from "../src/feature-cache/cached-utterance.js";
import {
  encodeHeader,
  encodeRecord,
  HEADER_BYTES,
} from "../src/feature-cache/feature-file-format.js";

export interface SyntheticCorpus {
  readonly utterances: number;
  readonly dimension: number;
  /** Frame counts are uniform in [minFrames, maxFrames]. */
  readonly minFrames: number;
  readonly maxFrames: number;
  readonly utterancesPerSpeaker: number;
  readonly seed: number;
}

/** Writes the corpus to `file` (a feature cache data file) and returns its utterances. */
export async function writeSyntheticCache(
  file: string,
  corpus: SyntheticCorpus,
): Promise<{ utterances: CachedUtterance[]; bytes: number }> {
  const random = createRandom(corpus.seed);
  const { dimension } = corpus;
  const handle = await open(file, "w");
  const utterances: CachedUtterance[] = [];
  let offset = HEADER_BYTES;
  try {
    await handle.write(encodeHeader(dimension, corpus.utterances), 0, HEADER_BYTES, 0);
    for (let index = 0; index < corpus.utterances; index++) {
      const frames = random.integer(corpus.minFrames, corpus.maxFrames);
      const label = random.integer(0, QUADRANT_CLASSES.length - 1);
      const data = new Float32Array(frames * dimension);
      for (let i = 0; i < data.length; i++) {
        data[i] = random.next() * 2 - 1 + (i % dimension === label ? 0.5 : 0);
      }
      const record = encodeRecord({ frames, dimension, data });
      await handle.write(record, 0, record.length, offset);
      const speaker = `synthetic_${Math.floor(index / corpus.utterancesPerSpeaker)}`;
      utterances.push({
        id: `u${index}`,
        corpus: "synthetic",
        speaker,
        language: "und",
        rawLabel: QUADRANT_CLASSES[label] as QuadrantClass,
        rawLabels: {},
        label: QUADRANT_CLASSES[label] as QuadrantClass,
        source: { kind: "audio", path: `synthetic/u${index}.wav` },
        frames,
        durationSeconds: frames / 100,
        featureRef: { file, offset },
      });
      offset += record.length;
    }
  } finally {
    await handle.close();
  }
  return { utterances, bytes: offset };
}
