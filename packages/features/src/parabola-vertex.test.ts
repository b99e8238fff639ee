import { describe, expect, it } from "vitest";
import { type ParabolaVertex, parabolaVertex } from "./parabola-vertex.js";

describe("parabolaVertex", () => {
  it("finds the vertex of the parabola through three points", () => {
    const vertex: ParabolaVertex = { x: 0, y: 0 };
    const y = (x: number) => 5 - (x - 2) ** 2;
    parabolaVertex(1, y(1), 2.5, y(2.5), 4, y(4), vertex);
    expect(vertex.x).toBeCloseTo(2, 12);
    expect(vertex.y).toBeCloseTo(5, 12);
  });

  it("falls back to the highest point when the points lie on a line", () => {
    const vertex: ParabolaVertex = { x: 0, y: 0 };
    parabolaVertex(1, 1, 2, 2, 3, 3, vertex);
    expect(vertex).toEqual({ x: 3, y: 3 });
    parabolaVertex(1, 7, 2, 7, 3, 7, vertex);
    expect(vertex).toEqual({ x: 1, y: 7 });
  });
});
