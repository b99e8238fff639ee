import { applyFunctionals, type FunctionalsSpec } from "@emotion-stream/features";
import * as tf from "@tensorflow/tfjs";
import { describe, expect, it } from "vitest";
import { FUNCTIONALS, FunctionalsPooling } from "./functionals-pooling.js";

// The same functionals as openSMILE's components compute them (packages/features), in the layer's
// order.
const OPENSMILE_SPEC: FunctionalsSpec = {
  components: [
    { kind: "extremes", outputs: ["amean"], norm: "frame" },
    { kind: "moments", outputs: ["stddev"] },
    { kind: "extremes", outputs: ["max", "min", "range"], norm: "frame" },
    { kind: "regression", outputs: ["linregc1", "linregc2", "linregerrQ"] },
    { kind: "moments", outputs: ["skewness", "kurtosis"] },
  ],
};

describe("functionals pooling", () => {
  it("computes openSMILE's functionals of every channel over the window", () => {
    const frames = 50;
    const channels = 3;
    const values = Float32Array.from(
      { length: frames * channels },
      (_, i) => Math.sin(i * 0.37) * (1 + (i % channels)) + 0.02 * Math.floor(i / channels),
    );
    const layer = new FunctionalsPooling({ inputShape: [frames, channels] });
    const output = tf.tidy(() =>
      (layer.apply(tf.tensor3d(values, [1, frames, channels])) as tf.Tensor).dataSync(),
    );
    const expected = applyFunctionals(
      { frames, dimension: channels, data: values },
      OPENSMILE_SPEC,
      0.01,
    );
    const perChannel = FUNCTIONALS.length;
    for (let f = 0; f < perChannel; f++) {
      for (let c = 0; c < channels; c++) {
        const ours = output[f * channels + c] as number;
        const reference = expected[c * perChannel + f] as number;
        // float32 against float64 sums, and epsilon in the moment ratios (2e-5 / m2 relative).
        expect(Math.abs(ours - reference), `${FUNCTIONALS[f]} of channel ${c}`).toBeLessThan(
          1e-4 * Math.max(1, Math.abs(reference)),
        );
      }
    }
  });

  it("refuses a window whose number of frames is not fixed", () => {
    expect(() =>
      tf.sequential({
        layers: [new FunctionalsPooling({ inputShape: [null, 3] as unknown as number[] })],
      }),
    ).toThrow(expect.objectContaining({ code: "BAD_MODEL" }));
  });
});
