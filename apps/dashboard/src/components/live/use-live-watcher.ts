"use client";
// Watches the server and re-renders at most once per animation frame however many predictions
// arrive: messages update the LiveStreams store in place, and a frame counter tells React when to look.
import { useEffect, useRef, useState } from "react";
import { LiveStreams } from "../../live/live-streams.js";
import { type ConnectionState, connectWatcher } from "../../live/watcher-connection.js";

export interface LiveWatcher {
  readonly streams: LiveStreams;
  readonly connection: ConnectionState;
}

export function useLiveWatcher(websocketUrl: string): LiveWatcher {
  const streamsRef = useRef(new LiveStreams());
  const [connection, setConnection] = useState<ConnectionState>({ kind: "connecting", attempt: 1 });
  const [, setFrame] = useState(0);

  useEffect(() => {
    const streams = new LiveStreams();
    streamsRef.current = streams;
    let dirty = true;
    let animationFrame = 0;
    const render = () => {
      if (dirty) {
        dirty = false;
        setFrame((count) => count + 1);
      }
      animationFrame = requestAnimationFrame(render);
    };
    animationFrame = requestAnimationFrame(render);
    const watcher = connectWatcher(websocketUrl, {
      onState: setConnection,
      onMessage: (message) => {
        if (streams.apply(message)) dirty = true;
      },
    });
    return () => {
      cancelAnimationFrame(animationFrame);
      watcher.close();
    };
  }, [websocketUrl]);

  return { streams: streamsRef.current, connection };
}
