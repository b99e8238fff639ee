// The attacks the attack client knows, by the name `pnpm bench stream --attack <list>` takes.
export const ATTACKS = [
  "http",
  "nan",
  "subscriptions",
  "silent-watcher",
  "pcm-192k",
  "resampler-churn",
  "junk",
] as const;

export type AttackName = (typeof ATTACKS)[number];
