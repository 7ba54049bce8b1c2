export * from "./categories.js";
export * from "./experience.js";
export * from "./intl.js";
export * from "./money.js";
export * from "./workplace.js";
