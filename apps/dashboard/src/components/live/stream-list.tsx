"use client";
// The live streams, newest first, filterable by id, model or language; long lists are cut to keep the page
// light with thousands of streams (the filter finds the rest).
import { QUADRANTS } from "@emotion-stream/core";
import { useEffect, useId, useState } from "react";
import type { LiveStream } from "../../live/live-streams.js";
import { formatAge } from "../../live/stream-age.js";

const SHOWN_STREAMS = 50;

export function StreamList({
  streams,
  selectedId,
  onSelect,
}: {
  streams: readonly LiveStream[];
  selectedId: string | undefined;
  onSelect: (streamId: string) => void;
}) {
  const [filter, setFilter] = useState("");
  const now = useNow(1000);
  const filterId = useId();
  const needle = filter.trim().toLowerCase();
  const matching = streams.filter(
    (stream) =>
      needle === "" ||
      `${stream.info.streamId} ${stream.info.model} ${stream.info.language ?? ""}`
        .toLowerCase()
        .includes(needle),
  );
  const live = streams.filter((stream) => stream.ended === undefined).length;
  return (
    <section className="panel" aria-label="Live streams">
      <h2 style={{ marginTop: 0 }}>Streams ({live} live)</h2>
      <label htmlFor={filterId} className="muted">
        Find a stream
      </label>
      <input
        id={filterId}
        type="search"
        value={filter}
        onChange={(event) => setFilter(event.target.value)}
        placeholder="stream id, model or language"
        style={{ width: "100%", marginBottom: "0.5rem" }}
      />
      {streams.length === 0 ? (
        <p className="muted">
          No streams yet. Open the <a href="/try">Try it</a> page, or stream from an app or{" "}
          <code>pnpm bench stream</code>.
        </p>
      ) : null}
      <ul className="stream-list">
        {matching.slice(0, SHOWN_STREAMS).map((stream) => (
          <li key={stream.info.streamId}>
            <button
              type="button"
              aria-pressed={stream.info.streamId === selectedId}
              onClick={() => onSelect(stream.info.streamId)}
            >
              <strong>{stream.info.streamId}</strong>
              {stream.ended === undefined ? null : <span className="muted"> (ended)</span>}
              <br />
              <small>
                {stream.info.model} · {stream.info.input.kind === "pcm" ? "audio" : "features"} ·{" "}
                {stream.info.language === undefined ? null : (
                  <>
                    <span data-testid="stream-language">{stream.info.language}</span> ·{" "}
                  </>
                )}
                {formatAge(stream.info.startedAt, now)} · {stream.predictions} predictions
                {stream.latest === undefined ? "" : ` · ${QUADRANTS[stream.latest.top].label}`}
              </small>
            </button>
          </li>
        ))}
      </ul>
      {matching.length > SHOWN_STREAMS ? (
        <p className="muted">
          Showing {SHOWN_STREAMS} of {matching.length}; type in the box to find others.
        </p>
      ) : null}
    </section>
  );
}

function useNow(intervalMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}
