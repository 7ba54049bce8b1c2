export { MotionProvider } from "./motion-provider.js";
export { listItemMotion, reorderableItemMotion } from "./presets.js";
