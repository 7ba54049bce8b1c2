import { voice } from "@livekit/agents";

/** What agents-js 1.9 keeps private, as far as this module reaches into it. */
interface SessionInternals {
  sessionHost?: { close(): Promise<void> };
  _roomIO?: {
    agentTranscriptOutput?: voice.ParalellTextOutput;
    userTranscriptOutput?: voice.ParalellTextOutput;
  };
}

/**
 * Switches off two outputs agents-js gives every room session and nobody here reads, once the
 * session has started:
 * - its session host, which sends every session event (agent state, conversation items, metrics,
 *   tool calls) as a byte stream on `lk.agent.session` to the linked participant, for LiveKit's
 *   own clients: the widget ignores the topic, and its browser received and dropped each one;
 * - the legacy transcription (`publishTranscription`) beside the `lk.transcription` text streams
 *   the widget reads.
 * Over typed turns on the live bench they were ~8 % and ~5 % of a job's main-thread CPU.
 */
export async function dropUnreadOutputs(session: voice.AgentSession): Promise<void> {
  const internals = session as unknown as SessionInternals;
  for (const output of [internals._roomIO?.agentTranscriptOutput, internals._roomIO?.userTranscriptOutput]) {
    if (output)
      output._sinks = output._sinks.filter(
        (sink) => !(sink instanceof voice.ParticipantLegacyTranscriptionOutput),
      );
  }
  const host = internals.sessionHost;
  internals.sessionHost = undefined;
  await host?.close();
}
