"use client";
// The valence/arousal plane with the four quadrants named in their corners and the stream's
// recent path: older points fade, the newest is largest.
import { QUADRANT_CLASSES, QUADRANTS } from "@emotion-stream/core";
import {
  CartesianGrid,
  ReferenceArea,
  ReferenceLine,
  Scatter,
  ScatterChart,
  XAxis,
  YAxis,
} from "recharts";
import { EMOTION_COLORS } from "../../emotion-colors.js";
import type { TrajectoryPoint } from "../../live/prediction-history.js";
import { ChartFrame } from "../chart-frame.js";

interface DotProps {
  cx?: number;
  cy?: number;
  payload?: TrajectoryPoint;
}

function TrajectoryDot({ cx = 0, cy = 0, payload }: DotProps) {
  const recency = payload?.recency ?? 1;
  return (
    <circle
      cx={cx}
      cy={cy}
      r={recency === 1 ? 8 : 3 + 2 * recency}
      fill="#1b1b1f"
      fillOpacity={0.15 + 0.85 * recency}
    />
  );
}

export function ValenceArousalPlane({
  points,
  seconds,
}: {
  points: readonly TrajectoryPoint[];
  seconds: number;
}) {
  const newest = points.at(-1);
  return (
    <ChartFrame
      caption={`Valence and arousal, last ${seconds} s`}
      description={
        newest === undefined
          ? "Valence/arousal plane, no predictions yet"
          : `Valence/arousal plane; now valence ${newest.valence.toFixed(2)}, arousal ${newest.arousal.toFixed(2)}`
      }
    >
      <ScatterChart margin={{ top: 8, right: 16, bottom: 16, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" />
        {QUADRANT_CLASSES.map((name) => {
          const { valence, arousal, label } = QUADRANTS[name];
          return (
            <ReferenceArea
              key={name}
              x1={0}
              x2={valence}
              y1={0}
              y2={arousal}
              fill={EMOTION_COLORS[name]}
              fillOpacity={0.08}
              label={{
                value: label,
                position: "inside",
                fill: EMOTION_COLORS[name],
                fontWeight: 700,
              }}
            />
          );
        })}
        <ReferenceLine x={0} stroke="#4a4a55" />
        <ReferenceLine y={0} stroke="#4a4a55" />
        <XAxis
          type="number"
          dataKey="valence"
          domain={[-1, 1]}
          ticks={[-1, 0, 1]}
          label={{ value: "valence", position: "insideBottom", offset: -8 }}
        />
        <YAxis
          type="number"
          dataKey="arousal"
          domain={[-1, 1]}
          ticks={[-1, 0, 1]}
          label={{ value: "arousal", angle: -90, position: "insideLeft" }}
        />
        <Scatter
          data={points as TrajectoryPoint[]}
          line={{ stroke: "#4a4a55", strokeOpacity: 0.4 }}
          shape={TrajectoryDot}
          isAnimationActive={false}
        />
      </ScatterChart>
    </ChartFrame>
  );
}
