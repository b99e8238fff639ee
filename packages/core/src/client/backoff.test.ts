import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseReconnectPolicy, reconnectDelay } from "./backoff.js";

describe("reconnect backoff", () => {
  it("doubles from the initial delay up to the cap without jitter", () => {
    const policy = parseReconnectPolicy({ initialDelayMs: 100, maxDelayMs: 1000, jitter: 0 });
    expect([0, 1, 2, 3, 4, 10].map((attempt) => reconnectDelay(attempt, policy))).toEqual([
      100, 200, 400, 800, 1000, 1000,
    ]);
  });

  it("keeps every jittered delay within [(1 - jitter) d, d]", () => {
    fc.assert(
      fc.property(
        fc.nat({ max: 40 }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        (attempt, r) => {
          const policy = parseReconnectPolicy({
            initialDelayMs: 50,
            maxDelayMs: 5000,
            jitter: 0.3,
          });
          const full = Math.min(5000, 50 * 2 ** attempt);
          const delay = reconnectDelay(attempt, policy, () => r);
          expect(delay).toBeGreaterThanOrEqual(0.7 * full - 1e-9);
          expect(delay).toBeLessThanOrEqual(full);
        },
      ),
    );
  });

  it("refuses an initial delay above the cap and a factor below 1", () => {
    for (const input of [{ initialDelayMs: 5, maxDelayMs: 1 }, { factor: 0.5 }]) {
      expect(() => parseReconnectPolicy(input)).toThrow(
        expect.objectContaining({ code: "BAD_CONFIG" }),
      );
    }
  });
});
