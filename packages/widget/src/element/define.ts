import type { JobProfile, TurnLatency } from "@voice-onboarding/protocol";
import type { MessageOverrides } from "../i18n/messages.js";
import type { ConnectionDetails } from "../session/controller.js";
import { CARD_NAMES, type CardName } from "../store/card-of.js";
import type { ConnectionStatus } from "../store/types.js";
import type { ReplayOutput } from "../transport/recording.js";
import type { TransportError } from "../transport/types.js";
import { type MountedWidget, type MountOptions, mount } from "./mount.js";

export const ELEMENT_NAME = "voice-onboarding";

/** The element's events: bubbling DOM `CustomEvent`s that cross the shadow boundary. */
export interface VoiceOnboardingEventMap {
  "voice-onboarding:change": CustomEvent<JobProfile>;
  "voice-onboarding:complete": CustomEvent<JobProfile>;
  "voice-onboarding:connection": CustomEvent<{ status: ConnectionStatus; reason: string | null }>;
  "voice-onboarding:error": CustomEvent<TransportError>;
  /** Each voice turn's latency as the agent announces it (LiveKit sessions with voice only). */
  "voice-onboarding:metrics": CustomEvent<TurnLatency>;
}

const THEMES = new Set(["light", "dark", "auto"]);

function headingLevelOf(attribute: string | null): MountOptions["headingLevel"] {
  const level = Number(attribute);
  return attribute !== null && Number.isInteger(level) && level >= 1 && level <= 5
    ? (level as MountOptions["headingLevel"])
    : undefined;
}

/** `cards="traits stages"` (spaces or commas): unknown names are left out, with a warning naming the valid ones. */
function cardsOf(attribute: string | null): CardName[] | undefined {
  if (attribute === null) return undefined;
  const names = attribute.split(/[\s,]+/).filter(Boolean);
  const unknown = names.filter((name) => !(CARD_NAMES as readonly string[]).includes(name));
  if (unknown.length > 0) {
    console.warn(
      `<${ELEMENT_NAME}> cards: unknown ${unknown.join(", ")}; the cards are ${CARD_NAMES.join(", ")}.`,
    );
  }
  return names.filter((name): name is CardName => !unknown.includes(name));
}

export interface VoiceOnboardingElement extends HTMLElement {
  tokenFetcher: (() => Promise<ConnectionDetails>) | undefined;
  replay: ReplayOutput | undefined;
  /** Overrides on top of the `locale` attribute's catalogue (any subset of `Messages`). */
  messages: MessageOverrides | undefined;
}

/**
 * Registers `<voice-onboarding>` once (later calls do nothing). Attributes: `token-endpoint`,
 * `theme` (light, dark, auto), `locale` (e.g. "de", "es-MX"), `read-only`, `text-only` (never asks for the microphone), `cards` (names and order, e.g. "traits stages"), `heading-level` (1 to 5). Properties for what attributes cannot carry: `tokenFetcher`, `replay`, `messages`. Removing the
 * element ends its session.
 */
export function defineVoiceOnboardingElement(name = ELEMENT_NAME): void {
  if (typeof customElements === "undefined" || customElements.get(name)) return;

  class Element extends HTMLElement implements VoiceOnboardingElement {
    static observedAttributes = [
      "token-endpoint",
      "theme",
      "locale",
      "read-only",
      "text-only",
      "cards",
      "heading-level",
    ];
    #mounted: MountedWidget | null = null;
    #tokenFetcher: (() => Promise<ConnectionDetails>) | undefined;
    #replay: ReplayOutput | undefined;
    #messages: MessageOverrides | undefined;

    get tokenFetcher() {
      return this.#tokenFetcher;
    }
    set tokenFetcher(value) {
      this.#tokenFetcher = value;
      this.#update();
    }
    get replay() {
      return this.#replay;
    }
    set replay(value) {
      this.#replay = value;
      this.#update();
    }

    get messages() {
      return this.#messages;
    }
    set messages(value) {
      this.#messages = value;
      this.#update();
    }

    connectedCallback() {
      this.#mounted ??= mount(this, this.#options());
    }

    disconnectedCallback() {
      this.#mounted?.unmount();
      this.#mounted = null;
    }

    attributeChangedCallback() {
      this.#update();
    }

    #update() {
      this.#mounted?.update(this.#options());
    }

    // One function for the element's life: the widget listens to the room again when it changes.
    #onMetrics = (turn: TurnLatency) => this.#emit("voice-onboarding:metrics", turn);

    #emit<K extends keyof VoiceOnboardingEventMap>(type: K, detail: VoiceOnboardingEventMap[K]["detail"]) {
      this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
    }

    #options(): MountOptions {
      const theme = this.getAttribute("theme");
      return {
        tokenEndpoint: this.getAttribute("token-endpoint") ?? undefined,
        tokenFetcher: this.#tokenFetcher,
        replay: this.#replay,
        theme: theme && THEMES.has(theme) ? (theme as MountOptions["theme"]) : undefined,
        locale: this.getAttribute("locale") ?? undefined,
        messages: this.#messages,
        readOnly: this.hasAttribute("read-only"),
        textOnly: this.hasAttribute("text-only"),
        cards: cardsOf(this.getAttribute("cards")),
        headingLevel: headingLevelOf(this.getAttribute("heading-level")),
        onProfileChange: (profile) => this.#emit("voice-onboarding:change", profile),
        onComplete: (profile) => this.#emit("voice-onboarding:complete", profile),
        onConnectionChange: (status, reason) => this.#emit("voice-onboarding:connection", { status, reason }),
        onError: (error) => this.#emit("voice-onboarding:error", error),
        onMetrics: this.#onMetrics,
      };
    }
  }
  customElements.define(name, Element);
}
