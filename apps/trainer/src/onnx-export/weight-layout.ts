// Rearranges weight tensors between Keras and ONNX layouts (e.g. a Conv2D kernel [kh, kw, in, out]
// to ONNX's [out, in, kh, kw]) on plain typed arrays, row-major like both formats store them.
import type { LayerWeight } from "./layer-converter.js";

/** The weight with its axes reordered: output axis i is input axis `permutation[i]`. */
export function transposeWeight(weight: LayerWeight, permutation: readonly number[]): LayerWeight {
  const { shape, values } = weight;
  const outputShape = permutation.map((axis) => shape[axis] ?? 0);
  const inputStrides = rowMajorStrides(shape);
  const permutedStrides = permutation.map((axis) => inputStrides[axis] ?? 0);
  const output = new Float32Array(values.length);
  const index = new Array<number>(outputShape.length).fill(0);
  for (let flat = 0; flat < output.length; flat += 1) {
    let source = 0;
    for (let axis = 0; axis < index.length; axis += 1)
      source += (index[axis] ?? 0) * (permutedStrides[axis] ?? 0);
    output[flat] = values[source] ?? 0;
    incrementIndex(index, outputShape);
  }
  return { values: output, shape: outputShape };
}

function rowMajorStrides(shape: readonly number[]): number[] {
  const strides = new Array<number>(shape.length).fill(1);
  for (let axis = shape.length - 2; axis >= 0; axis -= 1)
    strides[axis] = (strides[axis + 1] ?? 1) * (shape[axis + 1] ?? 1);
  return strides;
}

function incrementIndex(index: number[], shape: readonly number[]): void {
  for (let axis = index.length - 1; axis >= 0; axis -= 1) {
    const next = (index[axis] ?? 0) + 1;
    if (next < (shape[axis] ?? 0)) {
      index[axis] = next;
      return;
    }
    index[axis] = 0;
  }
}
