// Accumulates the nodes and constant tensors of one ONNX graph, handing out unique value names.
import type { onnx } from "onnx-proto";
import onnxProto from "onnx-proto";
import type { OnnxAttribute } from "./onnx-attributes.js";

const { DataType } = onnxProto.onnx.TensorProto;

/** A graph input or output: name, element type float32, and dims (string = symbolic, e.g. "batch"). */
export interface OnnxValueInfo {
  readonly name: string;
  readonly dims: readonly (number | string)[];
}

export class OnnxGraphBuilder {
  private readonly nodes: onnx.INodeProto[] = [];
  private readonly initializers: onnx.ITensorProto[] = [];
  private readonly usedNames = new Set<string>();

  /** `base` if unused so far, else `base_1`, `base_2`, ... */
  uniqueName(base: string): string {
    let name = base;
    for (let suffix = 1; this.usedNames.has(name); suffix += 1) name = `${base}_${suffix}`;
    this.usedNames.add(name);
    return name;
  }

  /** A float32 constant, stored little-endian in raw_data as the ONNX spec requires. */
  addFloatConstant(base: string, values: Float32Array, dims: readonly number[]): string {
    const rawData = new Uint8Array(values.length * 4);
    const view = new DataView(rawData.buffer);
    values.forEach((value, index) => {
      view.setFloat32(index * 4, value, true);
    });
    return this.addInitializer(base, DataType.FLOAT, dims, rawData);
  }

  /** A float32 scalar constant (dims []): an epsilon, a bound, a floor. */
  addFloatScalar(base: string, value: number): string {
    return this.addFloatConstant(base, Float32Array.of(value), []);
  }

  /** An int64 constant (shapes, axes), stored little-endian in raw_data. */
  addInt64Constant(base: string, values: readonly number[]): string {
    const rawData = new Uint8Array(values.length * 8);
    const view = new DataView(rawData.buffer);
    values.forEach((value, index) => {
      view.setBigInt64(index * 8, BigInt(value), true);
    });
    return this.addInitializer(base, DataType.INT64, [values.length], rawData);
  }

  /** Appends one node with one output, named uniquely after `outputBase`, and returns that name. */
  addNode(
    opType: string,
    inputs: readonly string[],
    outputBase: string,
    attributes: Readonly<Record<string, OnnxAttribute>> = {},
  ): string {
    return this.addNodeWithOutput(opType, inputs, this.uniqueName(outputBase), attributes);
  }

  /** Appends one node whose output has a name already reserved with `uniqueName`. */
  addNodeWithOutput(
    opType: string,
    inputs: readonly string[],
    output: string,
    attributes: Readonly<Record<string, OnnxAttribute>> = {},
  ): string {
    this.nodes.push({
      opType,
      name: this.uniqueName(`${output}/${opType}`),
      input: [...inputs],
      output: [output],
      attribute: Object.entries(attributes).map(([name, attribute]) => ({ name, ...attribute })),
    });
    return output;
  }

  toGraph(
    name: string,
    inputs: readonly OnnxValueInfo[],
    outputs: readonly OnnxValueInfo[],
  ): onnx.IGraphProto {
    return {
      name,
      node: this.nodes,
      initializer: this.initializers,
      input: inputs.map(toValueInfoProto),
      output: outputs.map(toValueInfoProto),
    };
  }

  private addInitializer(
    base: string,
    dataType: number,
    dims: readonly number[],
    rawData: Uint8Array,
  ): string {
    const name = this.uniqueName(base);
    this.initializers.push({ name, dataType, dims: [...dims], rawData });
    return name;
  }
}

function toValueInfoProto({ name, dims }: OnnxValueInfo): onnx.IValueInfoProto {
  const dim = dims.map((size) =>
    typeof size === "string" ? { dimParam: size } : { dimValue: size },
  );
  return { name, type: { tensorType: { elemType: DataType.FLOAT, shape: { dim } } } };
}
