// A model card read at a glance: what it expects as input, what it was trained on, how it scored;
// the full card stays one click away.
import { type ModelCard, QUADRANT_CLASSES, QUADRANTS } from "@emotion-stream/core";
import { formatRunDate, formatShare } from "../runs/format-metric.js";
import { JsonBlock } from "./runs/json-block.js";

export function ModelCardView({ card }: { card: ModelCard }) {
  const { featureSet, window } = card;
  const seconds = (frames: number) => `${(frames * featureSet.frameStepSeconds).toFixed(2)} s`;
  return (
    <div>
      <dl className="figure-row">
        <Term term="Card" value={card.name} />
        <Term term="Created" value={formatRunDate(card.createdAt)} />
        <Term term="Preset" value={card.preset.name} />
        <Term term="Classes" value={card.classes.map((name) => QUADRANTS[name].label).join(", ")} />
        <Term
          term="Features"
          value={`${featureSet.name}, ${featureSet.dimension} per frame, ${featureSet.sampleRate / 1000} kHz, step ${featureSet.frameStepSeconds * 1000} ms`}
        />
        <Term
          term="Window"
          value={`${window.windowFrames} frames (${seconds(window.windowFrames)}), hop ${window.hopFrames} (${seconds(window.hopFrames)})`}
        />
        <Term term="Normalisation" value={card.normalisation.kind} />
        <Term term="Utterance decision" value={card.aggregation} />
      </dl>
      <div className="table-scroll">
        <table aria-label={`Training data of ${card.name}`}>
          <caption className="muted">Training data</caption>
          <thead>
            <tr>
              <th scope="col">Corpus</th>
              <th scope="col">Language</th>
              <th scope="col" className="number">
                Utterances
              </th>
              <th scope="col" className="number">
                Speakers
              </th>
              {QUADRANT_CLASSES.map((name) => (
                <th key={name} scope="col" className="number">
                  {QUADRANTS[name].label}
                </th>
              ))}
              <th scope="col">Skipped</th>
            </tr>
          </thead>
          <tbody>
            {card.trainingData.corpora.map((corpus) => (
              <tr key={`${corpus.name}:${corpus.language}`}>
                <th scope="row">{corpus.name}</th>
                <td>{corpus.language}</td>
                <td className="number">{corpus.utterances}</td>
                <td className="number">{corpus.speakers}</td>
                {QUADRANT_CLASSES.map((name) => (
                  <td key={name} className="number">
                    {corpus.countsPerClass[name] ?? 0}
                  </td>
                ))}
                <td>
                  {Object.entries(corpus.skipped)
                    .filter(([, count]) => count > 0)
                    .map(([reason, count]) => `${reason}: ${count}`)
                    .join(", ") || "none"}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {card.metrics.length > 0 ? (
        <div className="table-scroll">
          <table aria-label={`Test results recorded in ${card.name}`}>
            <caption className="muted">Test results recorded in the card</caption>
            <thead>
              <tr>
                <th scope="col">Test set</th>
                <th scope="col">Level</th>
                <th scope="col" className="number">
                  Items
                </th>
                <th scope="col" className="number">
                  UAR
                </th>
                <th scope="col" className="number">
                  WA
                </th>
                <th scope="col" className="number">
                  Macro-F1
                </th>
              </tr>
            </thead>
            <tbody>
              {card.metrics.map((metrics) => (
                <tr key={`${metrics.testSet}:${metrics.level}`}>
                  <th scope="row">{metrics.testSet}</th>
                  <td>{metrics.level}</td>
                  <td className="number">{metrics.items}</td>
                  <td className="number">{formatShare(metrics.uar)}</td>
                  <td className="number">{formatShare(metrics.wa)}</td>
                  <td className="number">{formatShare(metrics.macroF1)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <JsonBlock value={card} missing="" />
    </div>
  );
}

function Term({ term, value }: { term: string; value: string }) {
  return (
    <div className="figure">
      <dt className="muted">{term}</dt>
      <dd style={{ margin: 0 }}>{value}</dd>
    </div>
  );
}
