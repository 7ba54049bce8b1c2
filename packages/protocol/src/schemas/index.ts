export * from "./company.js";
export * from "./items.js";
export * from "./profile.js";
export * from "./requirements.js";
export { Id } from "./text.js";
