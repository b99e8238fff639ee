// The training loop: seeded epochs of (balanced or shuffled) batches with optional masking,
// validation UAR after every epoch, early stopping and best-epoch selection, per-epoch history.
import {
  createRandom,
  EmotionStreamError,
  QUADRANT_CLASSES,
  type Random,
} from "@emotion-stream/core";
import * as tf from "@tensorflow/tfjs";
import type { ModelInputShape, ModelPreset, TrainingRecipe } from "../models/model-preset.js";
import type { BackendName } from "../tfjs/backend.js";
import {
  type Augmenting,
  assembleBatch,
  type BatchBuffer,
  createBatchBuffer,
} from "./batch-assembly.js";
import { classBalancedOrder, inverseFrequencyWeights, shuffledOrder } from "./batch-order.js";
import { createBestWeights } from "./best-weights.js";
import { evaluateUtterances } from "./evaluation.js";
import { type GradientWorkers, startGradientWorkers } from "./gradient-workers.js";
import type { LabelledWindows } from "./labelled-windows.js";
import { type LanguageMixing, mixLanguages } from "./language-mixing.js";
import { readAhead } from "./read-ahead.js";
import { withSeededMathRandom } from "./seeded-math-random.js";
import { createTrainStep, type TrainStep } from "./train-step.js";

export interface EpochRecord {
  readonly epoch: number;
  readonly loss: number;
  readonly validationUar: number;
  readonly validationWa: number;
  readonly seconds: number;
  readonly windowsPerSecond: number;
}

export interface TrainingProgress {
  readonly epoch: number;
  readonly epochs: number;
  readonly batch: number;
  readonly batches: number;
  readonly loss: number;
}

export interface TrainingOptions {
  readonly preset: ModelPreset;
  /** Overrides of the preset's recipe (e.g. `--epochs`). */
  readonly recipe?: Partial<TrainingRecipe>;
  readonly seed: number;
  readonly train: LabelledWindows;
  readonly validation: LabelledWindows;
  /** Coefficients per delta group, for frequency masking; defaults to the whole frame. */
  readonly baseDimension?: number;
  /** How languages share the batches (multi-lingual training); default `mixed`. */
  readonly languageMixing?: LanguageMixing;
  /** Gradient worker threads besides this one (data parallelism); 0 or absent: this thread only. */
  readonly workers?: number;
  onBatch?(progress: TrainingProgress): void;
  onEpoch?(record: EpochRecord): void;
}

export interface TrainedModel {
  readonly model: tf.LayersModel;
  readonly recipe: TrainingRecipe;
  readonly history: readonly EpochRecord[];
  /** The epoch whose weights the model holds (1-based). */
  readonly selectedEpoch: number;
  readonly stoppedEarly: boolean;
}

export function trainModel(options: TrainingOptions): Promise<TrainedModel> {
  return withSeededMathRandom(options.seed, async () => runTraining(options));
}

async function runTraining(options: TrainingOptions): Promise<TrainedModel> {
  const recipe: TrainingRecipe = { ...options.preset.recipe, ...options.recipe };
  const { train, validation } = options;
  if (train.count === 0 || validation.count === 0) {
    throw new EmotionStreamError(
      "EMPTY_SPLIT",
      "training and validation need at least one window each",
      {
        received: `${train.count}/${validation.count}`,
      },
    );
  }
  const shape: ModelInputShape = {
    frames: train.frames,
    dimension: train.dimension,
    classes: QUADRANT_CLASSES.length,
  };
  const model = options.preset.build(shape);
  const optimizer = tf.train.adam(recipe.learningRate);
  const classWeights =
    recipe.classBalance === "loss-weights"
      ? inverseFrequencyWeights(train.labels, shape.classes)
      : undefined;
  const workers = await startWorkers(options, shape, classWeights);
  try {
    const step = createTrainStep(model, optimizer, {
      classes: shape.classes,
      weightDecay: recipe.weightDecay,
      ...(classWeights === undefined ? {} : { classWeights }),
      ...(workers === undefined ? {} : { workers }),
    });
    return await trainEpochs(options, recipe, model, step);
  } finally {
    optimizer.dispose();
    await workers?.terminate();
  }
}

