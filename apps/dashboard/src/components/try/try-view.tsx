"use client";
// The Try-it page: pick a model, then speak into the microphone or drop a WAV file; the browser
// extracts the features and streams them, and the predictions appear as on the Live page.
import { EmotionStreamError, languageTagSchema } from "@emotion-stream/core";
import { useId, useRef, useState } from "react";
import { LiveStreams } from "../../live/live-streams.js";
import { parseServerAddress } from "../../live/server-address.js";
import { MicrophoneError } from "../../try/microphone.js";
import {
  startMicrophoneSession,
  startWavSession,
  type TryModel,
  type TrySession,
  type TrySessionEvents,
} from "../../try/try-session.js";
import { StreamPanel } from "../live/stream-panel.js";
import { Notice } from "../notice.js";
import { ServedModelsStatus } from "../served-models-status.js";
import { ServerAddressForm } from "../server-address.js";
import { useFrameRenderer } from "../use-frame-renderer.js";
import { useServedModels } from "../use-served-models.js";
import { WavDropZone } from "./wav-drop-zone.js";

type Phase =
  | { readonly kind: "idle" }
  | { readonly kind: "starting"; readonly what: string }
  | {
      readonly kind: "streaming";
      readonly source: "microphone" | "file";
      readonly streamId: string;
    }
  | { readonly kind: "finished"; readonly streamId: string }
  | { readonly kind: "failed"; readonly message: string };

