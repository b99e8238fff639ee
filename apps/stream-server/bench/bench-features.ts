// Real speech features for the load generator: the model's feature set computed from the shared
// corpora's WAVs (or, for mfcc0_12 without corpora, read from the openSMILE reference ARFFs), cut
// once into pre-encoded binary messages of `framesPerMessage` frames that every stream reuses. A
// functionals model gets its live window's functionals of the WAVs played one after the other, as
// a producer computing them on the stream would send them.
import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { EmotionStreamError, encodeBinaryFrames, type FeatureSetName } from "@emotion-stream/core";
import {
  concatFeatureMatrices,
  createStreamingExtractor,
  extractFeatures,
  type FeatureMatrix,
  type FunctionalsWindow,
} from "@emotion-stream/features";
import { parseOpenSmileArff, readAudioForFeatureSet } from "@emotion-stream/features/node";

export interface BenchFeatures {
  readonly source: string;
  /** All the speech, utterance after utterance, row-major. */
  readonly speech: FeatureMatrix;
  /**
   * Message k carries frames [k * framesPerMessage, (k + 1) * framesPerMessage) of `speech`, slot 0;
   * Buffers, which ws sends without wrapping them again.
   */
  readonly messages: readonly Buffer[];
}

const CORPUS_FILES = 24;

export async function loadBenchFeatures(
  shared: string,
  featureSet: FeatureSetName,
  framesPerMessage: number,
  functionalsWindow?: FunctionalsWindow,
): Promise<BenchFeatures> {
  const { source, matrices } = await speechFeatures(shared, featureSet, functionalsWindow);
  const speech = concatFeatureMatrices(matrices[0]?.dimension ?? 0, matrices);
  const { dimension, data } = speech;
  const messages: Buffer[] = [];
  for (let first = 0; first + framesPerMessage <= speech.frames; first += framesPerMessage) {
    const values = data.subarray(first * dimension, (first + framesPerMessage) * dimension);
    const bytes = encodeBinaryFrames({ kind: "features", slot: 0, dimension, values });
    messages.push(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  }
  return { source, speech, messages };
}

async function speechFeatures(
  shared: string,
  featureSet: FeatureSetName,
  functionalsWindow: FunctionalsWindow | undefined,
): Promise<{ source: string; matrices: FeatureMatrix[] }> {
  const manifest = join(shared, "corpora/manifest.csv");
  if (existsSync(manifest)) {
    const paths = (await readFile(manifest, "utf8"))
      .split("\n")
      .slice(1)
      .map((line) => line.split(",")[0] ?? "")
      .filter((path) => path.endsWith(".wav"))
      .filter((_, index, all) => index % Math.max(1, Math.floor(all.length / CORPUS_FILES)) === 0)
      .slice(0, CORPUS_FILES);
    const matrices = [];
    const stream =
      functionalsWindow === undefined
        ? undefined
        : createStreamingExtractor(featureSet, 16000, functionalsWindow);
    for (const path of paths) {
      const audio = await readAudioForFeatureSet(join(shared, "corpora", path), featureSet);
      matrices.push(
        stream === undefined
          ? extractFeatures(featureSet, audio.samples, audio.sampleRate)
          : stream.push(audio.samples),
      );
    }
    if (stream !== undefined) matrices.push(stream.end());
    return { source: `${featureSet} of ${paths.length} corpus WAVs (${manifest})`, matrices };
  }
  const arffDirectory = join(shared, "reference/opensmile/mfcc0_12");
  if (featureSet === "mfcc0_12" && existsSync(arffDirectory)) {
    const names = (await readdir(arffDirectory)).filter((name) => name.endsWith(".arff"));
    const matrices = await Promise.all(
      names.map(
        async (name) =>
          parseOpenSmileArff(await readFile(join(arffDirectory, name), "utf8"), name).features,
      ),
    );
    return { source: `openSMILE reference ARFFs (${arffDirectory})`, matrices };
  }
  throw new EmotionStreamError(
    "FILE_NOT_FOUND",
    `no speech to compute ${featureSet} features from under ${shared}`,
    {
      file: shared,
    },
  );
}
