// The run's data: how the speakers were split and what the corpora contained.
import type { RunData } from "@emotion-stream/artifacts";
import { dataSummaryTables, type TallyRow } from "../../runs/data-summary.js";
import { CLASS_COLUMNS, FigureTable, numericColumns } from "../figure-table.js";
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
        <FigureTable
          label="Speaker split"
          caption="Speaker split"
          columns={[
            { heading: "Partition" },
            ...numericColumns("Speakers", "Utterances"),
            ...CLASS_COLUMNS,
          ]}
          rows={tables.partitions.map((partition) => ({
            key: partition.name,
            heading: partition.name,
            cells: [partition.speakers, partition.utterances, ...partition.classes],
          }))}
        />
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
      <FigureTable
        label={caption}
        caption={caption}
        columns={[{ heading: "Name" }, ...numericColumns("Utterances", "Minutes")]}
        rows={rows.map((row) => ({
          key: row.name,
          heading: row.name,
          cells: [row.utterances, row.minutes.toFixed(1)],
        }))}
      />
    </div>
  );
}
