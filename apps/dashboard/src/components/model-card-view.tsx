// A model card read at a glance: what it expects as input, what it was trained on, how it scored;
// the full card stays one click away.
import { type ModelCard, QUADRANT_CLASSES, QUADRANTS } from "@emotion-stream/core";
import { formatRunDate, formatShare } from "../runs/format-metric.js";
import { Figure } from "./figure.js";
import { CLASS_COLUMNS, FigureTable, numericColumns } from "./figure-table.js";
import { JsonBlock } from "./runs/json-block.js";

export function ModelCardView({ card }: { card: ModelCard }) {
  const { featureSet, window } = card;
  const seconds = (frames: number) => `${(frames * featureSet.frameStepSeconds).toFixed(2)} s`;
  return (
    <div>
      <dl className="figure-row">
        <Figure plain term="Card" value={card.name} />
        <Figure plain term="Created" value={formatRunDate(card.createdAt)} />
        <Figure plain term="Preset" value={card.preset.name} />
        <Figure
          plain
          term="Classes"
          value={card.classes.map((name) => QUADRANTS[name].label).join(", ")}
        />
        <Figure
          plain
          term="Features"
          value={`${featureSet.name}, ${featureSet.dimension} per frame, ${featureSet.sampleRate / 1000} kHz, step ${featureSet.frameStepSeconds * 1000} ms`}
        />
        <Figure
          plain
          term="Window"
          value={`${window.windowFrames} frames (${seconds(window.windowFrames)}), hop ${window.hopFrames} (${seconds(window.hopFrames)})`}
        />
        <Figure plain term="Normalisation" value={card.normalisation.kind} />
        {card.languageInput === undefined ? null : (
          <Figure
            plain
            term="Spoken language"
            value={`heard: ${card.languageInput.languages.join(", ")}; another or none counts as their average`}
          />
        )}
        <Figure plain term="Utterance decision" value={card.aggregation} />
      </dl>
      <div className="table-scroll">
        <FigureTable
          label={`Training data of ${card.name}`}
          caption="Training data"
          columns={[
            { heading: "Corpus" },
            { heading: "Language" },
            ...numericColumns("Utterances", "Speakers"),
            ...CLASS_COLUMNS,
            { heading: "Skipped" },
          ]}
          rows={card.trainingData.corpora.map((corpus) => ({
            key: `${corpus.name}:${corpus.language}`,
            heading: corpus.name,
            cells: [
              corpus.language,
              corpus.utterances,
              corpus.speakers,
              ...QUADRANT_CLASSES.map((name) => corpus.countsPerClass[name] ?? 0),
              Object.entries(corpus.skipped)
                .filter(([, count]) => count > 0)
                .map(([reason, count]) => `${reason}: ${count}`)
                .join(", ") || "none",
            ],
          }))}
        />
      </div>
      {card.metrics.length > 0 ? (
        <div className="table-scroll">
          <FigureTable
            label={`Test results recorded in ${card.name}`}
            caption="Test results recorded in the card"
            columns={[
              { heading: "Test set" },
              { heading: "Level" },
              ...numericColumns("Items", "UAR", "WA", "Macro-F1"),
            ]}
            rows={card.metrics.map((metrics) => ({
              key: `${metrics.testSet}:${metrics.level}`,
              heading: metrics.testSet,
              cells: [
                metrics.level,
                metrics.items,
                formatShare(metrics.uar),
                formatShare(metrics.wa),
                formatShare(metrics.macroF1),
              ],
            }))}
          />
        </div>
      ) : null}
      <JsonBlock value={card} missing="" />
    </div>
  );
}
