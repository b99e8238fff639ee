// `trainer data --corpus ...`: reads the corpora, validates every file by extracting (or reusing)
// its features, and prints counts per class, speaker, language and corpus, what was skipped, and
// the class balance the chosen split produces. `--json` prints the same as one JSON document.
import { parseWithSchema, QUADRANT_CLASSES } from "@emotion-stream/core";
import type { Command } from "commander";
import { z } from "zod";
import { addCorpusOptions, parseCorpusOptions } from "../corpora/corpus-options.js";
import type { SkippedItem } from "../corpora/corpus-utterance.js";
import {
  type DatasetSplit,
  leaveSpeakersOutFolds,
  splitBySpeaker,
  splitByUtterance,
} from "../dataset/dataset-split.js";
import {
  type DatasetSummary,
  type PartitionBalance,
  splitBalance,
  summariseDataset,
} from "../dataset/dataset-summary.js";
import type { CachedUtterance } from "../feature-cache/cached-utterance.js";
import { createExtractionProgress } from "../feature-cache/extraction-progress.js";
import { type LoadedCorpora, loadCachedCorpora } from "../feature-cache/load-cached-corpora.js";
import { removeCacheFolders, staleCacheFolders } from "../feature-cache/stale-cache-folders.js";

const NAME_WIDTH = 20;

const splitFlagsSchema = z.object({
  split: z.enum(["speaker", "utterance", "kfold"]),
  folds: z.coerce.number().int().min(3),
  seed: z.coerce.number().int(),
  json: z.boolean().optional(),
  prune: z.boolean().optional(),
});

export function registerDataCommand(program: Command): void {
  const command = program
    .command("data")
    .description("inspect corpora: counts, skipped files, feature cache, split class balance");
  addCorpusOptions(command)
    .option("--split <kind>", "split to show: speaker, utterance (the study's) or kfold", "speaker")
    .option("--folds <k>", "folds for --split kfold", "5")
    .option("--seed <n>", "split seed", "1")
    .option("--json", "print machine-readable JSON")
    .option("--prune", "remove cache folders of feature specs this version no longer computes")
    .action(async (flags: Record<string, unknown>) => {
      const options = parseCorpusOptions(flags);
      const splitFlags = parseWithSchema(splitFlagsSchema, flags, "BAD_ARGUMENT", {
        file: "command line",
      });
      const loaded = await loadCachedCorpora({
        ...options,
        ...(splitFlags.json === true ? {} : { progress: createExtractionProgress() }),
      });
      await loaded.store.close();
      const stale = await staleCacheFolders(options.cacheDir);
      if (splitFlags.prune === true) await removeCacheFolders(stale);
      const report = {
        ...dataReport(loaded, splitFlags.split, splitFlags.folds, splitFlags.seed),
        staleCache: {
          folders: stale.map((folder) => folder.path),
          bytes: stale.reduce((sum, folder) => sum + folder.bytes, 0),
          removed: splitFlags.prune === true,
        },
      };
      process.stdout.write(
        splitFlags.json === true ? `${JSON.stringify(report, null, 2)}\n` : renderReport(report),
      );
    });
}

interface DataReport {
  readonly featureSet: string;
  readonly seconds: number;
  readonly corpora: {
    readonly corpus: string;
    readonly root: string;
    readonly utterances: number;
    readonly skipped: number;
    readonly filesExtracted: number;
    readonly filesReused: number;
  }[];
  readonly summary: DatasetSummary;
  readonly skipped: readonly SkippedItem[];
  readonly split: {
    readonly kind: string;
    readonly seed: number;
    readonly partitions: Record<keyof DatasetSplit<unknown>, PartitionBalance>[];
  };
  /** Cache folders of feature specs this version no longer computes (stale-cache-folders.ts). */
  readonly staleCache: {
    readonly folders: string[];
    readonly bytes: number;
    readonly removed: boolean;
  };
}

function dataReport(
  loaded: LoadedCorpora,
  kind: string,
  folds: number,
  seed: number,
): Omit<DataReport, "staleCache"> {
  const splits: DatasetSplit<CachedUtterance>[] =
    kind === "kfold"
      ? leaveSpeakersOutFolds(loaded.utterances, folds, seed)
      : [(kind === "utterance" ? splitByUtterance : splitBySpeaker)(loaded.utterances, seed)];
  return {
    featureSet: loaded.spec.name,
    seconds: loaded.seconds,
    corpora: loaded.corpora.map((corpus) => ({
      corpus: corpus.corpus,
      root: corpus.root,
      utterances: corpus.utterances.length,
      skipped: corpus.skipped.length,
      filesExtracted: corpus.files.extracted,
      filesReused: corpus.files.reused,
    })),
    summary: summariseDataset(loaded.utterances),
    skipped: loaded.skipped,
    split: { kind, seed, partitions: splits.map(splitBalance) },
  };
}

