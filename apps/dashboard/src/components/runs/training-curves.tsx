"use client";
// Loss and validation UAR per epoch for one or more runs, one line per run and measure.
import { CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from "recharts";
import { type CurveRun, trainingCurveSeries } from "../../runs/training-curves.js";
import { ChartFrame } from "../chart-frame.js";

const RUN_COLOURS = ["#1f4fbf", "#b3261e", "#1b6e3a", "#9a5b00", "#6b2fa0", "#00677a"];

export function TrainingCurves({ runs }: { runs: readonly CurveRun[] }) {
  const { points, lines } = trainingCurveSeries(runs);
  if (points.length === 0) return <p className="muted">No training history in this run.</p>;
  return (
    <div className="grid grid-two">
      {(["loss", "validationUar"] as const).map((measure) => (
        <ChartFrame
          key={measure}
          className="panel"
          caption={measure === "loss" ? "Loss per epoch" : "Validation UAR per epoch"}
        >
          <LineChart data={points} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis
              dataKey="epoch"
              label={{ value: "epoch", position: "insideBottomRight", offset: -4 }}
            />
            <YAxis domain={measure === "validationUar" ? [0, 1] : ["auto", "auto"]} />
            <Tooltip />
            <Legend itemSorter={null} />
            {lines
              .filter(
                (line) =>
                  line.measure === measure ||
                  (measure === "loss" && line.measure === "validationLoss"),
              )
              .map((line) => (
                <Line
                  key={line.key}
                  dataKey={line.key}
                  name={line.label}
                  stroke={RUN_COLOURS[line.runIndex % RUN_COLOURS.length]}
                  strokeDasharray={line.measure === "validationLoss" ? "5 4" : undefined}
                  dot={false}
                  isAnimationActive={false}
                  connectNulls
                />
              ))}
          </LineChart>
        </ChartFrame>
      ))}
    </div>
  );
}
