"use client";
// Watches the server: messages update the LiveStreams store in place and the page is redrawn at
// most once per animation frame however many predictions arrive.
import { useEffect, useRef, useState } from "react";
import { LiveStreams } from "../../live/live-streams.js";
import { type ConnectionState, connectWatcher } from "../../live/watcher-connection.js";
import { useFrameRenderer } from "../use-frame-renderer.js";

export interface LiveWatcher {
  readonly streams: LiveStreams;
  readonly connection: ConnectionState;
}

export function useLiveWatcher(websocketUrl: string): LiveWatcher {
  const streamsRef = useRef(new LiveStreams());
  const [connection, setConnection] = useState<ConnectionState>({ kind: "connecting", attempt: 1 });
  const markDirty = useFrameRenderer();

  useEffect(() => {
    const streams = new LiveStreams();
    streamsRef.current = streams;
    markDirty();
    const watcher = connectWatcher(websocketUrl, {
      onState: setConnection,
      onMessage: (message) => {
        if (streams.apply(message)) markDirty();
      },
    });
    return () => watcher.close();
  }, [websocketUrl, markDirty]);

  return { streams: streamsRef.current, connection };
}
