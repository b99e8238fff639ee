// ONNX node attributes are typed on the wire (INT vs FLOAT vs INTS ...); these constructors make the
// type explicit where a plain JS number could not say whether it is an int or a float.
import type { onnx } from "onnx-proto";
import onnxProto from "onnx-proto";

const { AttributeType } = onnxProto.onnx.AttributeProto;

export type OnnxAttribute = Omit<onnx.IAttributeProto, "name">;

export function intAttribute(value: number): OnnxAttribute {
  return { type: AttributeType.INT, i: value };
}

export function intsAttribute(values: readonly number[]): OnnxAttribute {
  return { type: AttributeType.INTS, ints: [...values] };
}

export function floatAttribute(value: number): OnnxAttribute {
  return { type: AttributeType.FLOAT, f: value };
}

export function stringAttribute(value: string): OnnxAttribute {
  return { type: AttributeType.STRING, s: new TextEncoder().encode(value) };
}
