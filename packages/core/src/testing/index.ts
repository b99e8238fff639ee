// Test-support entry (`@emotion-stream/core/testing`): fixtures every workspace's tests share, so a
// change to the shapes they stand for is made once. Product code never imports from here.
export { FIXTURE_FEATURE_SET, fixtureModelCard } from "./model-card-fixture.js";