function renderReport(report: DataReport): string {
  const lines: string[] = [];
  const { summary } = report;
  lines.push(`features ${report.featureSet}; ready in ${report.seconds.toFixed(1)} s`);
  for (const corpus of report.corpora) {
    lines.push(
      `${corpus.corpus} (${corpus.root}): ${corpus.utterances} utterances, ${corpus.skipped} skipped; ` +
        `files extracted ${corpus.filesExtracted}, reused from cache ${corpus.filesReused}`,
    );
  }
  lines.push("", `total: ${summary.utterances} utterances, ${formatSeconds(summary.seconds)}`);
  const header = (title: string) => `${title.padEnd(NAME_WIDTH)} utterances  duration`;
  lines.push("", header("class"));
  for (const name of QUADRANT_CLASSES) lines.push(tallyLine(name, summary.byClass[name]));
  lines.push("", header("label"));
  for (const [label, tally] of Object.entries(summary.byRawLabel).sort())
    lines.push(tallyLine(label, tally));
  lines.push("", header("language"));
  for (const [language, tally] of Object.entries(summary.byLanguage).sort()) {
    lines.push(tallyLine(language, tally));
  }
  lines.push(
    "",
    `${header(`speakers (${summary.speakers.length})`)}  ${QUADRANT_CLASSES.join("/")}`,
  );
  for (const speaker of summary.speakers) {
    const classes = QUADRANT_CLASSES.map((name) => speaker.classes[name]).join("/");
    const name = `${speaker.speaker} ${speaker.gender ?? ""}`.trim();
    lines.push(`${tallyLine(name, speaker)}  ${classes}`);
  }
  lines.push(...renderSkipped(report.skipped), ...renderSplit(report.split));
  lines.push(...renderStaleCache(report.staleCache));
  return `${lines.join("\n")}\n`;
}

function renderSkipped(skipped: readonly SkippedItem[]): string[] {
  if (skipped.length === 0) return ["", "skipped: none"];
  const byReason = new Map<string, SkippedItem[]>();
  for (const item of skipped)
    byReason.set(item.reason, [...(byReason.get(item.reason) ?? []), item]);
  const lines = ["", `skipped: ${skipped.length}`];
  for (const [reason, items] of byReason) {
    const labels = new Map<string, number>();
    for (const item of items)
      if (item.label) labels.set(item.label, (labels.get(item.label) ?? 0) + 1);
    const perLabel = [...labels].map(([label, count]) => `${label} ${count}`).join(", ");
    lines.push(`  ${reason}: ${items.length}${perLabel === "" ? "" : ` (${perLabel})`}`);
    for (const item of items.slice(0, 5)) lines.push(`    ${item.file}: ${item.message}`);
    if (items.length > 5) lines.push(`    ... ${items.length - 5} more (--json lists all)`);
  }
  return lines;
}

function renderSplit(split: DataReport["split"]): string[] {
  const lines = ["", `split: ${split.kind}, seed ${split.seed} (${QUADRANT_CLASSES.join("/")})`];
  split.partitions.forEach((partitions, fold) => {
    const prefix = split.partitions.length > 1 ? `fold ${fold + 1} ` : "";
    for (const [name, balance] of Object.entries(partitions)) {
      const classes = QUADRANT_CLASSES.map((label) => balance.classes[label]).join("/");
      lines.push(
        `  ${prefix}${name.padEnd(10)} ${String(balance.speakers).padStart(3)} speakers ` +
          `${String(balance.utterances).padStart(5)} utterances  ${classes}`,
      );
    }
  });
  return lines;
}

function tallyLine(name: string, tally: { utterances: number; seconds: number }): string {
  const count = String(tally.utterances).padStart(10);
  return `${name.padEnd(NAME_WIDTH)} ${count}  ${formatSeconds(tally.seconds).padStart(8)}`;
}

function formatSeconds(seconds: number): string {
  return `${seconds.toFixed(0)} s`;
}

function renderStaleCache(stale: DataReport["staleCache"]): string[] {
  const count = stale.folders.length;
  if (count === 0) return [];
  const size = `${(stale.bytes / 2 ** 20).toFixed(1)} MiB`;
  return stale.removed
    ? [
        "",
        `removed ${count} cache folder(s) of feature specs this version no longer computes (${size})`,
      ]
    : [
        "",
        `${count} cache folder(s) hold features of specs this version no longer computes (${size}); \`trainer data --prune\` removes them:`,
        ...stale.folders.map((folder) => `  ${folder}`),
      ];
}
