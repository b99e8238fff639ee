// `trainer export <run-dir> [--out model.onnx] [--verify]`: converts the run's tfjs model to ONNX
// with its model card in metadata_props, and with --verify runs windows through tfjs and
// onnxruntime-node and fails unless every probability agrees to 1e-5 and every argmax agrees.
import { resolve } from "node:path";
import { RUN_FILES } from "@emotion-stream/artifacts";
import {
  EmotionStreamError,
  isEmotionStreamError,
  modelInputDimension,
  parseWithSchema,
} from "@emotion-stream/core";
import type { Command } from "commander";
import { z } from "zod";
import { cardConsistentRandomWindows } from "../onnx-export/card-consistent-windows.js";
import {
  exportRunToOnnx,
  type LoadedRun,
  loadRun,
  writeOnnxFile,
} from "../onnx-export/export-run.js";
import { ONNX_OPSET_VERSION } from "../onnx-export/layers-model-to-onnx.js";
import {
  runValidationWindows,
  type ValidationWindows,
} from "../onnx-export/run-validation-windows.js";
import { verifyExport } from "../onnx-export/verify-export.js";
import { BACKEND_NAMES, selectBackend } from "../tfjs/backend.js";

const flagsSchema = z.object({
  out: z.string().optional(),
  verify: z.boolean().optional(),
  windows: z.coerce.number().int().positive(),
  seed: z.coerce.number().int(),
  cache: z.string().min(1),
  backend: z.enum(["auto", ...BACKEND_NAMES]),
});

type ExportFlags = z.infer<typeof flagsSchema>;

export function registerExportCommand(program: Command): void {
  program
    .command("export")
    .description("convert a run's tfjs model to ONNX (opset 17, card in metadata_props)")
    .argument(
      "<run-dir>",
      `training run directory (holds ${RUN_FILES.model}/ and ${RUN_FILES.modelCard})`,
    )
    .option("--out <file>", `ONNX file to write (default <run-dir>/${RUN_FILES.onnx})`)
    .option("--verify", "check the export against tfjs: max |dp| <= 1e-5 and every argmax equal")
    .option("--windows <n>", "windows to verify on", "256")
    .option(
      "--cache <dir>",
      "feature cache the run's validation windows are rebuilt from",
      ".cache/features",
    )
    .option("--seed <n>", "seed of the random windows used when the run's data is unavailable", "1")
    .option("--backend <name>", `tfjs backend: auto, ${BACKEND_NAMES.join(", ")}`, "auto")
    .action(async (runDirectory: string, rawFlags: Record<string, unknown>) => {
      const flags = parseWithSchema(flagsSchema, rawFlags, "BAD_ARGUMENT", {
        file: "command line",
      });
      await runExport(resolve(runDirectory), flags);
    });
}

async function runExport(runDirectory: string, flags: ExportFlags): Promise<void> {
  const backend = await selectBackend(flags.backend);
  const run = await loadRun(runDirectory);
  const bytes = await exportRunToOnnx(run, run.card.tools.emotionStream);
  const outPath = resolve(flags.out ?? `${runDirectory}/${RUN_FILES.onnx}`);
  await writeOnnxFile(outPath, bytes);
  process.stdout.write(
    `wrote ${outPath} (${(bytes.length / 1024).toFixed(1)} KiB, opset ${ONNX_OPSET_VERSION}, ` +
      `input features [batch, ${run.card.window.windowFrames}, ${modelInputDimension(run.card.featureSet.dimension, run.card.languageInput)}], ` +
      `output probabilities [batch, ${run.card.classes.length}], card in metadata_props, sealed with its SHA-256)\n`,
  );
  if (flags.verify === true) await verify(run, bytes, flags, backend);
}

async function verify(
  run: LoadedRun,
  bytes: Uint8Array,
  flags: ExportFlags,
  backend: string,
): Promise<void> {
  const { windows, description } = await verificationWindows(run, flags);
  process.stdout.write(`verifying on ${description}\n`);
  const agreement = await verifyExport(run.model, bytes, windows);
  process.stdout.write(
    `tfjs (${backend}) vs onnxruntime-node: max |dp| = ${agreement.maxAbsDifference.toExponential(2)} ` +
      `(tolerance ${Number(agreement.tolerance.toPrecision(2)).toExponential()}), argmax agreement ` +
      `${agreement.argmaxAgreements}/${agreement.windows}\n`,
  );
  if (!agreement.passed) {
    throw new EmotionStreamError(
      "EXPORT_MISMATCH",
      "the ONNX export does not reproduce the tfjs model",
      {
        expected: `max |dp| <= ${agreement.tolerance} and ${agreement.windows} argmax agreements`,
        received: `${agreement.maxAbsDifference} and ${agreement.argmaxAgreements}`,
      },
    );
  }
}

/** The run's own validation windows when its corpora and cache are at hand, else random ones. */
async function verificationWindows(run: LoadedRun, flags: ExportFlags): Promise<ValidationWindows> {
  try {
    const real = await runValidationWindows(run.runDirectory, {
      cacheDir: resolve(flags.cache),
      count: flags.windows,
    });
    if (real.windows.count > 0) return real;
    return randomWindows(run, flags, "the run's validation partition has no windows");
  } catch (error) {
    if (isEmotionStreamError(error)) return randomWindows(run, flags, error.describe());
    // A corpus or cache file the run names that is gone (a missing config.json is a BAD_FILE).
    if (isMissingFile(error)) return randomWindows(run, flags, error.message);
    throw error;
  }
}

function randomWindows(run: LoadedRun, flags: ExportFlags, reason: string): ValidationWindows {
  const { windows, description } = cardConsistentRandomWindows(run.card, flags.windows, flags.seed);
  return {
    windows,
    description:
      `${windows.count} RANDOM windows, NOT real data (the run's validation data is unavailable: ` +
      `${reason}); seed ${flags.seed}: ${description}`,
  };
}

function isMissingFile(error: unknown): error is NodeJS.ErrnoException {
  return error instanceof Error && "code" in error && error.code === "ENOENT";
}
