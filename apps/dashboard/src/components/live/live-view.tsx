"use client";
// The Live page: the watcher connection, the streams list and the chosen stream up close.
import { useRef, useState } from "react";
import type { LiveStream } from "../../live/live-streams.js";
import { parseServerAddress } from "../../live/server-address.js";
import { ServerAddressForm, useServerAddress } from "../server-address.js";
import { ConnectionStatus } from "./connection-status.js";
import { StreamList } from "./stream-list.js";
import { StreamPanel } from "./stream-panel.js";
import { useLiveWatcher } from "./use-live-watcher.js";

export function LiveView() {
  const { address } = useServerAddress();
  const websocket = parseServerAddress(address)?.websocket ?? address;
  const { streams, connection } = useLiveWatcher(websocket);
  const [chosenId, setChosenId] = useState<string | undefined>();
  // The chosen stream stays on screen even after the list forgets it (many streams ended since).
  const chosen = useRef<LiveStream | undefined>(undefined);
  const listed = streams.list();
  const current = chosenId === undefined ? undefined : streams.get(chosenId);
  if (current !== undefined) chosen.current = current;
  const kept = chosen.current?.info.streamId === chosenId ? chosen.current : undefined;
  // Until the user picks one, follow the newest live stream.
  const selected = current ?? kept ?? listed[0];
  return (
    <>
      <div className="panel" style={{ marginBottom: "1rem" }}>
        <ConnectionStatus state={connection} address={address} />
        <ServerAddressForm />
      </div>
      <div className="grid grid-live">
        <StreamList streams={listed} selectedId={selected?.info.streamId} onSelect={setChosenId} />
        {selected === undefined ? (
          <section className="panel" aria-label="No stream chosen">
            <p>
              When a stream starts, its current emotion, probabilities over the last minute and its
              path on the valence/arousal plane appear here.
            </p>
          </section>
        ) : (
          <StreamPanel stream={selected} />
        )}
      </div>
    </>
  );
}
