// Runs the attack client (attack-client.ts) as a child process for a bounded time and reads its
// one-line JSON report; describes it beside whether the server process is still up.
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { EmotionStreamError } from "@emotion-stream/core";
import type { ServerProcess } from "./server-process.js";

export interface AttackReport {
  readonly attacks: Record<
    string,
    {
      readonly sent: number;
      readonly answered: number;
      readonly replies: Record<string, number>;
      readonly connectionsClosedByServer: number;
    }
  >;
  readonly failures: readonly string[];
}

export function runAttackClient(
  port: number,
  seconds: number,
  attacks: string,
  startInMs: number,
): Promise<AttackReport> {
  const script = fileURLToPath(new URL("./attack-client.js", import.meta.url));
  const child = spawn(
    process.execPath,
    [
      script,
      "--port",
      String(port),
      "--model",
      "bench",
      "--seconds",
      String(seconds),
      "--attacks",
      attacks,
      "--start-in-ms",
      String(Math.round(startInMs)),
    ],
    { stdio: ["ignore", "pipe", "inherit"] },
  );
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  return new Promise((resolve, reject) => {
    child.once("exit", (code) => {
      try {
        resolve(JSON.parse(output.trim().split("\n").at(-1) ?? "") as AttackReport);
      } catch {
        reject(
          new EmotionStreamError(
            "INTERNAL_ERROR",
            `the attack client exited (${code}) without a report`,
          ),
        );
      }
    });
  });
}

export function describeAttack(report: AttackReport, server: ServerProcess): string {
  const lines = ["  attacks (sent / answered, replies by type or code, closed by the server):"];
  for (const [name, counts] of Object.entries(report.attacks)) {
    const replies = Object.entries(counts.replies)
      .sort(([, a], [, b]) => b - a)
      .map(([key, count]) => `${key} ${count}`)
      .join(", ");
    lines.push(
      `    ${name}: ${counts.sent} / ${counts.answered} (${replies || "none"}); closed ${counts.connectionsClosedByServer}`,
    );
  }
  if (report.failures.length > 0) lines.push(`    attack failures: ${report.failures.join("; ")}`);
  const alive = server.child.exitCode === null && server.child.signalCode === null;
  lines.push(`  server process ${alive ? "still running" : `ended (${server.child.exitCode})`}`);
  return lines.join("\n");
}
