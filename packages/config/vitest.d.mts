import type { ViteUserConfig } from "vitest/config";

export function workspaceVitestConfig(overrides?: ViteUserConfig): ViteUserConfig;
