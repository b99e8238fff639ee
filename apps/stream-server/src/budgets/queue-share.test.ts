import { describe, expect, it } from "vitest";
import { queueShareAdmits } from "./queue-share.js";

describe("inference queue share", () => {
  it("admits anyone while the queue is less than half full", () => {
    expect(queueShareAdmits({ depth: 99, capacity: 200, held: 99, queueing: 1 })).toBe(true);
  });

  it("past half full, refuses a connection holding its equal part and admits the others", () => {
    // 100 of 200 queued: the other half split among 4 connections (25 each).
    expect(queueShareAdmits({ depth: 100, capacity: 200, held: 25, queueing: 4 })).toBe(false);
    expect(queueShareAdmits({ depth: 100, capacity: 200, held: 3, queueing: 4 })).toBe(true);
    // A connection with nothing queued counts itself among those sharing.
    expect(queueShareAdmits({ depth: 150, capacity: 200, held: 0, queueing: 200 })).toBe(true);
    expect(queueShareAdmits({ depth: 150, capacity: 200, held: 1, queueing: 200 })).toBe(false);
  });
});
