"use client";
import { QUADRANT_CLASSES, QUADRANTS } from "@emotion-stream/core";
import { CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from "recharts";
import { EMOTION_COLORS } from "../../emotion-colors.js";
import type { TimelinePoint } from "../../live/prediction-history.js";
import { ChartFrame } from "../chart-frame.js";

/** The four class probabilities over the last `seconds` of stream time, scrolling left. */
export function ProbabilityTimeline({
  points,
  seconds,
}: {
  points: readonly TimelinePoint[];
  seconds: number;
}) {
  const newest = points.at(-1)?.time ?? 0;
  const domain: [number, number] = [Math.max(0, newest - seconds), Math.max(seconds, newest)];
  return (
    <ChartFrame
      caption={`Class probabilities, last ${seconds} s`}
      description={`Line chart of the four class probabilities over the last ${seconds} seconds`}
    >
      <LineChart
        data={points as TimelinePoint[]}
        margin={{ top: 8, right: 16, bottom: 8, left: 0 }}
      >
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis
          dataKey="time"
          type="number"
          domain={domain}
          allowDataOverflow
          tickFormatter={(value: number) => `${Math.round(value)} s`}
        />
        <YAxis domain={[0, 1]} ticks={[0, 0.25, 0.5, 0.75, 1]} />
        <Tooltip
          formatter={(value) => (typeof value === "number" ? value.toFixed(2) : String(value))}
        />
        <Legend itemSorter={null} />
        {QUADRANT_CLASSES.map((name) => (
          <Line
            key={name}
            dataKey={name}
            name={QUADRANTS[name].label}
            stroke={EMOTION_COLORS[name]}
            strokeWidth={2}
            dot={false}
            isAnimationActive={false}
          />
        ))}
      </LineChart>
    </ChartFrame>
  );
}
