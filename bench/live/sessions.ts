/** The bench's sessions: created in the store, joined with a recruiter token, their commit times read back. */
import type { JobProfile } from "@voice-onboarding/protocol";
import {
  createAgentDispatcher,
  liveKitRoomAgentApi,
} from "../../packages/agent/src/server/agent-dispatch.js";
import { issueRecruiterToken, roomNameFor } from "../../packages/agent/src/server/tokens.js";
import type { LiveBench } from "./context.js";

export function newSession({ service, intake }: Pick<LiveBench, "service" | "intake">): Promise<JobProfile> {
  return service.createSession({
    recruiter: intake.script.session.recruiter,
    company: intake.script.session.company,
    requirements: intake.script.session.profile.requirements,
  });
}

export function tokenFor({ stack }: Pick<LiveBench, "stack">, profile: JobProfile) {
  return issueRecruiterToken(profile, {
    livekit: { url: stack.livekit.url, apiKey: stack.livekit.apiKey, apiSecret: stack.livekit.apiSecret },
    agentName: stack.agentName,
    ttlSeconds: 900,
  });
}

/**
 * The session service's agent check (`serve` runs it beside every token): a room that exists but has
 * lost its agent gets one dispatched; a new room gets it from the token's roomConfig.
 */
export function agentDispatcherFor({ stack }: Pick<LiveBench, "stack">) {
  const dispatcher = createAgentDispatcher({
    api: liveKitRoomAgentApi({
      url: stack.livekit.url,
      apiKey: stack.livekit.apiKey,
      apiSecret: stack.livekit.apiSecret,
    }),
    agentName: stack.agentName,
  });
  return (profile: JobProfile) =>
    dispatcher.ensureAgent(roomNameFor(profile.sessionId), { sessionId: profile.sessionId });
}

/** Commit times (ms, CLOCK_REALTIME) of every change (seq > 0) of these sessions, from PostgreSQL. */
export async function committedAt(
  { stack }: Pick<LiveBench, "stack">,
  sessionIds: readonly string[],
): Promise<Map<string, Map<number, number>>> {
  const byId = new Map(sessionIds.map((id) => [id, new Map<number, number>()]));
  if (sessionIds.length === 0) return byId;
  const list = sessionIds.map((id) => `'${id.replaceAll("'", "''")}'`).join(", ");
  const rows = await stack.postgres.sql(
    `select session_id, seq, (extract(epoch from created_at) * 1000)::float8
       from public.job_profile_events where session_id in (${list}) and seq > 0;`,
  );
  for (const row of rows.split("\n")) {
    const [id, seq, at] = row.split("|");
    if (id && seq && at) byId.get(id)?.set(Number(seq), Number(at));
  }
  return byId;
}
