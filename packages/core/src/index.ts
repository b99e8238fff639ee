export * from "./emotion-mapping.js";
export * from "./errors.js";
export * from "./feature-spec.js";
export * from "./parse-with-schema.js";
export * from "./protocol/index.js";
export * from "./quadrant-classes.js";
