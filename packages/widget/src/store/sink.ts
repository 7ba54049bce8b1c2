import type { TransportError, TransportSink } from "../transport/types.js";
import type { OnboardingStore } from "./create-store.js";

/**
 * Lets a transport feed one widget's store. Once `live()` is false (the session was stopped or
 * replaced) whatever the transport still sends is dropped.
 */
export function sinkForStore(
  store: OnboardingStore,
  onError?: (error: TransportError) => void,
  live: () => boolean = () => true,
): TransportSink {
  const state = store.getState;
  return {
    message: (message) => (live() ? state().receive(message) : "stale"),
    connection: (status, error) => live() && state().setConnection({ status, error: error ?? null }),
    agentState: (agentState) => live() && state().setAgentState(agentState),
    transcript: (entry) => live() && state().upsertTranscript(entry),
    error: (error) => live() && onError?.(error),
    messages: () => state().messages,
  };
}
