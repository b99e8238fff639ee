import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createRandom } from "./seeded-random.js";

// Expected values were drawn from the trainer's and the synthetic corpus's former generators, so a
// seed gives the splits, crops, initial weights and corpora it gave before they shared this one.
describe("createRandom", () => {
  it("draws mulberry32's sequence, the seed taken modulo 2^32", () => {
    const expected = [
      0.6270739405881613, 0.002735721180215478, 0.5274470399599522, 0.9810509674716741,
    ];
    for (const seed of [1, 2 ** 32 + 1]) {
      const random = createRandom(seed);
      expect(Array.from({ length: 4 }, () => random.next())).toEqual(expected);
    }
    expect(createRandom(-1).next()).toBe(0.8964226141106337);
  });

  it("keeps the former integers, shuffles, Gaussians, picks, forks and string seeds", () => {
    const integers = createRandom(3);
    expect(Array.from({ length: 8 }, () => integers.integer(0, 9))).toEqual([
      7, 0, 4, 0, 7, 4, 4, 1,
    ]);
    expect(createRandom(7).shuffled([0, 1, 2, 3, 4, 5, 6, 7, 8, 9])).toEqual([
      6, 5, 8, 1, 2, 3, 4, 7, 9, 0,
    ]);
    const random = createRandom(42);
    expect([random.normal(0, 1), random.normal(0, 1), random.normal(0, 1)]).toEqual([
      -1.2848381576290195, 0.43278026787558976, -0.9453528099747296,
    ]);
    expect(random.uniform(-1, 1)).toBe(-0.6503722025081515);
    expect(random.integer(1, 6)).toBe(4);
    expect(random.pick(["a", "b", "c"])).toBe("a");
    expect(createRandom(42).fork("voice:s1").next()).toBe(0.18646856024861336);
    expect(createRandom("corpus").next()).toBe(0.7778185477945954);
  });

  it("forks by seed and label, whatever has been drawn before", () => {
    const drawn = createRandom(5);
    drawn.next();
    drawn.normal(0, 1);
    expect(drawn.fork("a").next()).toBe(createRandom(5).fork("a").next());
    expect(createRandom(5).fork("a").next()).not.toBe(createRandom(5).fork("b").next());
  });

  it("stays in range and shuffles to a permutation", () => {
    fc.assert(
      fc.property(
        fc.integer(),
        fc.integer({ min: -50, max: 50 }),
        fc.integer({ min: 0, max: 50 }),
        (seed, low, span) => {
          const random = createRandom(seed);
          const uniform = random.next();
          expect(uniform).toBeGreaterThanOrEqual(0);
          expect(uniform).toBeLessThan(1);
          const integer = random.integer(low, low + span);
          expect(integer).toBeGreaterThanOrEqual(low);
          expect(integer).toBeLessThanOrEqual(low + span);
          const items = Array.from({ length: span }, (_, i) => i);
          expect(random.shuffled(items).sort((a, b) => a - b)).toEqual(items);
        },
      ),
    );
  });

  it("refuses to pick from an empty list", () => {
    expect(() => createRandom(1).pick([])).toThrow(RangeError);
  });
});
