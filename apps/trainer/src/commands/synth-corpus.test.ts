import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { QUADRANT_CLASSES } from "@emotion-stream/core";
import { Command } from "commander";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { defaultLabellingOptions, readCorpora } from "../corpora/read-corpora.js";
import { registerSynthCorpusCommand } from "./synth-corpus.js";

async function runSynthCorpus(args: string[]): Promise<string> {
  const program = new Command().exitOverride();
  registerSynthCorpusCommand(program);
  const write = vi.spyOn(process.stdout, "write").mockImplementation(() => true);
  try {
    await program.parseAsync(["synth-corpus", ...args], { from: "user" });
    return write.mock.calls.map(([text]) => String(text)).join("");
  } finally {
    write.mockRestore();
  }
}

describe("trainer synth-corpus", () => {
  let directory: string;
  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), "synth-corpus-"));
  });
  afterAll(async () => rm(directory, { recursive: true, force: true }));

  it("writes a corpus the manifest adapter reads with every quadrant and nothing skipped", async () => {
    const out = join(directory, "corpus");
    const printed = await runSynthCorpus(["--out", out, "--speakers", "2", "--utterances", "1"]);
    expect(printed).toContain("16 utterances");
    expect(printed).toContain(`--corpus manifest:${out}`);

    const [reading] = await readCorpora(
      [{ adapter: "manifest", path: out }],
      defaultLabellingOptions(),
    );
    expect(reading?.skipped).toEqual([]);
    expect(reading?.utterances).toHaveLength(16);
    const labels = new Set(reading?.utterances.map((utterance) => utterance.label));
    expect([...labels].sort()).toEqual([...QUADRANT_CLASSES].sort());
    const languages = new Set(reading?.utterances.map((utterance) => utterance.language));
    expect([...languages].sort()).toEqual(["synth-stress", "synth-syllable"]);
  });

  it("reuses a corpus generated with the same options", async () => {
    const out = join(directory, "again");
    const args = ["--out", out, "--speakers", "2", "--utterances", "1", "--seed", "7"];
    expect(await runSynthCorpus(args)).toContain("generated in");
    expect(await runSynthCorpus(args)).toContain("already there");
  });

  it("refuses a speaker count the generator cannot make, with a coded error", async () => {
    await expect(
      runSynthCorpus(["--out", join(directory, "bad"), "--speakers", "1"]),
    ).rejects.toMatchObject({ code: "BAD_ARGUMENT" });
  });
});
