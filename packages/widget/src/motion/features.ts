import { domMin } from "framer-motion";

// The smallest feature set: enter, leave and variants. The cards use no gestures (domAnimation) and no
// `layout` (domMax): stage reordering slides with `SlideOnReorder`.
// This module is loaded on demand, so its size never lands in the first chunk.
export default domMin;
