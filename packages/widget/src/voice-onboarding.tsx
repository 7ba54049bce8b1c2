"use client";

import type { JobProfile, TurnLatency } from "@voice-onboarding/protocol";
import type { Room } from "livekit-client";
import { type CSSProperties, useEffect, useMemo } from "react";
import { useStore } from "zustand";
import { StoreProfileCards } from "./cards/connected/lazy-cards.js";
import { ReadOnlyContext } from "./cards/connected/read-only.js";
import { HeadingLevelContext } from "./cards/heading.js";
import { OnboardingProvider } from "./hooks/onboarding-provider.js";
import { useOnboardingStore } from "./hooks/use-onboarding-store.js";
import type { CardMessages } from "./i18n/card-messages.js";
import type { ControlMessages } from "./i18n/control-messages.js";
import { type MessageOverrides, mergeMessages } from "./i18n/messages.js";
import { useMessages } from "./i18n/use-messages.js";
import { Announcer } from "./session/announcer.js";
import type { ConnectionDetails, ConnectionOptions } from "./session/controller.js";
import { LiveKitScope } from "./session/livekit-scope.js";
import { TextInput } from "./session/text-input.js";
import { Transcript } from "./session/transcript.js";
import { useTurnMetrics } from "./session/turn-metrics.js";
import { VoiceControls } from "./session/voice-controls.js";
import type { CardName } from "./store/card-of.js";
import type { ConnectionStatus } from "./store/types.js";
import type { Transport, TransportError } from "./transport/types.js";

/** @deprecated Use `MessageOverrides` (the `messages` prop), which covers every string. */
export type VoiceOnboardingLabels = Partial<CardMessages> & Partial<ControlMessages>;
export type CssVariables = { [name: `--vo-${string}`]: string | number };

export interface VoiceOnboardingProps {
  /** Preferred: called on start to get a fresh LiveKit token from the host's backend. */
  tokenFetcher?: () => Promise<ConnectionDetails>;
  serverUrl?: string;
  participantToken?: string;
  /**
   * A LiveKit room the host creates, connects and disconnects itself, instead of a token. On Start
   * the widget binds to it (profile messages, transcript, the agent's audio) and enables the
   * microphone unless text only; on Stop or unmount it unbinds and turns off only the microphone it
   * turned on, leaving the room connected. Used over `tokenFetcher` and `serverUrl` when both are given.
   */
  room?: Room;
  /** A replay or custom transport instead of LiveKit; used over every other connection prop. */
  transport?: Transport;
  /**
   * While connected without this session's agent in the room (it never arrived, or its job died),
   * the widget says so and, after this many milliseconds, calls `tokenFetcher` again so the session
   * service dispatches a new agent; it keeps asking (2×, 4×, … up to a minute) until one is back.
   * The connection itself is kept. Default 6000.
   */
  agentWaitMs?: number;
  theme?: "light" | "dark" | "auto";
  style?: CSSProperties;
  cssVariables?: CssVariables;
  /**
   * The language, as a BCP 47 tag: "en", "es", "de", or with a region ("es-MX", "de-CH") for its
   * number and money format. An unknown language shows English and warns. Default: the language of
   * a surrounding `<MessagesProvider>`, else English.
   */
  locale?: string;
  /** Overrides on top of the locale's catalogue, any subset of keys (see `Messages`); memoize it. */
  messages?: MessageOverrides;
  /** @deprecated Use `messages`; still applied, under `messages`. */
  labels?: VoiceOnboardingLabels;
  /**
   * The level of the widget's top headings (card and conversation titles), so they fit the host
   * page's outline; groups and items inside a card go one and two levels deeper (at most h6). Default 2.
   */
  headingLevel?: 1 | 2 | 3 | 4 | 5;
  /** Which cards to show, in this order; by default all six (`CARD_NAMES`). */
  cards?: readonly CardName[];
  /** Shows the profile without edit controls (the conversation still runs). */
  readOnly?: boolean;
  /**
   * Typed conversation only: Start never asks for the microphone, and the agent, hearing no
   * microphone, answers in text without speaking (no speech is synthesised). Default false: voice,
   * with text as the fallback when the microphone is refused.
   */
  textOnly?: boolean;
  className?: string;
  onProfileChange?: (profile: JobProfile) => void;
  /** When the profile becomes complete; not for a session that loads already complete. */
  onComplete?: (profile: JobProfile) => void;
  onError?: (error: TransportError) => void;
  /** With the reason in words when the connection failed or was lost, else null. */
  onConnectionChange?: (status: ConnectionStatus, reason: string | null) => void;
  /**
   * Each voice turn's latency as the agent measured it (end of speech to its first audio, and the
   * parts: end-of-utterance wait, model first token, TTS first byte), for the host's own display or
   * telemetry. LiveKit sessions only.
   */
  onMetrics?: (turn: TurnLatency) => void;
}

