import { MotionGlobalConfig } from "framer-motion";

// happy-dom has no layout or animation frames worth waiting for.
MotionGlobalConfig.skipAnimations = true;
