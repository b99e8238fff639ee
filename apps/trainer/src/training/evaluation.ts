// Utterance-level scores of a model on a set of windows: window posteriors in batches, pooled per
// utterance (mean probability, the study's scoring unit), then the core classification report.
// Evaluation of a saved model (tfjs or ONNX) pools its posteriors through the same `utteranceReport`.
import {
  type AggregationMethod,
  aggregateWindowPosteriors,
  type ClassificationReport,
  classificationReportFromIndices,
  QUADRANT_CLASSES,
  type QuadrantClass,
} from "@emotion-stream/core";
import * as tf from "@tensorflow/tfjs";
import { type LabelledWindows, windowRange } from "./labelled-windows.js";
import { readAhead } from "./read-ahead.js";

const PREDICT_BATCH = 256;

/** Window posteriors, row-major windows x classes. */
export async function predictWindows(
  model: tf.LayersModel,
  windows: LabelledWindows,
): Promise<Float32Array> {
  const classes = QUADRANT_CLASSES.length;
  const posteriors = new Float32Array(windows.count * classes);
  await forEachPredictedBatch(model, windows, (output, start) =>
    posteriors.set(output, start * classes),
  );
  return posteriors;
}

/**
 * Runs `model` over every window in batches, the next batch read while one is predicted, and
 * hands `use` each batch's output (row-major) with the index of its first window.
 */
export async function forEachPredictedBatch(
  model: tf.LayersModel,
  windows: LabelledWindows,
  use: (output: Float32Array, start: number) => void,
): Promise<void> {
  const size = windows.frames * windows.dimension;
  const buffers = [0, 1].map(() => new Float32Array(PREDICT_BATCH * size));
  await readAhead(
    Math.ceil(windows.count / PREDICT_BATCH),
    async (batch, slot) => {
      const start = batch * PREDICT_BATCH;
      const end = Math.min(windows.count, start + PREDICT_BATCH);
      const buffer = buffers[slot] as Float32Array;
      await windows.readWindows(windowRange(start, end), buffer);
      return { start, values: buffer.subarray(0, (end - start) * size) };
    },
    ({ start, values }) => {
      const output = tf.tidy(() => {
        const x = tf.tensor3d(values, [values.length / size, windows.frames, windows.dimension]);
        return model.predict(x) as tf.Tensor;
      });
      use(output.dataSync() as Float32Array, start);
      output.dispose();
    },
  );
}

export async function evaluateUtterances(
  model: tf.LayersModel,
  windows: LabelledWindows,
): Promise<ClassificationReport<QuadrantClass>> {
  return utteranceReport(windows, await predictWindows(model, windows));
}

/** Per utterance with at least one window: its index, true and decided class (canonical indices). */
export interface UtteranceDecisions {
  readonly utterances: readonly number[];
  readonly truth: readonly number[];
  readonly predicted: readonly number[];
}

/**
 * One decision per utterance from window posteriors of any runtime (tfjs, onnxruntime), whose
 * columns are `outputClasses` (a model card's `classes`), pooled by `aggregation`.
 */
export function utteranceDecisions(
  windows: LabelledWindows,
  posteriors: Float32Array,
  outputClasses: readonly QuadrantClass[] = QUADRANT_CLASSES,
  aggregation: AggregationMethod = "mean-probability",
): UtteranceDecisions {
  const classes = outputClasses.length;
  const perUtterance: Float32Array[][] = windows.utterances.map(() => []);
  for (let i = 0; i < windows.count; i++) {
    perUtterance[windows.utteranceOf[i] as number]?.push(
      posteriors.subarray(i * classes, (i + 1) * classes),
    );
  }
  const utterances: number[] = [];
  const truth: number[] = [];
  const predicted: number[] = [];
  perUtterance.forEach((rows, index) => {
    if (rows.length === 0) return;
    utterances.push(index);
    truth.push(windows.utterances[index]?.label ?? 0);
    const column = aggregateWindowPosteriors(rows, aggregation).classIndex;
    predicted.push(QUADRANT_CLASSES.indexOf(outputClasses[column] as QuadrantClass));
  });
  return { utterances, truth, predicted };
}

/** The classification report of `utteranceDecisions`, classes in the canonical order. */
export function utteranceReport(
  windows: LabelledWindows,
  posteriors: Float32Array,
  outputClasses: readonly QuadrantClass[] = QUADRANT_CLASSES,
  aggregation: AggregationMethod = "mean-probability",
): ClassificationReport<QuadrantClass> {
  const { truth, predicted } = utteranceDecisions(windows, posteriors, outputClasses, aggregation);
  return classificationReportFromIndices(truth, predicted, QUADRANT_CLASSES);
}
