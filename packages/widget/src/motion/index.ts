export { MotionProvider } from "./motion-provider.js";
