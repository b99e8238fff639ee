// What the demo producer plays: the utterances of `--play <manifest.csv>`, or else held-out
// synthetic speech — a corpus of another seed than the training one, so none of its voices was
// heard in training.
import { join } from "node:path";
import type { ChildSupervisor } from "./child-supervisor.js";
import type { DemoOptions } from "./demo-options.js";
import { type HeldOutUtterance, readHeldOutUtterances } from "./held-out-utterances.js";
import type { RepositoryLayout } from "./repository-layout.js";
import type { StepLog } from "./step-log.js";
import { synthCorpusStep } from "./trainer-steps.js";

const HELD_OUT = { seed: 1001, speakers: 2, utterances: 2 } as const;

export interface PlaylistContext {
  readonly options: DemoOptions;
  readonly layout: RepositoryLayout;
  readonly supervisor: ChildSupervisor;
  readonly log: StepLog;
  readonly logDirectory: string;
}

export async function prepareDemoPlaylist(context: PlaylistContext): Promise<HeldOutUtterance[]> {
  const { options, log } = context;
  if (options.play !== undefined) {
    log.step(`speech to stream: ${options.play} (--play)`);
  } else {
    log.step("held-out speech to stream: synthetic voices the model never heard");
  }
  const manifest = options.play ?? (await generateHeldOut(context));
  const utterances = await readHeldOutUtterances(manifest);
  log.done(`${utterances.length} utterances, played in a loop`);
  return utterances;
}

async function generateHeldOut(context: PlaylistContext): Promise<string> {
  const directory = join(context.options.cacheDir, "held-out");
  const output = { kind: "file", path: join(context.logDirectory, "held-out-corpus.log") } as const;
  await context.supervisor.run(
    synthCorpusStep(context.layout, { out: directory, ...HELD_OUT }, output),
  );
  return join(directory, "manifest.csv");
}
