// Progress of feature extraction on stderr: a bar per corpus with files done, rate and ETA. When
// stderr is not a terminal (CI, pipes) cli-progress stays silent and a closing line is printed.
import { SingleBar } from "cli-progress";

export interface ExtractionProgress {
  start(corpus: string, files: number): void;
  /** Another process is extracting this corpus into the same cache; this one waits for it. */
  waiting(corpus: string): void;
  update(done: number, total: number): void;
  stop(): void;
}

export function createExtractionProgress(stream: NodeJS.WriteStream = process.stderr) {
  let bar: SingleBar | undefined;
  let started = 0;
  let label = "";
  let files = 0;
  const progress: ExtractionProgress = {
    start(corpus, total) {
      progress.stop();
      if (total === 0) return;
      label = corpus;
      files = total;
      started = performance.now();
      bar = new SingleBar({
        stream,
        format: `extracting ${corpus} {bar} {value}/{total} files | {rate} files/s | ETA {eta_formatted}`,
        hideCursor: true,
        etaBuffer: 50,
      });
      bar.start(total, 0, { rate: "0.0" });
    },
    waiting(corpus) {
      stream.write(`waiting for another process writing ${corpus}'s feature cache\n`);
    },
    update(done) {
      const seconds = (performance.now() - started) / 1000;
      bar?.update(done, { rate: (done / Math.max(seconds, 1e-3)).toFixed(1) });
    },
    stop() {
      if (bar === undefined) return;
      bar.stop();
      bar = undefined;
      if (!stream.isTTY) {
        const seconds = (performance.now() - started) / 1000;
        stream.write(`extracted ${label}: ${files} files in ${seconds.toFixed(1)} s\n`);
      }
    },
  };
  return progress;
}
