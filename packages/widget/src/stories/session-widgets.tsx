import { useMemo } from "react";
import { type ReplayOutput, recordingFromReplay } from "../transport/recording.js";
import { createReplayTransport } from "../transport/replay-transport.js";
import { VoiceOnboarding, type VoiceOnboardingProps } from "../voice-onboarding.js";
import { createFixedTransport, type FixedSession } from "./fixed-transport.js";

export type WidgetProps = Omit<VoiceOnboardingProps, "transport">;

/** `<VoiceOnboarding/>` on a transport frozen in one moment of a session. */
export function FixedSessionWidget({ session, ...props }: WidgetProps & { session: FixedSession }) {
  const transport = useMemo(() => createFixedTransport(session), [session]);
  return <VoiceOnboarding {...props} transport={transport} />;
}

export interface ReplayProps {
  replay: ReplayOutput;
  /** 2 plays twice as fast. */
  speed: number;
  /** `end` delivers every message (and transcript line) at once: the finished intake, for screenshots. */
  from: "start" | "end";
}

/** `<VoiceOnboarding/>` replaying a recorded call through the real store. */
export function ReplayWidget({ replay, speed, from, ...props }: WidgetProps & ReplayProps) {
  const transport = useMemo(() => {
    const recorded = recordingFromReplay(replay);
    const recording = from === "end" ? recorded.map((item) => ({ ...item, delayMs: 0 })) : recorded;
    return createReplayTransport({ recording, speed });
  }, [replay, speed, from]);
  return <VoiceOnboarding {...props} transport={transport} />;
}
