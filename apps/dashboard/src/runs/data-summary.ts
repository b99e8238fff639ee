// A training run's data.json (the trainer's dataset summary and speaker split) as tables: utterances
// and class counts per partition, and minutes of speech per language, corpus and raw label.
import type { RunData } from "@emotion-stream/artifacts";
import { QUADRANT_CLASSES } from "@emotion-stream/core";

export interface TallyRow {
  readonly name: string;
  readonly utterances: number;
  readonly minutes: number;
}

export interface DataSummaryTables {
  readonly utterances: number;
  readonly minutes: number;
  readonly partitions: readonly {
    name: string;
    speakers: number;
    utterances: number;
    classes: readonly number[];
  }[];
  readonly byLanguage: readonly TallyRow[];
  readonly byCorpus: readonly TallyRow[];
  readonly byRawLabel: readonly TallyRow[];
}

/** Tables for a training run's data.json; undefined without one (an evaluation run's test sets). */
export function dataSummaryTables(data: RunData | undefined): DataSummaryTables | undefined {
  if (data === undefined || !("summary" in data)) return undefined;
  const { summary, split } = data;
  return {
    utterances: summary.utterances,
    minutes: summary.seconds / 60,
    partitions: (["train", "validation", "test"] as const).map((name) => ({
      name,
      speakers: split[name].speakers,
      utterances: split[name].utterances,
      classes: QUADRANT_CLASSES.map((quadrant) => split[name].classes[quadrant] ?? 0),
    })),
    byLanguage: tallyRows(summary.byLanguage),
    byCorpus: tallyRows(summary.byCorpus),
    byRawLabel: tallyRows(summary.byRawLabel),
  };
}

// Largest first: the table answers "what is this run mostly made of".
function tallyRows(tallies: Record<string, { utterances: number; seconds: number }>): TallyRow[] {
  return Object.entries(tallies)
    .map(([name, tally]) => ({ name, utterances: tally.utterances, minutes: tally.seconds / 60 }))
    .sort((a, b) => b.utterances - a.utterances || a.name.localeCompare(b.name));
}