async function startWorkers(
  options: TrainingOptions,
  shape: ModelInputShape,
  classWeights: Float32Array | undefined,
): Promise<GradientWorkers | undefined> {
  const count = options.workers ?? 0;
  if (count <= 0) return undefined;
  return startGradientWorkers(count, {
    kind: "setup",
    preset: options.preset.name,
    shape,
    backend: tf.getBackend() as BackendName,
    seed: options.seed + 1,
    ...(classWeights === undefined ? {} : { classWeights }),
  });
}

async function trainEpochs(
  options: TrainingOptions,
  recipe: TrainingRecipe,
  model: tf.LayersModel,
  step: TrainStep,
): Promise<TrainedModel> {
  const { train, validation } = options;
  const random = createRandom(options.seed);
  const augmenting = augmentation(recipe, train, options.baseDimension, random);
  const buffers = [0, 1].map(() => createBatchBuffer(train, recipe.batchSize));
  const best = createBestWeights();
  const history: EpochRecord[] = [];
  let stoppedEarly = false;
  for (let epoch = 1; epoch <= recipe.epochs; epoch++) {
    const started = performance.now();
    const drawn =
      recipe.classBalance === "sampling"
        ? classBalancedOrder(train.labels, train.count, random)
        : shuffledOrder(train.count, random);
    const order = mixLanguages(
      drawn,
      train.languageOf,
      train.languages,
      recipe.batchSize,
      options.languageMixing ?? { kind: "mixed" },
    );
    const loss = await runEpoch(
      step,
      train,
      order,
      recipe.batchSize,
      buffers,
      augmenting,
      (batch, batches, batchLoss) =>
        options.onBatch?.({ epoch, epochs: recipe.epochs, batch, batches, loss: batchLoss }),
    );
    const trainSeconds = (performance.now() - started) / 1000;
    const report = await evaluateUtterances(model, validation);
    const record: EpochRecord = {
      epoch,
      loss,
      validationUar: report.uar,
      validationWa: report.wa,
      seconds: (performance.now() - started) / 1000,
      windowsPerSecond: order.length / trainSeconds,
    };
    history.push(record);
    options.onEpoch?.(record);
    best.offer(model, epoch, report.uar);
    if (
      recipe.earlyStoppingPatience !== null &&
      epoch - best.epoch >= recipe.earlyStoppingPatience
    ) {
      stoppedEarly = epoch < recipe.epochs;
      break;
    }
  }
  const selectedEpoch = recipe.earlyStoppingPatience === null ? history.length : best.epoch;
  if (recipe.earlyStoppingPatience !== null) best.restore(model);
  best.dispose();
  return { model, recipe, history, selectedEpoch, stoppedEarly };
}

function augmentation(
  recipe: TrainingRecipe,
  train: LabelledWindows,
  baseDimension: number | undefined,
  random: Random,
): Augmenting | undefined {
  if (recipe.augmentation === null) return undefined;
  return {
    masking: recipe.augmentation,
    layout: {
      frames: train.frames,
      dimension: train.dimension,
      baseDimension: baseDimension ?? train.dimension,
    },
    random,
  };
}

/** Mean batch loss of one pass over `order`; throws TRAINING_DIVERGED on a non-finite loss. */
async function runEpoch(
  step: TrainStep,
  train: LabelledWindows,
  order: Uint32Array,
  batchSize: number,
  buffers: readonly BatchBuffer[],
  augmenting: Augmenting | undefined,
  onBatch: (batch: number, batches: number, loss: number) => void,
): Promise<number> {
  const batches = Math.ceil(order.length / batchSize);
  let total = 0;
  await readAhead(
    batches,
    (batch, slot) => {
      const start = batch * batchSize;
      const end = Math.min(order.length, start + batchSize);
      return assembleBatch(train, order, start, end, buffers[slot] as BatchBuffer, augmenting);
    },
    async (assembled, batch) => {
      const loss = await step.run(assembled);
      if (!Number.isFinite(loss)) {
        throw new EmotionStreamError("TRAINING_DIVERGED", "the training loss is not finite", {
          value: String(loss),
        });
      }
      total += loss;
      onBatch(batch + 1, batches, loss);
    },
  );
  return total / batches;
}
