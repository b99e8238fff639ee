// The run's data: how the speakers were split and what the corpora contained.
import type { RunData } from "@emotion-stream/artifacts";
import { QUADRANT_CLASSES, QUADRANTS } from "@emotion-stream/core";
import { dataSummaryTables, type TallyRow } from "../../runs/data-summary.js";
import { JsonBlock } from "./json-block.js";

export function DataSummaryView({ data }: { data: RunData | undefined }) {
  if (data === undefined) return <p className="muted">This run has no data summary.</p>;
  const tables = dataSummaryTables(data);
  if (tables === undefined) return <JsonBlock value={data} missing="" />;
  return (
    <>
      <p>
        {tables.utterances} utterances, {tables.minutes.toFixed(1)} minutes of speech; speakers
        never shared between partitions.
      </p>
      <div className="panel table-scroll" style={{ marginBottom: "1rem" }}>
        <table aria-label="Speaker split">
          <caption className="muted">Speaker split</caption>
          <thead>
            <tr>
              <th scope="col">Partition</th>
              <th scope="col" className="number">
                Speakers
              </th>
              <th scope="col" className="number">
                Utterances
              </th>
              {QUADRANT_CLASSES.map((name) => (
                <th key={name} scope="col" className="number">
                  {QUADRANTS[name].label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {tables.partitions.map((partition) => (
              <tr key={partition.name}>
                <th scope="row">{partition.name}</th>
                <td className="number">{partition.speakers}</td>
                <td className="number">{partition.utterances}</td>
                {partition.classes.map((count, index) => (
                  <td key={QUADRANT_CLASSES[index]} className="number">
                    {count}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="grid grid-two">
        <TallyTable caption="By language" rows={tables.byLanguage} />
        <TallyTable caption="By corpus" rows={tables.byCorpus} />
        <TallyTable caption="By label in the corpus" rows={tables.byRawLabel} />
      </div>
      <JsonBlock value={data} missing="" />
    </>
  );
}

function TallyTable({ caption, rows }: { caption: string; rows: readonly TallyRow[] }) {
  return (
    <div className="panel table-scroll">
      <table aria-label={caption}>
        <caption className="muted">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col" className="number">
              Utterances
            </th>
            <th scope="col" className="number">
              Minutes
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.name}>
              <th scope="row">{row.name}</th>
              <td className="number">{row.utterances}</td>
              <td className="number">{row.minutes.toFixed(1)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