type Callbacks = Pick<VoiceOnboardingProps, "onProfileChange" | "onComplete" | "onConnectionChange">;

function connectionOf({ tokenFetcher, serverUrl, participantToken, room, transport }: VoiceOnboardingProps) {
  if (transport) return { transport } satisfies ConnectionOptions;
  if (room) return { room } satisfies ConnectionOptions;
  if (tokenFetcher) return { tokenFetcher } satisfies ConnectionOptions;
  if (serverUrl && participantToken) return { serverUrl, participantToken } satisfies ConnectionOptions;
  return undefined;
}

function useHostCallbacks({ onProfileChange, onComplete, onConnectionChange }: Callbacks) {
  const store = useOnboardingStore();
  useEffect(
    () =>
      store.subscribe((state, previous) => {
        const profile = state.confirmedProfile;
        if (profile && profile !== previous.confirmedProfile) {
          onProfileChange?.(profile);
          // Only the transition: a session loaded already complete (a reload, a replay resumed at its
          // end) has no earlier profile here and is not reported again.
          const before = previous.confirmedProfile;
          if (profile.status === "completed" && before !== null && before.status !== "completed") {
            onComplete?.(profile);
          }
        }
        const { status, error } = state.connection;
        if (status !== previous.connection.status || error !== previous.connection.error)
          onConnectionChange?.(status, error);
      }),
    [store, onProfileChange, onComplete, onConnectionChange],
  );
}

function Layout({
  theme = "auto",
  style,
  cssVariables,
  readOnly = false,
  textOnly = false,
  cards,
  headingLevel = 2,
  className,
  onMetrics,
  ...callbacks
}: VoiceOnboardingProps) {
  useHostCallbacks(callbacks);
  useTurnMetrics(onMetrics);
  const room = useStore(useOnboardingStore(), (state) => state.room);
  const messages = useMessages();
  return (
    <div
      className={["vo-root", className].filter(Boolean).join(" ")}
      data-theme={theme}
      lang={messages.locale}
      style={{ ...cssVariables, ...style }}
    >
      <HeadingLevelContext.Provider value={headingLevel}>
        <LiveKitScope room={room}>
          <div className="vo-session">
            <VoiceControls labels={messages} textOnly={textOnly} />
            <Transcript labels={messages} />
            <TextInput labels={messages} />
          </div>
          <ReadOnlyContext.Provider value={readOnly}>
            <StoreProfileCards cards={cards} />
          </ReadOnlyContext.Provider>
          <Announcer />
        </LiveKitScope>
      </HeadingLevelContext.Provider>
    </div>
  );
}

/**
 * The voice intake widget: voice controls, live transcript, text input and the profile cards.
 * Unmounting it ends the session (a room it created is disconnected).
 */
export function VoiceOnboarding({ locale, messages, labels, ...props }: VoiceOnboardingProps) {
  const overrides = useMemo(() => (labels ? mergeMessages(labels, messages) : messages), [labels, messages]);
  return (
    <OnboardingProvider
      connection={connectionOf(props)}
      onError={props.onError}
      agentWaitMs={props.agentWaitMs}
      locale={locale}
      messages={overrides}
    >
      <Layout {...props} />
    </OnboardingProvider>
  );
}
