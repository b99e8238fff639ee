import { workspaceVitestConfig } from "@emotion-stream/config/vitest";

export default workspaceVitestConfig();
