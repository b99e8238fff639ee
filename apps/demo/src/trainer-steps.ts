// The trainer's command lines as the demo runs them: built CLI, the user's directory, the terminal
// for output (so its progress bars show).
import type { ChildSpec } from "./child-supervisor.js";
import type { RepositoryLayout } from "./repository-layout.js";

export function trainerStep(
  layout: RepositoryLayout,
  name: string,
  args: readonly string[],
): ChildSpec {
  return {
    name,
    command: process.execPath,
    args: [layout.trainerCli, ...args],
    output: { kind: "terminal" },
  };
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
): ChildSpec {
  return trainerStep(layout, "trainer synth-corpus", [
    "synth-corpus",
    "--out",
    request.out,
    "--seed",
    String(request.seed),
    "--speakers",
    String(request.speakers),
    "--utterances",
    String(request.utterances),
  ]);
}
