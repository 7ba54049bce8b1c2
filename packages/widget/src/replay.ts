export { recordingFromReplay } from "./transport/recording.js";
