// Gradient kernels for the WASM backend as matrix products on its own XNNPACK kernels. The
// backend ships no Conv2DBackpropFilter and a scalar Conv2DBackpropInput; both become im2col/col2im
// plus one un-transposed matMul (XNNPACK's fast path takes no transpose flags, so we transpose
// explicitly with the backend's Transpose kernel first).

import { EmotionStreamError } from "@emotion-stream/core";
import {
  BatchMatMul,
  backend_util,
  Conv2DBackpropFilter,
  type Conv2DBackpropFilterAttrs,
  Conv2DBackpropInput,
  type Conv2DBackpropInputAttrs,
  getKernel,
  Identity,
  type KernelFunc,
  MaxPoolGrad,
  type MaxPoolGradAttrs,
  type NamedAttrMap,
  registerKernel,
  type TensorInfo,
  unregisterKernel,
} from "@tensorflow/tfjs";
import type { BackendWasm } from "@tensorflow/tfjs-backend-wasm";
import { convGeometry, patchCount, patchSize } from "./conv-geometry.js";
import { col2im, im2col } from "./im2col.js";
import { maxPoolGradient } from "./max-pool-gradient.js";

const BACKEND = "wasm";

function callKernel(
  name: string,
  backend: BackendWasm,
  inputs: Record<string, TensorInfo>,
  attrs: NamedAttrMap,
): TensorInfo {
  const kernel = getKernel(name, BACKEND);
  if (kernel === undefined) {
    throw new EmotionStreamError("INTERNAL_ERROR", `WASM backend lacks the ${name} kernel`);
  }
  return kernel.kernelFunc({ inputs, backend, attrs }) as TensorInfo;
}

function reshape(backend: BackendWasm, x: TensorInfo, shape: number[]): TensorInfo {
  return callKernel("Reshape", backend, { x }, { shape });
}

function transpose2D(backend: BackendWasm, x: TensorInfo): TensorInfo {
  return callKernel("Transpose", backend, { x }, { perm: [1, 0] });
}

/** a [m, k] x b [k, n] on XNNPACK's fully-connected path (rank-3 with batch 1, no transposes). */
function matMul(backend: BackendWasm, a: TensorInfo, b: TensorInfo): TensorInfo {
  const [m, k] = a.shape as [number, number];
  const n = b.shape[1] as number;
  const a3 = reshape(backend, a, [1, m, k]);
  const b3 = reshape(backend, b, [1, k, n]);
  const product = callKernel(
    "BatchMatMul",
    backend,
    { a: a3, b: b3 },
    { transposeA: false, transposeB: false },
  );
  dispose(backend, a3, b3);
  const result = reshape(backend, product, [m, n]);
  dispose(backend, product);
  return result;
}

function dispose(backend: BackendWasm, ...tensors: TensorInfo[]): void {
  for (const t of tensors) backend.disposeData(t.dataId);
}

function channelsLastInfo(
  xShape: number[],
  filterShape: number[],
  attrs: Conv2DBackpropFilterAttrs | Conv2DBackpropInputAttrs,
): backend_util.Conv2DInfo {
  if (attrs.dataFormat !== "NHWC") {
    throw new EmotionStreamError("BAD_ARGUMENT", "WASM conv gradients support NHWC only", {
      field: "dataFormat",
      value: attrs.dataFormat,
    });
  }
  return backend_util.computeConv2DInfo(
    xShape as [number, number, number, number],
    filterShape as [number, number, number, number],
    attrs.strides,
    1,
    attrs.pad,
    attrs.dimRoundingMode,
  );
}

/**
 * dW = cols^T · dy with cols = im2col(x): [fh*fw*in, out], reshaped to the filter. XNNPACK packs
 * the right-hand operand on every call, so the narrower dy goes there (packing the patch matrix
 * instead costs twice the whole product).
 */
function conv2DBackpropFilter(args: {
  inputs: { x: TensorInfo; dy: TensorInfo };
  backend: BackendWasm;
  attrs: Conv2DBackpropFilterAttrs;
}): TensorInfo {
  const { inputs, backend, attrs } = args;
  const g = convGeometry(channelsLastInfo(inputs.x.shape, attrs.filterShape, attrs));
  const rows = patchCount(g);
  const cols = backend.makeOutput([rows, patchSize(g)], "float32");
  im2col(
    backend.typedArrayFromHeap(inputs.x) as Float32Array,
    g,
    backend.typedArrayFromHeap(cols) as Float32Array,
  );
  const colsT = transpose2D(backend, cols);
  dispose(backend, cols);
  const dy2 = reshape(backend, inputs.dy, [rows, g.outChannels]);
  const dW = matMul(backend, colsT, dy2);
  const result = reshape(backend, dW, attrs.filterShape);
  dispose(backend, colsT, dy2, dW);
  return result;
}

