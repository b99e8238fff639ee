// The main entry runs in the browser (the dashboard's microphone path): nothing it reaches may
// import a Node built-in or touch `process`.
import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const IMPORT = /(?:import|export)\s[^;]*?from\s+"([^"]+)"/g;

/** Every source file reachable from `entry` through relative imports. */
function reachableSources(entry: string): Map<string, string> {
  const sources = new Map<string, string>();
  const pending = [entry];
  for (let path = pending.pop(); path !== undefined; path = pending.pop()) {
    if (sources.has(path)) continue;
    const text = readFileSync(path, "utf8");
    sources.set(path, text);
    for (const [, specifier = ""] of text.matchAll(IMPORT)) {
      if (specifier.startsWith(".")) {
        pending.push(resolve(dirname(path), specifier.replace(/\.js$/, ".ts")));
      }
    }
  }
  return sources;
}

describe("browser entry", () => {
  const sources = reachableSources(join(import.meta.dirname, "index.ts"));

  it("reaches the extractor, the sets and the WAV decoder", () => {
    const names = [...sources.keys()].map((path) => path.slice(import.meta.dirname.length + 1));
    expect(names).toEqual(
      expect.arrayContaining(["streaming-extractor.ts", "sets/registry.ts", "audio/decode-wav.ts"]),
    );
  });

  it.each([...sources.keys()])("%s imports no Node built-in and does not use process", (path) => {
    const text = sources.get(path) ?? "";
    const specifiers = [...text.matchAll(IMPORT)].map((match) => match[1] ?? "");
    expect(specifiers.filter((specifier) => specifier.startsWith("node:"))).toEqual([]);
    expect(text).not.toMatch(/\bprocess\./);
  });
});
