import { domMax } from "framer-motion";

// domMax rather than domAnimation: `layout` (stage reordering) lives only in domMax.
// This module is loaded on demand, so its size never lands in the first chunk.
export default domMax;
