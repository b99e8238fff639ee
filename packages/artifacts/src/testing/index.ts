// Test-support entry (`@emotion-stream/artifacts/testing`): what the workspaces' tests need to
// write model files of their own. Product code never imports from here.
export { floatValueInfo } from "./float-value-info.js";
