// The `features` command line, runnable in-process: `features extract <in.wav...> --set <name>
// [--level lld|functionals] [--format csv|arff] [-o out]` writes openSMILE-style feature files. One bad input is reported on
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
import { availableFunctionalSets, getFunctionalSet } from "../functionals/functional-sets.js";
import { availableFeatureSets } from "../sets/registry.js";
import {
  concatFrameLevelFeatures,
  extractFile,
  extractFunctionalsFile,
  instanceNameOf,
} from "./extract-file.js";
import { type FeatureFileFormat, formatFeatureFile } from "./feature-files.js";

export interface CliOutput {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
}

const extractOptionsSchema = z.object({
  set: z.string().min(1),
  level: z.enum(["lld", "functionals"]).optional(),
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
    .requiredOption(
      "--set <name>",
      `feature set: ${[...availableFeatureSets(), ...availableFunctionalSets()].join(", ")}`,
    )
    .option(
      "--level <level>",
      `lld (frame-level) or functionals (one row per file; sets with functionals: ${availableFunctionalSets().join(", ")}); default: functionals for those, lld otherwise`,
    )
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
  const extract = extractorFor(options);
  const format = formatOf(options);
  const results = await extractAll(inputs, extract, report);
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

type FileExtractor = (path: string) => Promise<FrameLevelFeatures>;

/**
 * What `--set` and `--level` ask for: a functional set's functionals (or, with `--level lld`, its
 * LLDs), or a frame-level set's frames; BAD_ARGUMENT for functionals of a set that has none.
 */
function extractorFor(options: ExtractOptions): FileExtractor {
  const functionalSet = getFunctionalSet(options.set);
  if (functionalSet !== undefined) {
    return options.level === "lld"
      ? (path) => extractFile(path, functionalSet.lld)
      : (path) => extractFunctionalsFile(path, functionalSet);
  }
  const set = frameLevelSet(options.set);
  if (options.level === "functionals") {
    throw new EmotionStreamError("BAD_ARGUMENT", `set ${set.name} has no functionals`, {
      field: "--level",
      allowed: availableFunctionalSets(),
    });
  }
  return (path) => extractFile(path, set);
}

/** The frame-level set called `name`; UNKNOWN_FEATURE_SET listing every set, functional ones too. */
function frameLevelSet(name: string): FeatureSet {
  try {
    return resolveFeatureSet(name);
  } catch (error) {
    if (!isEmotionStreamError(error, "UNKNOWN_FEATURE_SET")) throw error;
    throw new EmotionStreamError("UNKNOWN_FEATURE_SET", error.message, {
      ...error.details,
      allowed: [...availableFeatureSets(), ...availableFunctionalSets()],
    });
  }
}

/** Extracts every input (relative paths from the user's directory); failures are reported. */
async function extractAll(
  inputs: readonly string[],
  extract: FileExtractor,
  report: (error: unknown) => void,
): Promise<{ input: string; features: FrameLevelFeatures }[]> {
  const results: { input: string; features: FrameLevelFeatures }[] = [];
  for (const input of inputs) {
    try {
      results.push({ input, features: await extract(resolve(input)) });
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
