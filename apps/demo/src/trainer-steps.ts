// The trainer's command lines as the demo runs them: the built CLI in the user's directory, with
// the terminal for output (so its progress bars show) unless a log file is given.
import type { ChildSpec } from "./child-supervisor.js";
import type { RepositoryLayout } from "./repository-layout.js";

export function trainerStep(
  layout: RepositoryLayout,
  name: string,
  args: readonly string[],
  output: ChildSpec["output"] = { kind: "terminal" },
): ChildSpec {
  return { name, command: process.execPath, args: [layout.trainerCli, ...args], output };
}

export interface SyntheticCorpusRequest {
  readonly out: string;
  readonly seed: number;
  readonly speakers: number;
  readonly utterances: number;
}

export function synthCorpusStep(
  layout: RepositoryLayout,
  request: SyntheticCorpusRequest,
  output?: ChildSpec["output"],
): ChildSpec {
  const args = [
    "synth-corpus",
    ...["--out", request.out, "--seed", String(request.seed)],
    ...["--speakers", String(request.speakers), "--utterances", String(request.utterances)],
  ];
  return trainerStep(layout, "trainer synth-corpus", args, output);
}
