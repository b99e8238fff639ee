import { describe, expect, it } from "vitest";
import { RowCollector } from "../row-collector.js";
import { LevelJoin } from "./level-join.js";

function level(dimension: number, rows: readonly number[][]): RowCollector {
  const collector = new RowCollector(dimension);
  for (const row of rows) collector.append(Float32Array.from(row));
  return collector;
}

describe("LevelJoin", () => {
  it("joins the rows every level has, columns where the parts say, and keeps the rest", () => {
    const a = level(2, [
      [1, 10],
      [2, 20],
      [3, 30],
    ]);
    const b = level(1, [[-1], [-2]]);
    const joined: number[][] = [];
    const join = new LevelJoin(
      3,
      [
        { level: a, from: 1, count: 1, to: 0 },
        { level: b, from: 0, count: 1, to: 1 },
        { level: a, from: 0, count: 1, to: 2 },
      ],
      (row) => joined.push(Array.from(row)),
    );
    join.join();
    expect(joined).toEqual([
      [10, -1, 1],
      [20, -2, 2],
    ]);
    // Each level drops the joined rows once, though `a` gives two parts.
    expect([a.rows, b.rows]).toEqual([1, 0]);
    b.append(Float32Array.of(-3));
    join.join();
    expect(joined.at(-1)).toEqual([30, -3, 3]);
  });
});
