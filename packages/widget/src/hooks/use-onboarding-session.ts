import { useStore } from "zustand";
import { useShallow } from "zustand/react/shallow";
import type { SessionController } from "../session/controller.js";
import type { AgentStatus, ConnectionInfo, MicrophoneStatus } from "../store/types.js";
import { useOnboardingContext } from "./use-onboarding-context.js";

export interface OnboardingSession extends SessionController {
  connection: ConnectionInfo;
  agentState: AgentStatus;
  microphone: MicrophoneStatus;
  muted: boolean;
}

/** Connection, agent and microphone state, with the actions that change them. */
export function useOnboardingSession(): OnboardingSession {
  const { store, session } = useOnboardingContext("useOnboardingSession");
  const state = useStore(
    store,
    useShallow(({ connection, agentState, microphone, muted }) => ({
      connection,
      agentState,
      microphone,
      muted,
    })),
  );
  return { ...session, ...state };
}
