"use client";
// The Models page: each model the chosen stream server has loaded, with its card.
import { formatRunDate } from "../runs/format-metric.js";
import { ModelCardView } from "./model-card-view.js";
import { Notice } from "./notice.js";
import { ServedModelsStatus } from "./served-models-status.js";
import { ServerAddressForm } from "./server-address.js";
import { useServedModels } from "./use-served-models.js";

export function ModelsView() {
  const served = useServedModels();
  const { state } = served;
  return (
    <>
      <div className="panel" style={{ marginBottom: "1rem" }}>
        <ServerAddressForm />
      </div>
      <ServedModelsStatus served={served} failedTitle="The models cannot be listed">
        Start the server (<code>pnpm server --models-dir models/</code>) or correct its address
        above, then
      </ServedModelsStatus>
      {state.kind === "loaded" && state.models.length === 0 ? (
        <Notice title="The server has no model loaded">
          <p>
            Export a trained model (<code>pnpm trainer export ...</code>) into the server's models
            directory; it is picked up without a restart.
          </p>
        </Notice>
      ) : null}
      {state.kind === "loaded"
        ? state.models.map((model) => (
            <section
              key={model.id}
              className="panel"
              style={{ marginBottom: "1rem" }}
              aria-label={`Model ${model.id}`}
            >
              <h2 style={{ marginTop: 0 }}>
                <code>{model.id}</code>
                <span className="muted"> version {model.version}</span>
                <span className="muted">, loaded {formatRunDate(model.loadedAt)}</span>
              </h2>
              {model.card === undefined ? (
                <p className="notice notice-warn">
                  Its model card cannot be read: {model.cardProblem}
                </p>
              ) : (
                <ModelCardView card={model.card} />
              )}
            </section>
          ))
        : null}
    </>
  );
}
