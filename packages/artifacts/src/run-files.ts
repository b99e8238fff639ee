// The names of the files in a run directory, `runs/<id>/`, spelled once for every program that
// writes or reads one: the trainer (train, experiment, evaluate, export, report), the dashboard and
// the demo. What each JSON file holds is in run-json-files.ts.

export const RUN_FILES = {
  /** running -> finished / interrupted / failed; written first and last (run-status.ts). */
  status: "status.json",
  /** What was run: the command's settings (run-config.ts and its training/evaluation forms). */
  config: "config.json",
  /** The data a run used: a training run's dataset summary and split, or an evaluation's test sets. */
  data: "data.json",
  /** A training run's loss and validation scores per epoch. */
  history: "history.json",
  /** Scores per test set (core's test-set metrics, with the test set's language where known). */
  metrics: "metrics.json",
  /** The trained (or evaluated) model's card, core's model card as JSON. */
  modelCard: "model-card.json",
  /** An evaluation run's per-utterance decisions, per test set. */
  decisions: "decisions.json",
  /** A training run's tfjs model directory (model.json and weights.bin). */
  model: "model",
  /** The run's model exported to ONNX, its card in metadata_props (`trainer export`). */
  onnx: "model.onnx",
} as const;

export type RunFile = keyof typeof RUN_FILES;
