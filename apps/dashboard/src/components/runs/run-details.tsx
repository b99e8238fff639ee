// One run: what was trained on what, the study's table, each test set's figures and confusion
// heatmap (and again after AdaBN where the run adapted), the training curves, then the model card, data summary and exact config.
import { modelCardSchema } from "@emotion-stream/core";
import { formatRunDate, formatShare } from "../../runs/format-metric.js";
import { describeCorpora } from "../../runs/run-list.js";
import type { RunRecord, TestSetResult } from "../../runs/run-record.js";
import { Figure } from "../figure.js";
import { ModelCardView } from "../model-card-view.js";
import { ConfusionHeatmap } from "./confusion-heatmap.js";
import { DataSummaryView } from "./data-summary-view.js";
import { JsonBlock } from "./json-block.js";
import { StudyTables } from "./study-tables.js";
import { TrainingCurves } from "./training-curves.js";

export function RunDetails({ run }: { run: RunRecord }) {
  return (
    <article>
      <h1>
        Run <code>{run.id}</code>
      </h1>
      <dl className="figure-row">
        <Figure term="Experiment" value={run.experiment} />
        <Figure term="Preset" value={run.preset} />
        <Figure term="Trained on" value={describeCorpora(run.train)} />
        <Figure term="Date" value={formatRunDate(run.createdAt)} />
        <Figure term="Status" value={run.status} />
        {run.seed === undefined ? null : <Figure term="Seed" value={String(run.seed)} />}
      </dl>
      {run.status === "finished" ? null : (
        <p className="notice notice-warn">
          {run.status === "running"
            ? "This run is still training (or was killed without a chance to say so); reload for its results."
            : `This run ${run.status === "failed" ? "failed" : "was interrupted"}${run.statusMessage === undefined ? "" : ` (${run.statusMessage})`}: its figures are incomplete and not reported as finished.`}
        </p>
      )}

      <h2>Results in the study's layout</h2>
      <StudyTables rows={run.reportRows} />

      <h2>Test sets</h2>
      {run.tests.length === 0 && run.adaptedTests.length === 0 ? (
        <p className="muted">No test results in this run.</p>
      ) : null}
      <TestSetPanels tests={run.tests} />
      {run.adaptedTests.length === 0 ? null : (
        <>
          <h2>Test sets after AdaBN</h2>
          <p className="muted">
            The same model with its batch-normalisation statistics re-estimated on each unlabelled
            test corpus it did not train on (<code>--adapt-batchnorm</code>).
          </p>
          <TestSetPanels tests={run.adaptedTests} adapted />
        </>
      )}

      <h2>Training curves</h2>
      {run.selectedEpoch === undefined ? null : (
        <p className="muted">
          The model kept is the one after epoch {run.selectedEpoch} (best validation UAR).
        </p>
      )}
      <TrainingCurves runs={[{ id: run.id, history: run.history }]} />

      <h2>Model card</h2>
      <RunModelCard card={run.modelCard} />
      <h2>Data summary</h2>
      <DataSummaryView data={run.dataSummary} />
      <h2>Configuration</h2>
      <JsonBlock value={run.config} missing="This run did not record its configuration." />
    </article>
  );
}

function TestSetPanels({
  tests,
  adapted = false,
}: {
  tests: readonly TestSetResult[];
  adapted?: boolean;
}) {
  const after = adapted ? ", after AdaBN" : "";
  return (
    <div className="grid grid-two">
      {tests.map((test) => (
        <section
          key={`${test.corpus}:${test.language}`}
          className="panel"
          aria-label={`Test set ${test.corpus} (${test.language})${after}`}
        >
          <h3>
            {test.corpus} ({test.language}){after}
          </h3>
          <dl className="figure-row">
            <Figure term="UAR" value={formatShare(test.uar)} />
            <Figure term="WA" value={formatShare(test.wa)} />
            <Figure term="Macro-F1" value={formatShare(test.macroF1)} />
          </dl>
          <ConfusionHeatmap
            counts={test.confusion}
            caption={`Confusion matrix, ${test.corpus} (${test.language})${after}`}
          />
        </section>
      ))}
    </div>
  );
}

function RunModelCard({ card }: { card: unknown }) {
  if (card === undefined)
    return <p className="muted">This run has no model card (it has not finished training).</p>;
  const parsed = modelCardSchema.safeParse(card);
  if (parsed.success) return <ModelCardView card={parsed.data} />;
  return (
    <>
      <p className="notice notice-warn">
        This model card does not match the current schema; shown as stored.
      </p>
      <JsonBlock value={card} missing="" />
    </>
  );
}
