"use client";

// The plain-props cards are `@voice-onboarding/widget/cards` and the LiveKit transport
// `@voice-onboarding/widget/livekit`, and `recordingFromReplay` (the protocol's decoder, zod)
// `@voice-onboarding/widget/replay`: each an entry of its own, so that no bundler puts them (and
// framer-motion, livekit-client, zod) into a host's first chunk. This entry reaches them only by
// `import()`. So with the languages: English is here, the others load when a locale asks for them
// (all of them statically: `@voice-onboarding/widget/locales`).
// The protocol's types a host meets in the widget's callbacks.
export type { JobProfile, TurnLatency } from "@voice-onboarding/protocol";
export { OnboardingProvider, type OnboardingProviderProps } from "./hooks/onboarding-provider.js";
export { useOnboardingProfile } from "./hooks/use-onboarding-profile.js";
export { type OnboardingSession, useOnboardingSession } from "./hooks/use-onboarding-session.js";
export { useOnboardingStore } from "./hooks/use-onboarding-store.js";
export type { CardMessages } from "./i18n/card-messages.js";
export {
  type CatalogueLanguage,
  catalogueFor,
  LANGUAGES,
  loadCatalogue,
  resolveMessages,
} from "./i18n/catalogues.js";
export type { ControlMessages } from "./i18n/control-messages.js";
export { en } from "./i18n/en.js";
export type { MessageOverrides, Messages } from "./i18n/messages.js";
export type { AnnouncedRequirement, StatusMessages } from "./i18n/status-messages.js";
export {
  MessagesProvider,
  type MessagesProviderProps,
  useLocaleMessages,
  useMessages,
} from "./i18n/use-messages.js";
export { type CardLabels, DEFAULT_CARD_LABELS } from "./labels.js";
export type {
  ConnectionDetails,
  ConnectionOptions,
  SessionController,
} from "./session/controller.js";
export { type ControlLabels, DEFAULT_CONTROL_LABELS } from "./session/labels.js";
export { CARD_NAMES, type CardHighlights, type CardName } from "./store/card-of.js";
export {
  createOnboardingStore,
  type OnboardingActions,
  type OnboardingStore,
  type OnboardingStoreOptions,
} from "./store/create-store.js";
export { describeChange } from "./store/describe-change.js";
export type {
  AgentStatus,
  AgentWait,
  Announcement,
  ConnectionInfo,
  ConnectionStatus,
  LastChange,
  MicrophoneStatus,
  OnboardingState,
  PendingEdit,
  RejectedEdit,
  TranscriptEntry,
} from "./store/types.js";
export type {
  RecordedEntry,
  RecordedLine,
  RecordedMessage,
  RecordingOptions,
  ReplayOutput,
} from "./transport/recording.js";
export { createReplayTransport, type ReplayTransportOptions } from "./transport/replay-transport.js";
export type { Transport, TransportError, TransportSink } from "./transport/types.js";
export {
  type CssVariables,
  VoiceOnboarding,
  type VoiceOnboardingLabels,
  type VoiceOnboardingProps,
} from "./voice-onboarding.js";
