"use client";
// The models of the chosen stream server, through the dashboard's /api/models.
import { useCallback, useEffect, useState } from "react";
import type { ServedModel, ServedModelsAnswer } from "../models/served-models.js";
import { useServerAddress } from "./server-address.js";

export type ServedModelsState =
  | { readonly kind: "loading" }
  | { readonly kind: "failed"; readonly message: string }
  | { readonly kind: "loaded"; readonly models: readonly ServedModel[] };

/** The models, how to ask again, and the server they are asked of. */
export interface ServedModels {
  readonly state: ServedModelsState;
  readonly reload: () => void;
  readonly address: string;
}

export function useServedModels(): ServedModels {
  const { address } = useServerAddress();
  const [state, setState] = useState<ServedModelsState>({ kind: "loading" });
  const [attempt, setAttempt] = useState(0);
  const reload = useCallback(() => setAttempt((count) => count + 1), []);
  useEffect(() => {
    let current = true;
    setState({ kind: "loading" });
    fetch(`/api/models?server=${encodeURIComponent(address)}&attempt=${attempt}`, {
      cache: "no-store",
    })
      .then((response) => response.json() as Promise<ServedModelsAnswer>)
      .then((answer) => {
        if (!current) return;
        setState(
          "models" in answer
            ? { kind: "loaded", models: answer.models }
            : { kind: "failed", message: answer.error.message },
        );
      })
      .catch((error: unknown) => {
        if (current) setState({ kind: "failed", message: String(error) });
      });
    return () => {
      current = false;
    };
  }, [address, attempt]);
  return { state, reload, address };
}
