import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

// The CLI runs as users run it: the built entry in a child process (`pnpm build` first).
const cli = fileURLToPath(new URL("../dist/cli.js", import.meta.url));
const HAS_CLI = existsSync(cli);
if (!HAS_CLI) console.warn("trainer dist not built: CLI test skipped (run pnpm build)");

function run(...args: string[]) {
  const result = spawnSync("node", [cli, ...args], { encoding: "utf8" });
  return { status: result.status, stderr: result.stderr.trim().split("\n") };
}

describe.skipIf(!HAS_CLI)("trainer CLI errors", () => {
  it("prints one line `error CODE: message` and exits 1", () => {
    const { status, stderr } = run("data", "--corpus", "nope:/tmp");
    expect(status).toBe(1);
    expect(stderr).toHaveLength(1);
    expect(stderr[0]).toMatch(
      /^error UNKNOWN_ADAPTER: .*allowed: ravdess, emodb, iemocap, recola, manifest, opensmile\)$/,
    );
  });

  it("refuses --adapt-batchnorm for a preset without batch normalisation before reading a corpus", () => {
    const { status, stderr } = run(
      "experiment",
      "--corpus",
      // A folder that exists but is no corpus: the refusal comes before it is read.
      `ravdess:${tmpdir()}`,
      "--preset",
      "paper",
      "--adapt-batchnorm",
    );
    expect(status).toBe(1);
    expect(stderr).toHaveLength(1);
    expect(stderr[0]).toMatch(/^error BAD_CONFIG: preset paper has no batch normalisation layer/);
  });

  it("adds the stack with --verbose", () => {
    const { status, stderr } = run("--verbose", "data", "--corpus", "ravdess:/no/such/folder");
    expect(status).toBe(1);
    expect(stderr[0]).toMatch(/^error CORPUS_NOT_FOUND: /);
    expect(stderr.slice(1).some((line) => line.includes("parseCorpusArgument"))).toBe(true);
  });
});
