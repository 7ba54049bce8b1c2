export { m } from "./motion-li.js";
export { MotionProvider } from "./motion-provider.js";
