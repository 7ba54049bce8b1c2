export { MotionProvider } from "./motion-provider.js";
export { listItemMotion } from "./presets.js";