export function TryView() {
  const served = useServedModels();
  const { address, state: models } = served;
  const [chosenModel, setChosenModel] = useState<string>();
  const [phase, setPhase] = useState<Phase>({ kind: "idle" });
  const session = useRef<TrySession | undefined>(undefined);
  const streams = useRef(new LiveStreams({ keepEnded: 1 }));
  const markDirty = useFrameRenderer();
  const modelSelectId = useId();
  const languageId = useId();
  const [language, setLanguage] = useState("");

  const usable: TryModel[] =
    models.kind === "loaded"
      ? models.models.flatMap((model) =>
          model.card === undefined ? [] : [{ id: model.id, card: model.card }],
        )
      : [];
  const model = usable.find((candidate) => candidate.id === chosenModel) ?? usable[0];
  const busy = phase.kind === "starting" || phase.kind === "streaming";

  const events = (source: "microphone" | "file"): TrySessionEvents => ({
    onOpened: (streamId, input, spoken) => {
      streams.current = new LiveStreams({ keepEnded: 1 });
      streams.current.apply({
        type: "stream-started",
        stream: {
          streamId,
          model: model?.id ?? "",
          input,
          ...(spoken === undefined ? {} : { language: spoken }),
          startedAt: Date.now(),
        },
      });
      markDirty();
      setPhase({ kind: "streaming", source, streamId });
    },
    onPrediction: (message) => {
      if (streams.current.apply(message)) markDirty();
    },
    onFinished: (summary) => {
      session.current = undefined;
      streams.current.apply({
        type: "stream-ended",
        streamId: summary.streamId,
        reason: "end",
        summary,
      });
      markDirty();
      setPhase({ kind: "finished", streamId: summary.streamId });
    },
    onProblem: (message) => {
      session.current?.stop();
      session.current = undefined;
      setPhase({ kind: "failed", message });
    },
  });

  const start = async (
    what: string,
    begin: (websocket: string, chosen: TryModel, spoken: string | undefined) => Promise<TrySession>,
  ) => {
    const websocket = parseServerAddress(address)?.websocket;
    if (model === undefined || websocket === undefined) return;
    const tag = language.trim();
    if (tag !== "" && !languageTagSchema.safeParse(tag).success) {
      setPhase({
        kind: "failed",
        message: `"${tag}" is not a language tag: write it like en, de-DE or pt-BR, or leave the language empty.`,
      });
      return;
    }
    setPhase({ kind: "starting", what });
    try {
      session.current = await begin(websocket, model, tag === "" ? undefined : tag);
    } catch (error) {
      setPhase({ kind: "failed", message: describeStartError(error, address) });
    }
  };

  const startMicrophone = () =>
    start("Asking for the microphone…", (websocket, chosen, spoken) =>
      startMicrophoneSession(websocket, chosen, events("microphone"), spoken),
    );
  const startFile = (file: { name: string; bytes: Uint8Array }) =>
    start(`Reading ${file.name}…`, (websocket, chosen, spoken) =>
      startWavSession(websocket, chosen, file, events("file"), spoken),
    );
  const stop = () => session.current?.stop();

  const stream =
    phase.kind === "streaming" || phase.kind === "finished"
      ? streams.current.get(phase.streamId)
      : undefined;

  return (
    <>
      <div className="panel" style={{ marginBottom: "1rem" }}>
        <ServerAddressForm />
        <ServedModelsStatus served={served} failedTitle="The stream server is not available">
          Start it with <code>pnpm server --models-dir models/</code> or correct the address, then
        </ServedModelsStatus>
        {models.kind === "loaded" && usable.length === 0 ? (
          <Notice title="No model to try" tone="warn">
            <p>The server has no model with a readable card loaded. See the Models page.</p>
          </Notice>
        ) : null}
        {usable.length > 0 ? (
          <div className="form-row">
            <label htmlFor={modelSelectId}>
              Model
              <select
                id={modelSelectId}
                value={model?.id}
                onChange={(event) => setChosenModel(event.target.value)}
                disabled={busy}
              >
                {usable.map((candidate) => (
                  <option key={candidate.id} value={candidate.id}>
                    {candidate.id} ({candidate.card.featureSet.name})
                  </option>
                ))}
              </select>
            </label>
            <label htmlFor={languageId}>
              Spoken language (optional)
              <input
                id={languageId}
                value={language}
                onChange={(event) => setLanguage(event.target.value)}
                placeholder="e.g. en or de-DE"
                size={10}
                disabled={busy}
              />
            </label>
            {phase.kind === "streaming" ? (
              <button type="button" onClick={stop}>
                {phase.source === "microphone" ? "Stop recording" : "Stop playing"}
              </button>
            ) : (
              <button type="button" onClick={startMicrophone} disabled={busy}>
                Record from the microphone
              </button>
            )}
          </div>
        ) : null}
      </div>
      {usable.length > 0 ? <WavDropZone disabled={busy} onFile={startFile} /> : null}
      <div role="status" aria-live="polite" style={{ margin: "1rem 0" }}>
        {phase.kind === "starting" ? phase.what : null}
        {phase.kind === "streaming"
          ? phase.source === "microphone"
            ? "Recording: speak now."
            : "Playing the file at its real pace…"
          : null}
        {phase.kind === "finished"
          ? "Finished. The last prediction and the timeline stay below."
          : null}
      </div>
      {phase.kind === "failed" ? (
        <Notice title="That did not work" tone="error">
          <p>{phase.message}</p>
        </Notice>
      ) : null}
      {stream === undefined ? null : <StreamPanel stream={stream} />}
    </>
  );
}

function describeStartError(error: unknown, address: string): string {
  if (error instanceof MicrophoneError) {
    switch (error.problem) {
      case "refused":
        return "The microphone was refused. Allow it in the browser's address bar (site settings) and try again, or drop a WAV file instead.";
      case "missing":
        return "No microphone was found. Connect one, or drop a WAV file instead.";
      case "insecure":
        return "Browsers only allow the microphone on https:// or http://localhost pages. Open the dashboard that way, or drop a WAV file.";
      case "unsupported":
        return "This browser cannot record audio here. Drop a WAV file instead.";
    }
  }
  if (error instanceof EmotionStreamError) {
    if (error.code === "CONNECTION_CLOSED") {
      return `The stream server at ${address} cannot be reached. Start it (pnpm server --models-dir models/) or correct the address.`;
    }
    return error.describe();
  }
  return error instanceof Error ? error.message : String(error);
}
