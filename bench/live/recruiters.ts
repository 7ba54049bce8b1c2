/** Recruiters over @livekit/rtc-node for the load part: each message's arrival stamped, the script typed turn by turn. */
import type { ProtocolMessage } from "@voice-onboarding/protocol";
import type { joinAsRecruiter, RecruiterClient } from "../../packages/agent/test/live/recruiter-client.js";
import { sleep, until, wallNow } from "./clock.js";
import type { LiveBench } from "./context.js";
import { newSession, tokenFor } from "./sessions.js";

/** joinAsRecruiter, which the entry imports itself (rtc-node must load with NODE_ENV=production). */
export type JoinAsRecruiter = typeof joinAsRecruiter;

export interface Tracked {
  sessionId: string;
  client: RecruiterClient;
  /** seq → first arrival (ms, CLOCK_REALTIME). */
  arrivals: Map<number, number>;
  outOfOrder: number;
  duplicates: number;
  maxSeq: number;
  snapshotAt: number | null;
  /** The next script turn this recruiter types. */
  cursor: number;
}

/** A new session and its recruiter in the room, every message it receives stamped on arrival. */
export async function joinTracked(bench: LiveBench, join: JoinAsRecruiter): Promise<Tracked> {
  const profile = await newSession(bench);
  const credentials = await tokenFor(bench, profile);
  const client = await join(credentials.serverUrl, credentials.participantToken);
  const tracked: Tracked = {
    sessionId: profile.sessionId,
    client,
    arrivals: new Map(),
    outOfOrder: 0,
    duplicates: 0,
    maxSeq: 0,
    snapshotAt: null,
    cursor: 0,
  };
  // The client keeps every decoded message in an array: stamp each as it is appended.
  const messages = client.messages as ProtocolMessage[];
  const append = messages.push.bind(messages);
  messages.push = (...items: ProtocolMessage[]) => {
    const at = wallNow();
    for (const message of items) {
      if (message.type === "profile.snapshot") {
        tracked.snapshotAt ??= at;
        continue;
      }
      if (tracked.arrivals.has(message.seq)) tracked.duplicates += 1;
      else tracked.arrivals.set(message.seq, at);
      if (message.seq < tracked.maxSeq) tracked.outOfOrder += 1;
      tracked.maxSeq = Math.max(tracked.maxSeq, message.seq);
    }
    return append(...items);
  };
  return tracked;
}

/** Every one of these recruiters leaves its room (a failed leave is ignored). */
export async function leaveAll(recruiters: readonly Tracked[]): Promise<void> {
  await Promise.all(recruiters.map((one) => one.client.leave().catch(() => {})));
}

/**
 * Types up to `count` turns from the recruiter's place in the script, until `deadline`: each line,
 * then its changes, then the agent's spoken answer (its transcription stream closes when the line
 * has been spoken), then a pause. Resolves with the turns typed and those that stalled.
 */
export async function typeTurns(
  { intake: { script, versionAfterTurn }, thinkMs }: LiveBench,
  tracked: Tracked,
  count: number,
  deadline: number,
): Promise<{ turns: number; stalls: number }> {
  let stalls = 0;
  let turns = 0;
  for (; turns < count && tracked.cursor < script.turns.length; turns += 1) {
    if (Date.now() > deadline) break;
    const turn = tracked.cursor;
    tracked.cursor += 1;
    const repliesBefore = tracked.client.agentLines.length;
    await tracked.client.say(script.turns[turn]?.user ?? "");
    const version = versionAfterTurn[turn] ?? 0;
    const wait = (ms: number) => Math.max(1000, Math.min(ms, deadline + 10_000 - Date.now()));
    try {
      await until("the turn's changes", () => tracked.maxSeq >= version, wait(30_000));
      await until(
        "the agent's answer",
        () => tracked.client.agentLines.length > repliesBefore,
        wait(20_000),
        50,
      );
    } catch {
      stalls += 1;
    }
    await sleep(thinkMs / 2 + Math.random() * thinkMs);
  }
  return { turns, stalls };
}
