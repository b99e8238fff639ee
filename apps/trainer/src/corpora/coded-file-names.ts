// Corpora whose audio file names code the speaker and the emotion (RAVDESS, EmoDB): one wav file an
// utterance, labelled by its name alone. The openSMILE adapter reads the same names from instance names.
import { basename } from "node:path";
import type { CorpusCollector } from "./corpus-collector.js";
import { listFiles } from "./corpus-files.js";
import type { Gender } from "./corpus-utterance.js";

export interface CodedFileName {
  readonly speaker: string;
  readonly gender?: Gender;
  readonly emotion: string;
  readonly intensity?: string;
}

export interface FileNameCode {
  /** The name pattern a skip quotes, e.g. `SSTTTEV.wav`. */
  readonly pattern: string;
  /** Speaker, emotion and the rest from a file name (with or without `.wav`); undefined when it does not fit. */
  readonly parse: (name: string) => CodedFileName | undefined;
}

/** Adds every wav file under `folder` by the emotion its name codes; a name that does not fit is skipped. */
export async function collectCodedWavFiles(
  folder: string,
  collector: CorpusCollector,
  language: string,
  code: FileNameCode,
): Promise<void> {
  for (const path of await listFiles(folder, ".wav")) {
    const name = basename(path);
    const coded = code.parse(name);
    if (coded === undefined) {
      collector.skip(path, "bad-annotation", `${name} is not an ${code.pattern} name`);
      continue;
    }
    collector.addByEmotion(
      {
        id: name.slice(0, -".wav".length),
        corpus: collector.corpus,
        speaker: coded.speaker,
        ...(coded.gender === undefined ? {} : { gender: coded.gender }),
        language,
        source: { kind: "audio", path },
      },
      coded.emotion,
      {
        emotion: coded.emotion,
        ...(coded.intensity === undefined ? {} : { intensity: coded.intensity }),
      },
    );
  }
}
