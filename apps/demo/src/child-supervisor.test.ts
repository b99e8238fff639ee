import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isRunning } from "../test/helpers/process-table.js";
import { type ChildSpec, ChildSupervisor } from "./child-supervisor.js";

/** A node program that starts a grandchild, prints both pids, and stays. */
function parentOfGrandchild(ignoreTerm: { parent: boolean; grandchild: boolean }): string {
  const ignore = "process.on('SIGTERM', () => {});";
  const grandchild = `${ignoreTerm.grandchild ? ignore : ""} setInterval(() => {}, 1000);`;
  return `
    ${ignoreTerm.parent ? ignore : ""}
    const { spawn } = require("node:child_process");
    const child = spawn(process.execPath, ["-e", ${JSON.stringify(grandchild)}], { stdio: "ignore" });
    console.log(JSON.stringify({ parent: process.pid, grandchild: child.pid }));
    setInterval(() => {}, 1000);`;
}

async function pidsIn(log: string): Promise<{ parent: number; grandchild: number }> {
  for (;;) {
    const text = await readFile(log, "utf8").catch(() => "");
    if (text.includes("}")) return JSON.parse(text) as { parent: number; grandchild: number };
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe("child supervisor", () => {
  let directory: string;
  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), "supervisor-"));
  });
  afterAll(async () => rm(directory, { recursive: true, force: true }));

  const nodeChild = (name: string, script: string): ChildSpec => ({
    name,
    command: process.execPath,
    args: ["-e", script],
    output: { kind: "file", path: join(directory, `${name}.log`) },
  });

  it("stops a child and the grandchild it started, SIGKILLing whoever ignores SIGTERM", async () => {
    const supervisor = new ChildSupervisor();
    const polite = nodeChild("polite", parentOfGrandchild({ parent: false, grandchild: true }));
    const stubborn = nodeChild("stubborn", parentOfGrandchild({ parent: true, grandchild: true }));
    supervisor.start(polite);
    const stubbornChild = supervisor.start(stubborn);
    const pids = [
      ...Object.values(await pidsIn(join(directory, "polite.log"))),
      ...Object.values(await pidsIn(join(directory, "stubborn.log"))),
    ];
    expect(pids.every(isRunning)).toBe(true);

    await supervisor.stopAll(300);
    expect(pids.filter(isRunning)).toEqual([]);
    expect(await stubbornChild.exited).toMatchObject({ signal: "SIGKILL" });
    expect(supervisor.pids).toEqual([]);
  });

  it("fails a step that exits non-zero or cannot start, with CHILD_PROCESS_FAILED", async () => {
    const supervisor = new ChildSupervisor();
    await expect(supervisor.run(nodeChild("exit3", "process.exit(3)"))).rejects.toMatchObject({
      code: "CHILD_PROCESS_FAILED",
      message: expect.stringContaining("exited with code 3"),
    });
    await expect(
      supervisor.run({ ...nodeChild("missing", ""), command: join(directory, "no-such-program") }),
    ).rejects.toMatchObject({ code: "CHILD_PROCESS_FAILED" });
    await expect(supervisor.run(nodeChild("ok", "process.exit(0)"))).resolves.toBeUndefined();
  });

  it("starts nothing once stopping", async () => {
    const supervisor = new ChildSupervisor();
    await supervisor.stopAll();
    expect(() => supervisor.start(nodeChild("late", ""))).toThrow(
      expect.objectContaining({ code: "CHILD_PROCESS_FAILED" }),
    );
  });
});
