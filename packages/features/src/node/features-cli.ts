// The `features` command line, runnable in-process: `features extract <in.wav...> --set <name>
// [--level lld|functionals] [--format csv|arff] [-o out]` writes openSMILE-style feature files. One bad input is reported on
// one line and the others are still written; the exit code is 1 if anything failed; stacks are
// printed only with --verbose.
import { once } from "node:events";
import { createWriteStream } from "node:fs";
import { mkdir, rm, stat } from "node:fs/promises";
import { join, resolve } from "node:path";
import { EmotionStreamError, isEmotionStreamError, parseWithSchema } from "@emotion-stream/core";
import { Command, CommanderError } from "commander";
import { z } from "zod";
import { resolveFeatureSet } from "../extract-features.js";
import type { FeatureSet } from "../feature-set.js";
import { availableFeatureSets, getFeatureSet } from "../sets/registry.js";
import { type FrameRowsSink, instanceNameOf, streamFileFeatures } from "./extract-file.js";
import { FeatureFileWriter } from "./feature-file-writer.js";
import type { FeatureFileFormat } from "./feature-files.js";

export interface CliOutput {
  /** May return a promise (a stream's backpressure): the next write waits for it. */
  readonly stdout: (text: string) => void | Promise<void>;
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
    .requiredOption("--set <name>", `feature set: ${availableFeatureSets().join(", ")}`)
    .option(
      "--level <level>",
      `lld (frame-level) or functionals (one row per file; sets with functionals: ${functionalsSetNames().join(", ")}); default: the set's own level`,
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
  const output = options.output === undefined ? undefined : resolve(options.output);
  const directory =
    output !== undefined && (inputs.length > 1 || (await isDirectory(output))) ? output : undefined;
  if (directory !== undefined) await mkdir(directory, { recursive: true });
  // On stdout several files make one table, as openSMILE appends instances: one header.
  const stdout = output === undefined ? new FeatureFileWriter(format, io.stdout) : undefined;
  let failures = 0;
  for (const input of inputs) {
    try {
      const path = resolve(input);
      if (stdout !== undefined) await extract(path, (rows) => stdout.rows(rows));
      else {
        const file =
          directory === undefined
            ? (output as string)
            : join(directory, `${instanceNameOf(input)}.${format}`);
        await extractToFile(path, extract, file, format);
      }
    } catch (error) {
      failures++;
      report(error);
    }
  }
  await stdout?.finish();
  return failures === 0 ? 0 : 1;
}

/** Writes one input's features to `path`; a failure leaves no partial file behind. */
async function extractToFile(
  input: string,
  extract: FileExtractor,
  path: string,
  format: FeatureFileFormat,
): Promise<void> {
  // A stream, so the disk writes one chunk while the next is computed; backpressure bounds it.
  const file = createWriteStream(path);
  const written = new Promise<void>((resolve, reject) => {
    file.once("finish", resolve);
    file.once("error", reject);
  });
  try {
    const writer = new FeatureFileWriter(format, async (text) => {
      if (!file.write(text)) await once(file, "drain");
    });
    await extract(input, (rows) => writer.rows(rows));
    await writer.finish();
    file.end();
    await written;
  } catch (error) {
    file.destroy();
    await rm(path, { force: true });
    throw error;
  }
}

/** Extracts one file, handing its rows to `sink` (frame-level sets a block at a time). */
type FileExtractor = (path: string, sink: FrameRowsSink) => Promise<void>;

/**
 * What `--set` and `--level` ask for: a set at its own level, or a functionals set's LLDs
 * (`--level lld`); BAD_ARGUMENT for functionals of a frame-level set.
 */
function extractorFor(options: ExtractOptions): FileExtractor {
  const named = namedSet(options.set);
  if (options.level === "functionals" && named.spec.level !== "functionals") {
    throw new EmotionStreamError("BAD_ARGUMENT", `set ${named.name} has no functionals`, {
      field: "--level",
      allowed: functionalsSetNames(),
    });
  }
  const set =
    options.level === "lld" && named.lldSet !== undefined ? getFeatureSet(named.lldSet) : named;
  return (path, sink) => streamFileFeatures(path, set, sink);
}

/** Sets whose rows are utterance functionals. */
function functionalsSetNames(): string[] {
  return availableFeatureSets().filter((name) => getFeatureSet(name).spec.level === "functionals");
}

/** The set called `name`; UNKNOWN_FEATURE_SET listing every set. */
function namedSet(name: string): FeatureSet {
  try {
    return resolveFeatureSet(name);
  } catch (error) {
    if (!isEmotionStreamError(error, "UNKNOWN_FEATURE_SET")) throw error;
    throw new EmotionStreamError("UNKNOWN_FEATURE_SET", error.message, {
      ...error.details,
      allowed: availableFeatureSets(),
    });
  }
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
