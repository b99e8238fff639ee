// A graph input or output of float tensors, as onnx-proto takes it: how tests declare the shapes
// of the small ONNX files they build (a string is a symbolic axis, e.g. "batch").
import onnxProto from "onnx-proto";

export function floatValueInfo(name: string, dims: readonly (number | string)[]) {
  return {
    name,
    type: {
      tensorType: {
        elemType: onnxProto.onnx.TensorProto.DataType.FLOAT,
        shape: {
          dim: dims.map((size) =>
            typeof size === "string" ? { dimParam: size } : { dimValue: size },
          ),
        },
      },
    },
  };
}
