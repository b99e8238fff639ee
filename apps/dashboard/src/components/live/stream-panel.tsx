"use client";
// One stream up close: the current emotion big, with its probability; the last minute of the four
// class probabilities; the recent path on the valence/arousal plane; and latency.
import { QUADRANTS } from "@emotion-stream/core";
import { EMOTION_COLORS } from "../../emotion-colors.js";
import type { LiveStream } from "../../live/live-streams.js";
import { formatPercent } from "../../runs/format-metric.js";
import { Figure } from "../figure.js";
import { ProbabilityTimeline } from "./probability-timeline.js";
import { ValenceArousalPlane } from "./valence-arousal-plane.js";

/** The timeline and trajectory cover this much stream time. */
export const LIVE_WINDOW_SECONDS = 60;
const TRAJECTORY_SECONDS = 15;

export function StreamPanel({ stream }: { stream: LiveStream }) {
  const { latest } = stream;
  const latency = stream.history.latency(LIVE_WINDOW_SECONDS);
  return (
    <section className="panel" aria-label={`Stream ${stream.info.streamId}`}>
      <h2 style={{ marginTop: 0 }}>
        Stream <code>{stream.info.streamId}</code>
        {stream.ended === undefined ? null : (
          <span className="muted"> — ended ({stream.ended})</span>
        )}
      </h2>
      {latest === undefined ? (
        <p className="muted">
          Waiting for the first prediction: the model needs one full window of audio first.
        </p>
      ) : (
        <div aria-live="polite" aria-atomic="true">
          <p
            className="current-emotion"
            style={{ color: EMOTION_COLORS[latest.top] }}
            data-testid="current-emotion"
          >
            {QUADRANTS[latest.top].label}
          </p>
          <p>
            probability{" "}
            <strong>{formatPercent(latest.probabilities[indexOfTop(latest.probabilities)])}</strong>
          </p>
        </div>
      )}
      <dl className="figure-row">
        <Figure term="Model" value={stream.info.model} />
        {stream.info.language === undefined ? null : (
          <Figure term="Language" value={stream.info.language} />
        )}
        <Figure term="Predictions" value={String(stream.predictions)} />
        <Figure
          term="Stream time"
          value={latest === undefined ? "—" : `${latest.end.toFixed(1)} s`}
        />
        <Figure
          term="Server latency (last minute)"
          value={
            latency === undefined
              ? "—"
              : `${latency.meanMs.toFixed(1)} ms mean, ${latency.maxMs.toFixed(1)} ms max`
          }
        />
      </dl>
      <div className="grid grid-two">
        <ProbabilityTimeline
          points={stream.history.timeline(LIVE_WINDOW_SECONDS)}
          seconds={LIVE_WINDOW_SECONDS}
        />
        <ValenceArousalPlane
          points={stream.history.trajectory(TRAJECTORY_SECONDS)}
          seconds={TRAJECTORY_SECONDS}
        />
      </div>
    </section>
  );
}

function indexOfTop(probabilities: readonly number[]): number {
  return probabilities.reduce(
    (best, value, index) => (value > (probabilities[best] ?? 0) ? index : best),
    0,
  );
}
