// Train/validation/test splits over labelled items. Speaker-independent by default: whole speakers
// go to one partition, chosen greedily so each partition's class counts approach its share; the
// study's random utterance split is kept for comparison. Every split is a pure function of its seed.
import {
  createRandom,
  EmotionStreamError,
  QUADRANT_CLASSES,
  type QuadrantClass,
  type Random,
} from "@emotion-stream/core";

export interface SplitItem {
  readonly speaker: string;
  readonly corpus: string;
  readonly label: QuadrantClass;
}

export interface DatasetSplit<T> {
  readonly train: readonly T[];
  readonly validation: readonly T[];
  readonly test: readonly T[];
}

export interface SplitFractions {
  readonly train: number;
  readonly validation: number;
  readonly test: number;
}

export const STUDY_FRACTIONS: SplitFractions = { train: 0.8, validation: 0.1, test: 0.1 };

const PARTITIONS = ["train", "validation", "test"] as const;
type Partition = (typeof PARTITIONS)[number];

/**
 * Speakers split within each corpus (so every corpus is in every partition), each speaker to the
 * partition whose class counts fall furthest short of its fraction.
 */
export function splitBySpeaker<T extends SplitItem>(
  items: readonly T[],
  seed: number,
  fractions: SplitFractions = STUDY_FRACTIONS,
): DatasetSplit<T> {
  checkFractions(fractions);
  const random = createRandom(seed);
  const split: Record<Partition, T[]> = { train: [], validation: [], test: [] };
  for (const corpusItems of groupBy(items, (item) => item.corpus).values()) {
    const speakers = orderSpeakers(corpusItems, random);
    const assignment = assignSpeakers(speakers, fractions);
    speakers.forEach((speaker, index) => {
      split[assignment[index] ?? "train"].push(...speaker.items);
    });
  }
  return split;
}

/**
 * k folds of speakers (within each corpus); fold i tests on fold i, validates on fold i+1 and
 * trains on the rest, so every speaker is tested exactly once.
 */
export function leaveSpeakersOutFolds<T extends SplitItem>(
  items: readonly T[],
  k: number,
  seed: number,
): DatasetSplit<T>[] {
  if (!Number.isInteger(k) || k < 3) {
    throw new EmotionStreamError("BAD_SPLIT", "k-fold needs an integer k >= 3", { value: k });
  }
  const random = createRandom(seed);
  const folds: T[][] = Array.from({ length: k }, () => []);
  for (const corpusItems of groupBy(items, (item) => item.corpus).values()) {
    const speakers = orderSpeakers(corpusItems, random);
    if (speakers.length < k) {
      const corpus = corpusItems[0]?.corpus ?? "";
      throw new EmotionStreamError("BAD_SPLIT", `${k} folds need at least ${k} speakers`, {
        corpus,
        received: speakers.length,
      });
    }
    const counts = folds.map(() => classCounts([]));
    for (const speaker of speakers) {
      const fold = mostNeeding(
        counts,
        speaker.counts,
        folds.map(() => 1 / k),
      );
      counts[fold] = addCounts(counts[fold] ?? classCounts([]), speaker.counts);
      folds[fold]?.push(...speaker.items);
    }
  }
  return folds.map((test, index) => ({
    test,
    validation: folds[(index + 1) % k] ?? [],
    train: folds.filter((_, other) => other !== index && other !== (index + 1) % k).flat(),
  }));
}

/** The study's split: utterances shuffled within each class and cut 80/10/10; speakers overlap. */
export function splitByUtterance<T extends SplitItem>(
  items: readonly T[],
  seed: number,
  fractions: SplitFractions = STUDY_FRACTIONS,
): DatasetSplit<T> {
  checkFractions(fractions);
  const random = createRandom(seed);
  const split: Record<Partition, T[]> = { train: [], validation: [], test: [] };
  for (const label of QUADRANT_CLASSES) {
    const members = random.shuffled(items.filter((item) => item.label === label));
    const trainEnd = Math.round(members.length * fractions.train);
    const validationEnd = trainEnd + Math.round(members.length * fractions.validation);
    split.train.push(...members.slice(0, trainEnd));
    split.validation.push(...members.slice(trainEnd, validationEnd));
    split.test.push(...members.slice(validationEnd));
  }
  return split;
}

interface SpeakerGroup<T> {
  readonly items: T[];
  readonly counts: number[];
}

// Largest speakers first (they are hardest to place), ties in seeded random order.
function orderSpeakers<T extends SplitItem>(
  items: readonly T[],
  random: Random,
): SpeakerGroup<T>[] {
  const groups = [...groupBy(items, (item) => item.speaker).entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, members]) => ({ items: members, counts: classCounts(members) }));
  return random.shuffled(groups).sort((a, b) => b.items.length - a.items.length);
}

function assignSpeakers<T>(speakers: readonly SpeakerGroup<T>[], fractions: SplitFractions) {
  const shares = PARTITIONS.map((partition) => fractions[partition]);
  const counts = PARTITIONS.map(() => classCounts([]));
  const assignment = speakers.map((speaker) => {
    const slot = mostNeeding(counts, speaker.counts, shares);
    counts[slot] = addCounts(counts[slot] ?? classCounts([]), speaker.counts);
    return PARTITIONS[slot] ?? "train";
  });
  // With few speakers the greedy pass can leave a small partition empty: give it the smallest
  // training speaker while training keeps at least one.
  PARTITIONS.forEach((partition, slot) => {
    if ((shares[slot] ?? 0) <= 0 || assignment.includes(partition)) return;
    const trainSpeakers = assignment.filter((assigned) => assigned === "train").length;
    if (trainSpeakers < 2) return;
    assignment[assignment.lastIndexOf("train")] = partition;
  });
  return assignment;
}

/**
 * The partition this speaker helps most: the largest total shortfall, over the speaker's classes,
 * between the partition's share of all placed-plus-this counts and what it already holds.
 */
function mostNeeding(
  counts: readonly number[][],
  speaker: readonly number[],
  shares: readonly number[],
): number {
  const total = counts.reduce((sum, partition) => addCounts(sum, partition), [...speaker]);
  let best = 0;
  let bestScore = Number.NEGATIVE_INFINITY;
  counts.forEach((have, index) => {
    const share = shares[index] ?? 0;
    if (share <= 0) return;
    let score = 0;
    speaker.forEach((count, label) => {
      if (count > 0) score += (share * (total[label] ?? 0) - (have[label] ?? 0)) * count;
    });
    if (score > bestScore) {
      bestScore = score;
      best = index;
    }
  });
  return best;
}

function classCounts(items: readonly SplitItem[]): number[] {
  const counts = QUADRANT_CLASSES.map(() => 0);
  for (const item of items) {
    const slot = QUADRANT_CLASSES.indexOf(item.label);
    counts[slot] = (counts[slot] ?? 0) + 1;
  }
  return counts;
}

function addCounts(a: readonly number[], b: readonly number[]): number[] {
  return a.map((value, index) => value + (b[index] ?? 0));
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const name = key(item);
    const members = groups.get(name);
    if (members === undefined) groups.set(name, [item]);
    else members.push(item);
  }
  return groups;
}

function checkFractions(fractions: SplitFractions): void {
  const values = PARTITIONS.map((partition) => fractions[partition]);
  const sum = values.reduce((total, value) => total + value, 0);
  if (values.some((value) => !(value >= 0)) || Math.abs(sum - 1) > 1e-9 || fractions.train <= 0) {
    throw new EmotionStreamError("BAD_SPLIT", "split fractions must be >= 0, sum to 1, train > 0", {
      value: values.join("/"),
    });
  }
}
