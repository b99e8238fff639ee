import { describe, expect, it } from "vitest";
import { RowCollector } from "../row-collector.js";
import { JoinedLevelsExtractor } from "./joined-levels-extractor.js";

describe("JoinedLevelsExtractor", () => {
  it("gives each chunk's joined rows, and the rows the source releases at the end", () => {
    const even = new RowCollector(1);
    const odd = new RowCollector(1);
    let next = 0;
    const source = {
      push: (chunk: Float32Array) => {
        for (const value of chunk) (next++ % 2 === 0 ? even : odd).append(Float32Array.of(value));
      },
      end: () => odd.append(Float32Array.of(0)),
    };
    const extractor = new JoinedLevelsExtractor(source, 1, 2, [
      { level: even, from: 0, count: 1, to: 0 },
      { level: odd, from: 0, count: 1, to: 1 },
    ]);
    expect(Array.from(extractor.push(Float32Array.of(1, 2, 3)).data)).toEqual([1, 2]);
    expect(Array.from(extractor.end().data)).toEqual([3, 0]);
  });
});
