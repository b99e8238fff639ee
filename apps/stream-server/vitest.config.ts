import { workspaceVitestConfig } from "@emotion-stream/config/vitest";

// The load generator's own units (bench/memory-trace.test.ts) run beside the server's.
export default workspaceVitestConfig({ test: { include: ["bench/**/*.test.ts"] } });
