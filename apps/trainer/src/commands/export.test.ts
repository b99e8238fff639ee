import { mkdtemp, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Command } from "commander";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { writeFixtureRun } from "../../test/fixtures/export-run-fixture.js";
import { registerExportCommand } from "./export.js";

async function runCommand(args: string[]): Promise<string> {
  const program = new Command().exitOverride();
  registerExportCommand(program);
  const output: string[] = [];
  const write = vi.spyOn(process.stdout, "write").mockImplementation((chunk) => {
    output.push(String(chunk));
    return true;
  });
  try {
    await program.parseAsync(["node", "trainer", ...args]);
  } finally {
    write.mockRestore();
  }
  return output.join("");
}

describe("trainer export", () => {
  let runDirectory: string;

  beforeEach(async () => {
    runDirectory = await mkdtemp(join(tmpdir(), "export-command-"));
    await writeFixtureRun(runDirectory);
  });

  afterEach(async () => {
    await rm(runDirectory, { recursive: true, force: true });
  });

  it("writes the ONNX file and, with --verify, prints both figures, saying the windows are random when the run has no data", async () => {
    const out = join(runDirectory, "exported.onnx");
    const printed = await runCommand([
      "export",
      runDirectory,
      "--out",
      out,
      "--verify",
      "--windows",
      "12",
      "--backend",
      "cpu",
    ]);
    expect((await stat(out)).size).toBeGreaterThan(0);
    expect(printed).toContain("12 RANDOM windows, NOT real data");
    expect(printed).toMatch(
      /max \|dp\| = \d\.\d\de-\d+ \(tolerance 1e-5\), argmax agreement 12\/12/,
    );
  });
});
