// The demo's own output: numbered steps, each closed with its duration, so a user sees where a cold
// start spends its minutes. Children with progress bars write between the step lines.
export interface StepLog {
  /** Opens step `title` and closes the previous one. */
  step(title: string): void;
  /** A detail line under the current step. */
  info(text: string): void;
  /** Closes the current step with an optional result. */
  done(result?: string): void;
  /** Seconds since the log was created. */
  elapsedSeconds(): number;
}

export function createStepLog(stream: NodeJS.WritableStream = process.stdout): StepLog {
  const created = performance.now();
  let number = 0;
  let open: { title: string; started: number } | undefined;
  const log: StepLog = {
    step(title) {
      log.done();
      number += 1;
      open = { title, started: performance.now() };
      stream.write(`\n[${number}] ${title}\n`);
    },
    info(text) {
      stream.write(`    ${text}\n`);
    },
    done(result) {
      if (open === undefined) return;
      const seconds = ((performance.now() - open.started) / 1000).toFixed(1);
      stream.write(`    ${result === undefined ? "done" : result} (${seconds} s)\n`);
      open = undefined;
    },
    elapsedSeconds() {
      return (performance.now() - created) / 1000;
    },
  };
  return log;
}