/** dx = col2im(dy · W^T), W viewed as [fh*fw*in, out]. */
function conv2DBackpropInput(args: {
  inputs: { dy: TensorInfo; filter: TensorInfo };
  backend: BackendWasm;
  attrs: Conv2DBackpropInputAttrs;
}): TensorInfo {
  const { inputs, backend, attrs } = args;
  const g = convGeometry(channelsLastInfo(attrs.inputShape, inputs.filter.shape, attrs));
  const dy2 = reshape(backend, inputs.dy, [patchCount(g), g.outChannels]);
  const w2 = reshape(backend, inputs.filter, [patchSize(g), g.outChannels]);
  const wT = transpose2D(backend, w2);
  const dCols = matMul(backend, dy2, wT);
  const dx = backend.makeOutput(attrs.inputShape, "float32");
  col2im(
    backend.typedArrayFromHeap(dCols) as Float32Array,
    g,
    backend.typedArrayFromHeap(dx) as Float32Array,
  );
  dispose(backend, dy2, w2, wT, dCols);
  return dx;
}

/** The shipped kernel re-scans every window per input element and misses all-negative windows. */
function maxPoolGrad(args: {
  inputs: { dy: TensorInfo; input: TensorInfo; output: TensorInfo };
  backend: BackendWasm;
  attrs: MaxPoolGradAttrs;
}): TensorInfo {
  const { inputs, backend, attrs } = args;
  const info = backend_util.computePool2DInfo(
    inputs.input.shape as [number, number, number, number],
    attrs.filterSize,
    attrs.strides,
    1,
    attrs.pad,
    attrs.dimRoundingMode,
  );
  const dx = backend.makeOutput(inputs.input.shape, "float32");
  const heap = (t: TensorInfo) => backend.typedArrayFromHeap(t) as Float32Array;
  maxPoolGradient(heap(inputs.input), heap(inputs.output), heap(inputs.dy), info, heap(dx));
  return dx;
}

/**
 * The engine clones every tensor it keeps for the backward pass through Identity, and the shipped
 * kernel copies the data. Tensor data is immutable (variables get new data on assign), so sharing
 * it with a reference count, as Reshape already does, is exact and saves a copy per saved tensor.
 */
function identity(args: { inputs: { x: TensorInfo }; backend: BackendWasm }): TensorInfo {
  const { x } = args.inputs;
  args.backend.incRef(x.dataId);
  return { dataId: x.dataId, shape: [...x.shape], dtype: x.dtype };
}

/**
 * XNNPACK's fast path only takes un-transposed operands with batch 1; with a transpose flag the
 * shipped kernel falls back to a scalar loop (~10x slower). Backward passes of dense layers ask
 * for exactly those products (xᵀ·dy, dy·Wᵀ), so the operand is transposed first.
 */
function batchMatMulWith(shipped: KernelFunc): KernelFunc {
  return (args) => {
    const backend = args.backend as BackendWasm;
    const { a, b } = args.inputs as { a: TensorInfo; b: TensorInfo };
    const { transposeA, transposeB } = args.attrs as { transposeA: boolean; transposeB: boolean };
    const single = (t: TensorInfo) => t.shape.slice(0, -2).every((size) => size === 1);
    if ((!transposeA && !transposeB) || !single(a) || !single(b)) return shipped(args);
    const swapLast = (t: TensorInfo) => {
      const rank = t.shape.length;
      const perm = [...Array(rank - 2).keys(), rank - 1, rank - 2];
      return callKernel("Transpose", backend, { x: t }, { perm });
    };
    const aT = transposeA ? swapLast(a) : a;
    const bT = transposeB ? swapLast(b) : b;
    const product = shipped({
      ...args,
      inputs: { a: aT, b: bT },
      attrs: { ...args.attrs, transposeA: false, transposeB: false },
    });
    if (transposeA) dispose(backend, aT);
    if (transposeB) dispose(backend, bT);
    return product;
  };
}

const KERNELS: Record<string, KernelFunc> = {
  [Identity]: identity as unknown as KernelFunc,
  [MaxPoolGrad]: maxPoolGrad as unknown as KernelFunc,
  [Conv2DBackpropFilter]: conv2DBackpropFilter as unknown as KernelFunc,
  [Conv2DBackpropInput]: conv2DBackpropInput as unknown as KernelFunc,
};

let shippedBatchMatMul: KernelFunc | undefined;

/** Installs the kernels (replacing any shipped ones); safe to call more than once. */
export function registerWasmTrainingKernels(): void {
  shippedBatchMatMul ??= getKernel(BatchMatMul, BACKEND)?.kernelFunc;
  const kernels =
    shippedBatchMatMul === undefined
      ? KERNELS
      : { ...KERNELS, [BatchMatMul]: batchMatMulWith(shippedBatchMatMul) };
  for (const [kernelName, kernelFunc] of Object.entries(kernels)) {
    if (getKernel(kernelName, BACKEND) !== undefined) unregisterKernel(kernelName, BACKEND);
    registerKernel({ kernelName, backendName: BACKEND, kernelFunc });
  }
}
