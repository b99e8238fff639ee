// One vitest preset for every workspace: tests import workspace packages from source (the "source"
// export condition) and write a JSON report that scripts/run-tests.mjs sums into one closing line.
import { defineConfig, mergeConfig } from "vitest/config";

export function workspaceVitestConfig(overrides = {}) {
  return mergeConfig(
    defineConfig({
      resolve: { conditions: ["source", "import", "module", "default"] },
      ssr: { resolve: { conditions: ["source", "import", "module", "default"] } },
      test: {
        include: ["src/**/*.test.ts", "test/**/*.test.ts"],
        exclude: ["**/node_modules/**", "**/dist/**", "**/*.e2e.test.ts"],
        reporters: ["default", ["json", { outputFile: "reports/vitest.json" }]],
        testTimeout: 60_000,
        hookTimeout: 120_000,
      },
    }),
    overrides,
  );
}
