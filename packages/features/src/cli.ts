#!/usr/bin/env node
// Entry of `pnpm features ...` (scripts/run-app.mjs runs it from the user's directory).
import { runFeaturesCli } from "./node/features-cli.js";

process.exitCode = await runFeaturesCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
});
