// The terminal progress bar of a training run: epoch, batch loss, last validation UAR and ETA.
import { SingleBar } from "cli-progress";
import type { EpochRecord, TrainingProgress } from "./train-model.js";

export interface TrainingProgressBar {
  onBatch(progress: TrainingProgress): void;
  onEpoch(record: EpochRecord): void;
  stop(): void;
}

export function createTrainingProgressBar(label: string): TrainingProgressBar {
  const bar = new SingleBar({
    format: `${label} epoch {epoch}/{epochs} [{bar}] loss {loss} | val UAR {uar} | ETA {eta_formatted}`,
    hideCursor: true,
    etaBuffer: 50,
  });
  let started = false;
  let uar = "-";
  return {
    onBatch(progress) {
      const done = (progress.epoch - 1) * progress.batches + progress.batch;
      const payload = {
        epoch: progress.epoch,
        epochs: progress.epochs,
        loss: progress.loss.toFixed(4),
        uar,
      };
      if (!started) {
        bar.start(progress.epochs * progress.batches, done, payload);
        started = true;
      } else {
        bar.update(done, payload);
      }
    },
    onEpoch(record) {
      uar = record.validationUar.toFixed(3);
      bar.update({ uar });
    },
    stop() {
      if (started) bar.stop();
    },
  };
}
