// openSMILE frame-level feature files (the original study's input path): one .arff or .csv file,
// or a folder of them, as SMILExtract writes them. Rows are grouped into utterances by instance
// name; the label is the ARFF `class` value, or for CSV (which has no class) the name of the
// folder holding the file. Speakers come from instance names in RAVDESS or EmoDB naming, else
// from the feature file's name.
import { stat } from "node:fs/promises";
import { basename, dirname, extname } from "node:path";
import { EmotionStreamError } from "@emotion-stream/core";
import { type FrameLevelFeatures, readFeatureFile } from "@emotion-stream/features/node";
import type { CodedFileName } from "../coded-file-names.js";
import type { CorpusAdapter, CorpusReadOptions } from "../corpus-adapter.js";
import { CorpusCollector } from "../corpus-collector.js";
import { listFiles } from "../corpus-files.js";
import { describeError } from "../describe-error.js";
import { parseEmodbName } from "./emodb.js";
import { parseRavdessName } from "./ravdess.js";

const KNOWN_NAMINGS: readonly {
  parse: (name: string) => CodedFileName | undefined;
  language: string;
}[] = [
  { parse: parseRavdessName, language: "en" },
  { parse: parseEmodbName, language: "de" },
];

/** ARFF class values openSMILE writes when no class was given. */
const NO_CLASS = new Set(["", "?", "unassigned", "unknown"]);

export const opensmileAdapter: CorpusAdapter = {
  name: "opensmile",
  description: "openSMILE frame-level ARFF/CSV feature files (instance names, class labels)",
  async read(root, options) {
    const info = await stat(root).catch(() => undefined);
    if (info === undefined) {
      throw new EmotionStreamError(
        "CORPUS_NOT_FOUND",
        "openSMILE feature file or folder not found",
        {
          file: root,
        },
      );
    }
    const files = info.isDirectory()
      ? [...(await listFiles(root, ".arff")), ...(await listFiles(root, ".csv"))].sort()
      : [root];
    const collector = new CorpusCollector(
      "opensmile",
      info.isDirectory() ? root : dirname(root),
      options.emotionMapping,
    );
    for (const file of files) {
      let features: FrameLevelFeatures;
      try {
        features = await readFeatureFile(file);
      } catch (error) {
        collector.skip(file, "unreadable-file", describeError(error));
        continue;
      }
      addInstances(collector, file, features, options);
    }
    return collector.reading();
  },
};

function addInstances(
  collector: CorpusCollector,
  file: string,
  features: FrameLevelFeatures,
  options: CorpusReadOptions,
): void {
  const { dimension, data } = features.features;
  for (const [name, frames] of framesByInstance(features.names)) {
    const label = instanceLabel(file, features, frames);
    if (label === undefined) {
      collector.skip(`${file}#${name}`, "bad-annotation", `instance ${name} has no single class`);
      continue;
    }
    const matrix = new Float32Array(frames.length * dimension);
    frames.forEach((frame, row) => {
      matrix.set(data.subarray(frame * dimension, (frame + 1) * dimension), row * dimension);
    });
    const coded = KNOWN_NAMINGS.map((naming) => ({ naming, coded: naming.parse(name) })).find(
      (candidate) => candidate.coded !== undefined,
    );
    collector.addByEmotion(
      {
        id: name,
        corpus: "opensmile",
        speaker: coded?.coded?.speaker ?? `opensmile_${basename(file, extname(file))}`,
        ...(coded?.coded?.gender === undefined ? {} : { gender: coded.coded.gender }),
        language: options.language ?? coded?.naming.language ?? "und",
        source: {
          kind: "features",
          path: file,
          features: { frames: frames.length, dimension, data: matrix },
        },
      },
      label,
      { emotion: label },
    );
  }
}

/** Row indices of each instance, instances in order of first appearance. */
function framesByInstance(names: readonly string[]): Map<string, number[]> {
  const instances = new Map<string, number[]>();
  names.forEach((name, frame) => {
    const frames = instances.get(name);
    if (frames === undefined) instances.set(name, [frame]);
    else frames.push(frame);
  });
  return instances;
}

function instanceLabel(file: string, features: FrameLevelFeatures, frames: readonly number[]) {
  if (features.classes === undefined) return basename(dirname(file));
  const classes = new Set(frames.map((frame) => features.classes?.[frame] ?? ""));
  const [only] = classes;
  return classes.size === 1 && only !== undefined && !NO_CLASS.has(only) ? only : undefined;
}
