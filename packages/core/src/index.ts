export * from "./quadrant-classes.js";
