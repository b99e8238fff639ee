import { cutWindows, isEmotionStreamError } from "@emotion-stream/core";
import * as tf from "@tensorflow/tfjs";
import { beforeAll, describe, expect, it } from "vitest";
import { StatisticsPooling } from "../models/layers/statistics-pooling.js";
import { paperPreset } from "../models/presets/paper.js";
import { selectBackend } from "../tfjs/backend.js";
import {
  assertAdaptable,
  batchNormalisationLayers,
  withBatchNormalisationAdaptedTo,
} from "./batchnorm-adaptation.js";
import { type LabelledUtterance, labelledWindows } from "./labelled-windows.js";

const FRAMES = 6;
const DIMENSION = 3;

/** Pooling, batch norm, a dense layer and a second batch norm: two layers adapted in order. */
function network(): tf.LayersModel {
  return tf.sequential({
    layers: [
      new StatisticsPooling({ inputShape: [FRAMES, DIMENSION] }),
      tf.layers.batchNormalization({ name: "first_bn" }),
      tf.layers.dense({ units: 4, name: "hidden", kernelInitializer: "glorotUniform" }),
      tf.layers.batchNormalization({ name: "second_bn" }),
      tf.layers.dense({ units: 4, activation: "softmax", name: "output" }),
    ],
  });
}

/** Utterances whose values sit around `offset` with spread `scale`: another "corpus". */
function corpus(offset: number, scale: number, count: number): LabelledUtterance[] {
  let state = 7;
  const next = () => {
    state = (state * 16807) % 2147483647;
    return state / 2147483647 - 0.5;
  };
  return Array.from({ length: count }, (_, index) => ({
    label: index % 4,
    features: {
      frames: 8,
      dimension: DIMENSION,
      data: Float32Array.from({ length: 8 * DIMENSION }, () => offset + scale * next()),
    },
  }));
}

function windowsOf(utterances: LabelledUtterance[]) {
  return labelledWindows(
    utterances,
    cutWindows(
      { windowFrames: FRAMES, hopFrames: 1, rule: { kind: "fixed" } },
      utterances.map((utterance) => utterance.features.frames),
    ),
    FRAMES,
  );
}

async function allWindows(windows: ReturnType<typeof windowsOf>): Promise<tf.Tensor3D> {
  const values = new Float32Array(windows.count * FRAMES * DIMENSION);
  await windows.readWindows(
    Array.from({ length: windows.count }, (_, index) => index),
    values,
  );
  return tf.tensor3d(values, [windows.count, FRAMES, DIMENSION]);
}

/** Mean and population variance over the rows of `x` ([rows, channels]). */
function moments(x: tf.Tensor): { mean: number[]; variance: number[] } {
  const { mean, variance } = tf.moments(x, 0);
  return { mean: Array.from(mean.dataSync()), variance: Array.from(variance.dataSync()) };
}

function movingStatistics(layer: tf.layers.Layer): { mean: number[]; variance: number[] } {
  const [, , mean, variance] = layer.getWeights();
  return {
    mean: Array.from((mean as tf.Tensor).dataSync()),
    variance: Array.from((variance as tf.Tensor).dataSync()),
  };
}

function expectClose(actual: number[], expected: number[], digits: number): void {
  expect(actual).toHaveLength(expected.length);
  for (const [index, value] of actual.entries()) {
    expect(value).toBeCloseTo(expected[index] as number, digits);
  }
}

describe("withBatchNormalisationAdaptedTo", () => {
  beforeAll(async () => {
    await selectBackend("cpu");
  });

  it("takes each batch-norm layer's statistics from the target's windows, in order, and puts the trained ones back", async () => {
    const model = network();
    const target = windowsOf(corpus(5, 4, 12));
    const inputs = await allWindows(target);
    const [first, second] = batchNormalisationLayers(model) as [tf.layers.Layer, tf.layers.Layer];
    const trainedFirst = movingStatistics(first);
    const trainedSecond = movingStatistics(second);
    const trainedPrediction = Array.from((model.predict(inputs) as tf.Tensor).dataSync());

    const adapted = await withBatchNormalisationAdaptedTo(model, target, async (inside) => {
      const pooled = tf.model({ inputs: inside.inputs, outputs: first.input as tf.SymbolicTensor });
      const hidden = tf.model({
        inputs: inside.inputs,
        outputs: second.input as tf.SymbolicTensor,
      });
      return {
        first: movingStatistics(first),
        second: movingStatistics(second),
        // The second layer's input is computed with the first layer already adapted.
        expectedFirst: moments(pooled.predict(inputs) as tf.Tensor),
        expectedSecond: moments(hidden.predict(inputs) as tf.Tensor),
        prediction: Array.from((inside.predict(inputs) as tf.Tensor).dataSync()),
      };
    });

    expectClose(adapted.first.mean, adapted.expectedFirst.mean, 4);
    expectClose(adapted.first.variance, adapted.expectedFirst.variance, 3);
    expectClose(adapted.second.mean, adapted.expectedSecond.mean, 4);
    expectClose(adapted.second.variance, adapted.expectedSecond.variance, 3);
    expect(adapted.first.mean[0]).toBeCloseTo(5, 0);
    expect(adapted.prediction).not.toEqual(trainedPrediction);

    expect(movingStatistics(first)).toEqual(trainedFirst);
    expect(movingStatistics(second)).toEqual(trainedSecond);
    expect(Array.from((model.predict(inputs) as tf.Tensor).dataSync())).toEqual(trainedPrediction);
  });

  it("puts the trained statistics back when the work inside fails", async () => {
    const model = network();
    const [first] = batchNormalisationLayers(model) as [tf.layers.Layer];
    const trained = movingStatistics(first);
    await expect(
      withBatchNormalisationAdaptedTo(model, windowsOf(corpus(-3, 2, 4)), async () => {
        throw new Error("scoring failed");
      }),
    ).rejects.toThrow("scoring failed");
    expect(movingStatistics(first)).toEqual(trained);
  });

  it("refuses a preset without batch normalisation, naming it", () => {
    const model = paperPreset.build({ frames: 300, dimension: 13, classes: 4 });
    try {
      assertAdaptable(model, paperPreset.name);
      expect.unreachable();
    } catch (error) {
      expect(isEmotionStreamError(error) && error.code).toBe("BAD_CONFIG");
      expect(String(error)).toContain("preset paper has no batch normalisation");
    } finally {
      model.dispose();
    }
  });
});
