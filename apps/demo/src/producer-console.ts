// What the demo prints about its producer: the first prediction with the time it took, and each
// kind of trouble once (a recurring server error or unreadable file would flood the terminal).
import { isEmotionStreamError, QUADRANT_CLASSES } from "@emotion-stream/core";
import type { DemoProducerOptions } from "./demo-producer.js";
import type { StepLog } from "./step-log.js";

type ProducerReports = Pick<DemoProducerOptions, "onPrediction" | "onError" | "onUnplayable">;

export function producerConsole(log: StepLog, streamStarted: number): ProducerReports {
  let first = true;
  const reported = new Set<string>();
  const once = (key: string, line: string) => {
    if (reported.has(key)) return;
    reported.add(key);
    process.stderr.write(`    producer: ${line}\n`);
  };
  return {
    onUnplayable(utterance, error) {
      once(utterance.path, `skipping ${utterance.path}: ${describeError(error)}`);
    },
    onError(error) {
      once(error.code, `${error.code}: ${error.message} (repeats not shown)`);
    },
    onPrediction(prediction) {
      if (!first) return;
      first = false;
      const probability = prediction.probabilities[QUADRANT_CLASSES.indexOf(prediction.top)] ?? 0;
      process.stdout.write(
        `    first prediction: ${prediction.top} (p ${probability.toFixed(2)}) ` +
          `${((performance.now() - streamStarted) / 1000).toFixed(1)} s after streaming began, ` +
          `${log.elapsedSeconds().toFixed(1)} s after the demo started\n`,
      );
    },
  };
}

export function describeError(error: unknown): string {
  if (isEmotionStreamError(error)) return error.describe();
  return error instanceof Error ? error.message : String(error);
}
