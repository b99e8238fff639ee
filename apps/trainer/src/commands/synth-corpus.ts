// `trainer synth-corpus --out <dir>`: writes the embedded default corpus (synthetic emotional speech
// in two language styles) as WAVs plus manifest.csv, ready for `--corpus manifest:<dir>`. The same
// options are not generated twice: a second run with them returns at once.
import { resolve } from "node:path";
import { parseWithSchema } from "@emotion-stream/core";
import { writeSyntheticCorpus } from "@emotion-stream/synthetic-speech/node";
import { SingleBar } from "cli-progress";
import type { Command } from "commander";
import { z } from "zod";

const synthFlagsSchema = z.object({
  out: z.string().min(1),
  seed: z.coerce.number().int(),
  speakers: z.coerce.number().int().min(2).max(200),
  utterances: z.coerce.number().int().min(1).max(200),
});

export function registerSynthCorpusCommand(program: Command): void {
  program
    .command("synth-corpus")
    .description(
      "generate the embedded default corpus (synthetic emotional speech, manifest layout)",
    )
    .requiredOption("--out <dir>", "directory to write the WAVs and manifest.csv to")
    .option("--seed <n>", "corpus seed (same seed, same corpus)", "1")
    .option("--speakers <n>", "speakers per language style", "8")
    .option("--utterances <n>", "utterances per speaker and emotion", "8")
    .action(async (flags: Record<string, unknown>) => {
      const parsed = parseWithSchema(synthFlagsSchema, flags, "BAD_ARGUMENT", {
        file: "command line",
      });
      const directory = resolve(parsed.out);
      const started = performance.now();
      const progress = createSynthesisProgress();
      const result = await writeSyntheticCorpus(
        directory,
        {
          seed: parsed.seed,
          speakersPerLanguage: parsed.speakers,
          utterancesPerClass: parsed.utterances,
        },
        progress.update,
      ).finally(progress.stop);
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      const verb = result.generated ? `generated in ${seconds} s` : "already there";
      process.stdout.write(
        `synthetic corpus ${verb}: ${result.utterances} utterances, ` +
          `${result.seconds.toFixed(0)} s of speech\n  ${result.manifestPath}\n` +
          `  train on it with --corpus manifest:${result.directory}\n`,
      );
    });
}

/** A bar on stderr, started on the first utterance so a reused corpus shows none. */
function createSynthesisProgress(stream: NodeJS.WriteStream = process.stderr) {
  let bar: SingleBar | undefined;
  return {
    update(done: number, total: number) {
      if (bar === undefined) {
        bar = new SingleBar({
          stream,
          format: "synthesising {bar} {value}/{total} utterances | ETA {eta_formatted}",
          hideCursor: true,
        });
        bar.start(total, 0);
      }
      bar.update(done);
    },
    stop() {
      bar?.stop();
      bar = undefined;
    },
  };
}
