#!/usr/bin/env node
// Entry of `pnpm features ...` (scripts/run-app.mjs runs it from the user's directory). Standard
// output is written with backpressure, so a long extraction piped to a slow reader waits for it
// instead of buffering the whole table in memory.
import { once } from "node:events";
import { runFeaturesCli } from "./node/features-cli.js";

process.exitCode = await runFeaturesCli(process.argv.slice(2), {
  stdout: async (text) => {
    if (!process.stdout.write(text)) await once(process.stdout, "drain");
  },
  stderr: (text) => process.stderr.write(text),
});
