export * from "./errors.js";
export * from "./parse-with-schema.js";
export * from "./quadrant-classes.js";
