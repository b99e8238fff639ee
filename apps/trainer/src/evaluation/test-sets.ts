// Evaluation reports per test corpus and language: a manifest may list several corpora, and a
// corpus several languages, so utterances are grouped by both, in order of first appearance. A
// test set is named by its corpus, or `<corpus>/<language>` when the corpus comes in several.
import type { CachedUtterance } from "../feature-cache/cached-utterance.js";

export interface TestSet {
  /** The name metrics.json carries. */
  readonly name: string;
  readonly corpus: string;
  readonly language: string;
  readonly utterances: readonly CachedUtterance[];
}

export function testSetsOf(utterances: readonly CachedUtterance[]): TestSet[] {
  const groups = new Map<string, CachedUtterance[]>();
  for (const utterance of utterances) {
    const key = JSON.stringify([utterance.corpus, utterance.language]);
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [utterance]);
    else group.push(utterance);
  }
  const sets = [...groups.values()].map((members) => {
    const { corpus, language } = members[0] as CachedUtterance;
    return { corpus, language, utterances: members };
  });
  const languagesOf = (corpus: string) => sets.filter((set) => set.corpus === corpus).length;
  return sets.map((set) => ({
    ...set,
    name: languagesOf(set.corpus) > 1 ? `${set.corpus}/${set.language}` : set.corpus,
  }));
}
