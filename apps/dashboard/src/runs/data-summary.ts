// A run's data.json (the trainer's dataset summary and speaker split) as tables: utterances and
// class counts per partition, and hours of speech per language, corpus and raw label.
import { QUADRANT_CLASSES } from "@emotion-stream/core";
import { z } from "zod";

const tallySchema = z.object({ utterances: z.number(), seconds: z.number() });
const partitionSchema = z.object({
  speakers: z.number(),
  utterances: z.number(),
  classes: z.record(z.enum(QUADRANT_CLASSES), z.number()),
});

export const dataFileSchema = z.looseObject({
  summary: z.looseObject({
    utterances: z.number(),
    seconds: z.number(),
    byLanguage: z.record(z.string(), tallySchema),
    byCorpus: z.record(z.string(), tallySchema),
    byRawLabel: z.record(z.string(), tallySchema),
  }),
  split: z.object({ train: partitionSchema, validation: partitionSchema, test: partitionSchema }),
});

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

/** Tables for a data.json; undefined when the file is absent or not in the trainer's format. */
export function dataSummaryTables(data: unknown): DataSummaryTables | undefined {
  const parsed = dataFileSchema.safeParse(data);
  if (!parsed.success) return undefined;
  const { summary, split } = parsed.data;
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
