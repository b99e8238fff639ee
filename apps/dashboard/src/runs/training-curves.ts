// Training histories of several runs merged into one table per epoch, the shape a line chart
// wants: one column per run and measure (`r0:loss`, `r1:validationUar`, ...).
import type { EpochRecord } from "./run-record.js";

export const CURVE_MEASURES = ["loss", "validationLoss", "validationUar"] as const;
export type CurveMeasure = (typeof CURVE_MEASURES)[number];

const MEASURE_LABELS: Readonly<Record<CurveMeasure, string>> = {
  loss: "training loss",
  validationLoss: "validation loss",
  validationUar: "validation UAR",
};

export interface CurveRun {
  readonly id: string;
  readonly history: readonly EpochRecord[];
}

export interface CurveLine {
  readonly key: string;
  readonly label: string;
  readonly measure: CurveMeasure;
  readonly runIndex: number;
}

export interface CurveSeries {
  readonly points: readonly Record<string, number>[];
  readonly lines: readonly CurveLine[];
}

export function trainingCurveSeries(runs: readonly CurveRun[]): CurveSeries {
  const byEpoch = new Map<number, Record<string, number>>();
  const lines: CurveLine[] = [];
  runs.forEach((run, runIndex) => {
    for (const measure of CURVE_MEASURES) {
      const key = `r${runIndex}:${measure}`;
      let present = false;
      for (const record of run.history) {
        const value = record[measure];
        if (value === undefined) continue;
        present = true;
        const point = byEpoch.get(record.epoch) ?? { epoch: record.epoch };
        point[key] = value;
        byEpoch.set(record.epoch, point);
      }
      const label =
        runs.length === 1 ? MEASURE_LABELS[measure] : `${run.id}: ${MEASURE_LABELS[measure]}`;
      if (present) lines.push({ key, label, measure, runIndex });
    }
  });
  const points = [...byEpoch.values()].sort((a, b) => (a.epoch ?? 0) - (b.epoch ?? 0));
  return { points, lines };
}
