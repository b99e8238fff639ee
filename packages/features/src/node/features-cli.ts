// The `features` command line, runnable in-process: `features extract <in.wav...> --set <name>
// [--format csv|arff] [-o out]` writes openSMILE-style feature files. One bad input is reported on
// one line and the others are still written; the exit code is 1 if anything failed; stacks are
// printed only with --verbose.
import { mkdir, stat, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { EmotionStreamError, isEmotionStreamError, parseWithSchema } from "@emotion-stream/core";
import { Command, CommanderError } from "commander";
import { z } from "zod";
import { resolveFeatureSet } from "../extract-features.js";
import type { FeatureSet } from "../feature-set.js";
import type { FrameLevelFeatures } from "../formats/frame-level-features.js";
import { availableFeatureSets } from "../sets/registry.js";
import { concatFrameLevelFeatures, extractFile, instanceNameOf } from "./extract-file.js";
import { type FeatureFileFormat, formatFeatureFile } from "./feature-files.js";

export interface CliOutput {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
}

const extractOptionsSchema = z.object({
  set: z.string().min(1),
  format: z.enum(["csv", "arff"]).optional(),
  output: z.string().min(1).optional(),
  verbose: z.boolean().default(false),
});

type ExtractOptions = z.infer<typeof extractOptionsSchema>;

/** Runs the CLI on `args` (without node and script); resolves to the exit code. */
export async function runFeaturesCli(args: readonly string[], io: CliOutput): Promise<number> {
  const verbose = args.includes("--verbose");
  const report = (error: unknown) => io.stderr(`${describeError(error, verbose)}\n`);
  let exitCode = 0;
  const program = new Command("features")
    .description("openSMILE-identical frame-level features from WAV files")
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: () => {} });
  program
    .command("extract")
    .description("extract features as openSMILE CSV (`;`, name;frameTime;...) or ARFF")
    .argument("<in.wav...>", "WAV files (PCM 8/16/24/32-bit or float32, any rate; mixed to mono)")
    .requiredOption("--set <name>", `feature set: ${availableFeatureSets().join(", ")}`)
    .option("--format <format>", "csv or arff (default: from -o's extension, else csv)")
    .option("-o, --output <path>", "file (one input) or directory (several inputs); default stdout")
    .option("--verbose", "print stack traces with errors")
    .action(async (inputs: string[], options: Record<string, unknown>) => {
      exitCode = await runExtract(inputs, options, io, report);
    });
  try {
    await program.parseAsync([...args], { from: "user" });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.exitCode === 0) return 0;
      report(new EmotionStreamError("BAD_ARGUMENT", error.message.replace(/^error: /, "")));
    } else {
      report(error);
    }
    return 1;
  }
}

function describeError(error: unknown, verbose: boolean): string {
  if (verbose && error instanceof Error && error.stack !== undefined) return error.stack;
  if (isEmotionStreamError(error)) return `error: ${error.describe()}`;
  return `error: ${error instanceof Error ? error.message : String(error)}`;
}

async function runExtract(
  inputs: readonly string[],
  rawOptions: unknown,
  io: CliOutput,
  report: (error: unknown) => void,
): Promise<number> {
  const options = parseWithSchema(extractOptionsSchema, rawOptions, "BAD_ARGUMENT");
  const set = resolveFeatureSet(options.set);
  const format = formatOf(options);
  const results = await extractAll(inputs, set, report);
  const output = options.output === undefined ? undefined : resolve(options.output);
  if (output === undefined) {
    if (results.length > 0) {
      const table = concatFrameLevelFeatures(results.map((result) => result.features));
      io.stdout(formatFeatureFile(table, format));
    }
  } else if (inputs.length > 1 || (await isDirectory(output))) {
    await mkdir(output, { recursive: true });
    for (const { input, features } of results) {
      const path = join(output, `${instanceNameOf(input)}.${format}`);
      await writeFile(path, formatFeatureFile(features, format));
    }
  } else if (results[0] !== undefined) {
    await writeFile(output, formatFeatureFile(results[0].features, format));
  }
  return results.length === inputs.length ? 0 : 1;
}

/** Extracts every input (relative paths from the user's directory); failures are reported. */
async function extractAll(
  inputs: readonly string[],
  set: FeatureSet,
  report: (error: unknown) => void,
): Promise<{ input: string; features: FrameLevelFeatures }[]> {
  const results: { input: string; features: FrameLevelFeatures }[] = [];
  for (const input of inputs) {
    try {
      results.push({ input, features: await extractFile(resolve(input), set) });
    } catch (error) {
      report(error);
    }
  }
  return results;
}

function formatOf(options: ExtractOptions): FeatureFileFormat {
  if (options.format !== undefined) return options.format;
  return options.output?.toLowerCase().endsWith(".arff") ? "arff" : "csv";
}

async function isDirectory(path: string): Promise<boolean> {
  return stat(path).then(
    (stats) => stats.isDirectory(),
    () => false,
  );
}
