import { describe, expect, it } from "vitest";
import { intAttribute, intsAttribute } from "./onnx-attributes.js";
import { OnnxGraphBuilder } from "./onnx-graph-builder.js";
import { reduceOverTime } from "./time-reduction.js";

describe("a reduction over the time axis", () => {
  it("reduces axis 1, keeping it as size 1 only when asked", () => {
    const graph = new OnnxGraphBuilder();
    const kept = reduceOverTime(graph, "ReduceMin", "frames", "pool_min", 1);
    const dropped = reduceOverTime(graph, "ReduceMean", kept, "pool_mean", 0);
    expect(dropped).toBe("pool_mean");
    const nodes = graph.toGraph("g", [], []).node ?? [];
    const timeAxis = (keepdims: number) => [
      { name: "axes", ...intsAttribute([1]) },
      { name: "keepdims", ...intAttribute(keepdims) },
    ];
    expect(nodes.map((node) => [node.opType, node.input, node.attribute])).toEqual([
      ["ReduceMin", ["frames"], timeAxis(1)],
      ["ReduceMean", ["pool_min"], timeAxis(0)],
    ]);
  });
});
