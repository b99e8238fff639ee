// `pnpm bench train --memory`: peak resident memory of training on feature-cache corpora of
// growing size (1x, 4x, 16x ...), each trained and scored in a fresh process: streamed through the
// bounded read cache, and for contrast with an unbounded one (every utterance resident, which is
// what preparing the data did before streaming). Streamed, the peak stays flat as the corpus grows.
import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { EmotionStreamError } from "@emotion-stream/core";
import type { BackendChoice } from "../src/tfjs/backend.js";
import type { MemoryResult, MemoryRun } from "./train-memory-run.js";

export interface MemoryBenchOptions {
  readonly sizes: readonly number[];
  /** Utterances of the 1x corpus. */
  readonly utterances: number;
  readonly epochs: number;
  readonly readCacheBytes: number;
  readonly workers: number;
  readonly backend: BackendChoice;
  /** Also run each size with an unbounded read cache. */
  readonly compareResident: boolean;
}

const MIB = 1024 * 1024;

async function runOnce(run: MemoryRun): Promise<MemoryResult> {
  const entry = fileURLToPath(new URL("./train-memory-run.js", import.meta.url));
  try {
    const { stdout } = await promisify(execFile)(process.execPath, [entry, JSON.stringify(run)], {
      maxBuffer: MIB,
    });
    return JSON.parse(stdout.trim().split("\n").at(-1) ?? "{}") as MemoryResult;
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr?.trim().split("\n").at(-1);
    throw new EmotionStreamError(
      "INTERNAL_ERROR",
      `memory run of ${run.corpus.utterances} utterances failed: ${stderr ?? String(error)}`,
    );
  }
}

export async function runMemoryBench(options: MemoryBenchOptions): Promise<void> {
  const budgetMib = options.readCacheBytes / MIB;
  console.log(
    `paper CNN, 13 dims, 200-400 frames per utterance, ${options.epochs} epoch(s), ` +
      `${options.workers + 1} thread(s); 1x = ${options.utterances} utterances; one process per line`,
  );
  const modes = options.compareResident ? [options.readCacheBytes, null] : [options.readCacheBytes];
  for (const readCacheBytes of modes) {
    const mode =
      readCacheBytes === null ? "unbounded read cache" : `read cache ${budgetMib.toFixed(0)} MiB`;
    for (const size of options.sizes) {
      const result = await runOnce({
        corpus: {
          utterances: options.utterances * size,
          dimension: 13,
          minFrames: 200,
          maxFrames: 400,
          utterancesPerSpeaker: 50,
          seed: 1,
        },
        epochs: options.epochs,
        workers: options.workers,
        backend: options.backend,
        readCacheBytes,
      });
      console.log(
        `${`${size}x`.padStart(4)} ${String(result.utterances).padStart(6)} utterances ` +
          `(${(result.featureBytes / MIB).toFixed(0).padStart(4)} MiB of features), ${mode}: ` +
          `peak RSS ${(result.peakRssBytes / MIB).toFixed(0)} MiB; ` +
          `${result.trainWindows} training windows at ${result.windowsPerSecond.toFixed(0)} windows/s, ` +
          `test UAR ${result.testUar.toFixed(3)}, ${result.seconds.toFixed(0)} s`,
      );
    }
  }
}
