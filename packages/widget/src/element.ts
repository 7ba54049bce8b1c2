"use client";

// Importing this entry registers `<voice-onboarding>` (React stays a peer here; the standalone
// file bundles it). Hosts that prefer a function use `mount`.
import { defineVoiceOnboardingElement } from "./element/define.js";

defineVoiceOnboardingElement();

export {
  defineVoiceOnboardingElement,
  ELEMENT_NAME,
  type VoiceOnboardingElement,
  type VoiceOnboardingEventMap,
} from "./element/define.js";
export { type MountedWidget, type MountOptions, mount, tokenFetcherFor } from "./element/mount.js";
