import { domAnimation } from "framer-motion";

// domAnimation (enter, leave, variants) is all the cards use: stage reordering slides with
// `useReorderAnimation`, so domMax's layout projection is not needed.
// This module is loaded on demand, so its size never lands in the first chunk.
export default domAnimation;
