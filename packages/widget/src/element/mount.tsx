import { createRoot, type Root } from "react-dom/client";
import { resolveMessages } from "../i18n/catalogues.js";
import { en } from "../i18n/en.js";
import type { Messages } from "../i18n/messages.js";
import widgetCss from "../styles/index.css?inline";
import type { ReplayOutput } from "../transport/recording.js";
import type { Transport } from "../transport/types.js";
import { VoiceOnboarding, type VoiceOnboardingProps } from "../voice-onboarding.js";
import { HOST_RESET, withoutRootUnits } from "./host-reset.js";

export interface MountOptions extends VoiceOnboardingProps {
  /**
   * A URL the widget POSTs to on Start, answering LiveKit's token-endpoint shape
   * `{ serverUrl, participantToken }`. Used when no `tokenFetcher` is given.
   */
  tokenEndpoint?: string;
  /** What `voice-onboarding-agent replay --out` writes: plays it instead of connecting (demos). */
  replay?: ReplayOutput;
}

export interface MountedWidget {
  /** Replaces the options (pass all of them, as with React props). */
  update(options: MountOptions): void;
  /** Ends the session and removes the widget. */
  unmount(): void;
}

type TokenMessages = Pick<Messages, "tokenEndpointFailed" | "tokenEndpointInvalid">;

/**
 * Fetches a LiveKit token from the host's endpoint; a failed answer names the endpoint and status
 * in the widget's language (it is shown as the connection failure), which `messagesNow` gives at
 * the time of the failure (the language's catalogue may load after the fetcher is made).
 */
export function tokenFetcherFor(endpoint: string, messagesNow: () => TokenMessages = () => en) {
  return async () => {
    const messages = messagesNow();
    const response = await fetch(endpoint, { method: "POST", headers: { accept: "application/json" } });
    if (!response.ok) throw new Error(messages.tokenEndpointFailed(endpoint, response.status));
    const body = (await response.json()) as {
      serverUrl?: unknown;
      participantToken?: unknown;
      snapshot?: unknown;
    };
    if (typeof body.serverUrl !== "string" || typeof body.participantToken !== "string") {
      throw new Error(messages.tokenEndpointInvalid(endpoint));
    }
    const { serverUrl, participantToken, snapshot } = body;
    // The session service's token route answers the profile too: the cards paint before the agent joins.
    return { serverUrl, participantToken, ...(snapshot !== undefined && { snapshot }) };
  };
}

/**
 * The replay's transport, usable at once: the decoder (zod) loads only when a replay is given, and
 * a Start pressed before it loaded connects when it has (not to nothing).
 */
function replayTransport(replay: ReplayOutput): { transport: Transport; loaded: Promise<Transport> } {
  const loaded = Promise.all([
    import("../transport/recording.js"),
    import("../transport/replay-transport.js"),
  ]).then(([{ recordingFromReplay }, { createReplayTransport }]) =>
    createReplayTransport({ recording: recordingFromReplay(replay) }),
  );
  let connected = false;
  const transport: Transport = {
    async connect(sink) {
      connected = true;
      const inner = await loaded;
      if (connected) await inner.connect(sink);
    },
    requestSnapshot: async () => (await loaded).requestSnapshot(),
    sendEdit: async (command) => (await loaded).sendEdit(command),
    sendText: async (text) => (await loaded).sendText(text),
    async disconnect() {
      if (!connected) return;
      connected = false;
      await (await loaded).disconnect();
    },
  };
  return { transport, loaded };
}

/**
 * Renders `<VoiceOnboarding/>` into `target`'s open shadow root (made if missing) with the widget's
 * stylesheet inside it: the host's CSS cannot restyle it and none of ours leaks out; `--vo-*`
 * custom properties still theme it from outside.
 */
export function mount(target: HTMLElement, options: MountOptions): MountedWidget {
  const shadow = target.shadowRoot ?? target.attachShadow({ mode: "open" });
  const style = document.createElement("style");
  style.textContent = `${HOST_RESET}\n${withoutRootUnits(widgetCss)}`;
  const container = document.createElement("div");
  container.setAttribute("part", "container");
  shadow.replaceChildren(style, container);
  const root: Root = createRoot(container);
  let current = options;
  let replayed: { replay: ReplayOutput; transport: Transport } | null = null;
  let unmounted = false;

  const render = () => {
    if (unmounted) return;
    const { tokenEndpoint, replay, ...props } = current;
    if (replay && replayed?.replay !== replay) {
      const { transport, loaded } = replayTransport(replay);
      replayed = { replay, transport };
      loaded.catch((cause: unknown) =>
        current.onError?.({
          kind: "invalid_message",
          message: cause instanceof Error ? cause.message : String(cause),
        }),
      );
    }
    const transport = props.transport ?? (replay ? replayed?.transport : undefined);
    const tokenFetcher =
      props.tokenFetcher ??
      (tokenEndpoint
        ? tokenFetcherFor(tokenEndpoint, () => resolveMessages(props.locale, props.messages) ?? en)
        : undefined);
    root.render(<VoiceOnboarding {...props} transport={transport} tokenFetcher={tokenFetcher} />);
  };
  render();
  return {
    update(options) {
      current = options;
      render();
    },
    unmount() {
      unmounted = true;
      root.unmount();
      shadow.replaceChildren();
    },
  };
}
