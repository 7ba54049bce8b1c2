import type { TransportError, TransportSink } from "../transport/types.js";
import type { OnboardingStore } from "./create-store.js";

/** Lets a transport feed one widget's store. */
export function sinkForStore(
  store: OnboardingStore,
  onError?: (error: TransportError) => void,
): TransportSink {
  const state = store.getState;
  return {
    message: (message) => state().receive(message),
    connection: (status, error) => state().setConnection({ status, error: error ?? null }),
    agentState: (agentState) => state().setAgentState(agentState),
    transcript: (entry) => state().upsertTranscript(entry),
    error: (error) => onError?.(error),
  };
}
